export class Job {
  constructor(name) {
    this.name = name;
  }
  clone() {
    // pi-expect: clean
    return new this.constructor(this.name);
  }
}
