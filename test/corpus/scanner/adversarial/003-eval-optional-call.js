export function run(code) {
  // pi-expect: SEC-EVAL-001
  return eval?.(code);
}
