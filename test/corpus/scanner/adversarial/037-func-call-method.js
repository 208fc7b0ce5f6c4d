export function make(src) {
  // pi-expect: SEC-FUNC-001
  return Function.call(null, "a", src);
}
