export function install(fn) {
  // pi-expect: SEC-DEFPROP-001
  Object.defineProperty(globalThis, "fetch", { value: fn });
}
