export function go(s) {
  // pi-expect: SEC-EVAL-001, SEC-PROXY-001
  return Reflect.apply(eval, null, [s]);
}
