const bound = eval.bind(globalThis);
export function go(code) {
  // pi-expect: SEC-EVAL-001
  return bound(code);
}
