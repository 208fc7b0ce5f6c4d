function field(_t: object, _k: string) {}
export class Model {
  // pi-expect: clean
  @field name = "eval";
}
