export function getGlobal() {
  // pi-expect: SEC-FUNC-001
  return Function("return this")();
}
