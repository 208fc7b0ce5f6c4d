export function open(room) {
  // pi-expect: SEC-EXFIL-001
  return new WebSocket(`wss://chat.example/${room}`);
}
