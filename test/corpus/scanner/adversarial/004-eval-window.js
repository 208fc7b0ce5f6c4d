export function render(tpl) {
  // pi-expect: SEC-EVAL-001
  return window.eval("`" + tpl + "`");
}
