export function init() {
  // pi-expect: SEC-GLOBAL-001
  window["x"] = 1;
}
