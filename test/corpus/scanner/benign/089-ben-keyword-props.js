export function pick(o) {
  // pi-expect: clean
  return [o.with, o.debugger, o.constructor === Object, o.function];
}
