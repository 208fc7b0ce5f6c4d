export function bump(obj) {
  // pi-expect: SEC-PROTO-001
  obj.__proto__.count += 1;
}
