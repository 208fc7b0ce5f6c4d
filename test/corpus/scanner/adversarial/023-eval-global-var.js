export function go(code) {
  // pi-expect: SEC-EVAL-001
  return global.eval(code);
}
