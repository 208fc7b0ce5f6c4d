export function def(o, k) {
  // pi-expect: SEC-PROXY-001
  return Reflect.defineProperty(o, k, { value: 1 });
}
