export function merge(target, key, value) {
  // pi-expect: SEC-PROTO-001
  target.__proto__.isAdmin = true;
}
