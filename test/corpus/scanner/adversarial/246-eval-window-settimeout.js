export function later(expr) {
  // pi-expect: SEC-EVAL-001
  window.setTimeout("handle(" + JSON.stringify(expr) + ")");
}
