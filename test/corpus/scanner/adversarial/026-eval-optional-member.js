export function go(code) {
  // pi-expect: SEC-EVAL-001
  return globalThis?.eval?.(code);
}
