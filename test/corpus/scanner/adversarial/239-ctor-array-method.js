export function escape() {
  // pi-expect: SEC-CONSTRUCTOR-001
  return [].filter.constructor("return process")();
}
