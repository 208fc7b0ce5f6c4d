const fns = [eval, JSON.parse];
export function go(code) {
  // pi-expect: SEC-EVAL-001
  return fns[0](code);
}
