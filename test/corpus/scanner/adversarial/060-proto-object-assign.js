export function merge(obj, patch) {
  // pi-expect: SEC-PROTO-001
  Object.assign(obj.__proto__, patch);
}
