export function load(require) {
  // pi-expect: clean
  return require("child_process");
}
