export function go(code) {
  // pi-expect: SEC-EVAL-001, SEC-OBFUSC-001
  return globalThis["\x65val"](code);
}
