export function run(x) {
  // pi-expect: SEC-EVAL-001
  return \u0065val(x);
}
