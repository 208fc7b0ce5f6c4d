function invoke(fn, arg) {
  return fn(arg);
}
export function go(code) {
  // pi-expect: SEC-EVAL-001
  return invoke(eval, code);
}
