export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return globalThis.require("child_process").spawn(c);
}
