export function escape() {
  // pi-expect: SEC-CONSTRUCTOR-001
  return "".constructor.constructor("return globalThis")();
}
