export function send(tcp, payload) {
  // pi-expect: clean
  return tcp.exec(payload);
}
