export function go(code, fast) {
  const runner = fast ? eval : JSON.parse;
  // pi-expect: SEC-EVAL-001
  return runner(code);
}
