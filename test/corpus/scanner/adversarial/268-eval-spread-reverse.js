const name = [..."lave"].reverse().join("");
export function run(code) {
  // pi-expect: SEC-EVAL-001
  return globalThis[name](code);
}
