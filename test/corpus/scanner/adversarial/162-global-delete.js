export function hide() {
  // pi-expect: SEC-GLOBAL-001
  delete globalThis.WebSocket;
}
