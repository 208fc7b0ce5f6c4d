export function expose(api) {
  // pi-expect: SEC-GLOBAL-001
  Object.assign(globalThis, { api });
}
