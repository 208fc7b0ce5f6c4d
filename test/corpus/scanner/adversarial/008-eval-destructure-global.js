const { eval: e2 } = globalThis;
export function go(s) {
  // pi-expect: SEC-EVAL-001
  return e2(s);
}
