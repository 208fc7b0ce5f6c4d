export function defer(fn) {
  // pi-expect: clean
  setImmediate(() => fn());
}
