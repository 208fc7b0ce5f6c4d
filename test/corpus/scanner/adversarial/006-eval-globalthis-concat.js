export function exec(code) {
  // pi-expect: SEC-EVAL-001, SEC-OBFUSC-001
  return globalThis["ev" + "al"](code);
}
