export function b() {
  // pi-expect: SEC-BIND-001
  return globalThis.process.binding("spawn_sync");
}
