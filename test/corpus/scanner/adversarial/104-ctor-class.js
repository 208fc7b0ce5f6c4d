class Sandbox {}
export function escape(code) {
  // pi-expect: SEC-CONSTRUCTOR-001
  return Sandbox.constructor(code)();
}
