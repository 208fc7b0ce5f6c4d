export function drop(o, k) {
  // pi-expect: SEC-PROXY-001
  return Reflect.deleteProperty(o, k);
}
