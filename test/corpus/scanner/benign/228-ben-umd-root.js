var root = (function () { return this; })();
// pi-expect: clean
var previous = root && root.lodashLike;
export function noConflict() {
  return previous;
}
