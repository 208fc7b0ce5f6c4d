export function make(src) {
  // pi-expect: SEC-FUNC-001
  return new globalThis.Function(src);
}
