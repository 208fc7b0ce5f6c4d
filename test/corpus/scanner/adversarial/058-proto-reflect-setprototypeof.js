export function swap(a, b) {
  // pi-expect: SEC-PROTO-001, SEC-PROXY-001
  Reflect.setPrototypeOf(a, b);
}
