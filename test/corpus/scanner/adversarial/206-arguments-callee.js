export const fact = function (n) {
  // pi-expect: SEC-ARGUMENTS-001
  return n <= 1 ? 1 : n * arguments.callee(n - 1);
};
