import assert from "node:assert";
export function check(x) {
  // pi-expect: clean
  assert.ok(x > 0, "x must be positive");
}
