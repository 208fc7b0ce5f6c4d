const F = Function;
export function make(src) {
  // pi-expect: SEC-FUNC-001
  return new F("a", src);
}
