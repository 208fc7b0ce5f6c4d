export function escape(code) {
  // pi-expect: SEC-CONSTRUCTOR-001
  return "".sub.constructor(code)();
}
