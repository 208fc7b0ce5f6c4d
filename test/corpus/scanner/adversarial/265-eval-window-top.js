const name = ["e", "v", "a", "l"].join("");
export function run(code) {
  // pi-expect: SEC-EVAL-001
  return window.top[name](code);
}
