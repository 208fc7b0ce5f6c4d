export function run(code) {
  // pi-expect: SEC-EVAL-001
  return Object.getOwnPropertyDescriptor(globalThis, "eval").value(code);
}
