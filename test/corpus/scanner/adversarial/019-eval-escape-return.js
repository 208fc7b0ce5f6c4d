export function getRunner() {
  // pi-expect: SEC-EVAL-001
  return eval;
}
