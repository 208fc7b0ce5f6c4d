export class Temp {
  private _c = 0;
  get celsius(): number { return this._c; }
  // pi-expect: clean
  set celsius(v: number) { this._c = v; }
}
