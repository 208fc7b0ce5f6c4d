export function make(args) {
  // pi-expect: SEC-FUNC-001
  return Function.apply(null, args);
}
