type Fn = Function;
export function isFn(x: unknown): x is Fn {
  // pi-expect: clean
  return typeof x === "function" || x instanceof Function;
}
