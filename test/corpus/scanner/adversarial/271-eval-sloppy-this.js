// The global object from a sloppy-mode function's `this`, a classic bundle idiom turned into an eval.
var root = (function () { return this; })();
export function run(code) {
  // pi-expect: SEC-EVAL-001
  return root.eval(code);
}
