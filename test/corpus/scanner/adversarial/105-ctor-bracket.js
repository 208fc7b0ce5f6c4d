export function escape(o, code) {
  // pi-expect: SEC-CONSTRUCTOR-001
  return o["constructor"]["constructor"](code)();
}
