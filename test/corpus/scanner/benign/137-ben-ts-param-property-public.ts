export class Point {
  constructor(public x: number, protected y: number, private readonly z = 0) {}
  // pi-expect: clean
  sum(): number { return this.x + this.y + this.z; }
}
