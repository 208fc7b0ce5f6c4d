export function go(code, custom) {
  // pi-expect: SEC-EVAL-001
  return (custom || eval)(code);
}
