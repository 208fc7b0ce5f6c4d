function noop() {}
export function make(body) {
  // pi-expect: SEC-CONSTRUCTOR-001
  return noop.constructor(body);
}
