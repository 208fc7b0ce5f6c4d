export function swap(a, b) {
  // pi-expect: SEC-PROTO-001
  Object.setPrototypeOf(a, b);
}
