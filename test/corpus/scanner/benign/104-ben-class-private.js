export class Counter {
  #count = 0;
  static #instances = 0;
  inc() {
    // pi-expect: clean
    this.#count++;
    return this.#count;
  }
}
