export function make(code) {
  // pi-expect: SEC-CONSTRUCTOR-001
  return Function.prototype.constructor(code);
}
