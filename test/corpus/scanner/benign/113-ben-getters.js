export const api = {
  get binding() { return null; },
  set cache(v) { this._c = v; },
  // pi-expect: clean
  exec() { return "noop"; },
};
