export function strip(obj) {
  // pi-expect: SEC-PROTO-001
  delete obj.__proto__.toString;
}
