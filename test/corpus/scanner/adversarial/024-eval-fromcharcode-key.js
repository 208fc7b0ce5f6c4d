export function go(code) {
  const k = String.fromCharCode(101, 118, 97, 108);
  // pi-expect: SEC-EVAL-001, SEC-OBFUSC-001
  return globalThis[k](code);
}
