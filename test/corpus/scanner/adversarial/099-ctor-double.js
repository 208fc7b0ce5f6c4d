export function escape(x) {
  // pi-expect: SEC-CONSTRUCTOR-001
  return x.constructor.constructor("return process")();
}
