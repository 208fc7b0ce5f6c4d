export function go(code, i) {
  // pi-expect: SEC-EVAL-001
  return [eval, String][i](code);
}
