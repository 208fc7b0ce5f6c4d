export function w(m) {
  // pi-expect: SEC-CONSOLE-001
  globalThis.console.warn(m);
}
