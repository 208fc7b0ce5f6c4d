export function run(x) {
  // pi-expect: SEC-EVAL-001, SEC-OBFUSC-001
  return globalThis[atob("ZXZhbA==")](x);
}
