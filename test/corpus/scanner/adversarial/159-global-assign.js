export function init() {
  // pi-expect: SEC-GLOBAL-001
  globalThis.cache = {};
}
