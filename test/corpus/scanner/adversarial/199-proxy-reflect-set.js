export function put(o, k, v) {
  // pi-expect: SEC-PROXY-001
  return Reflect.set(o, k, v);
}
