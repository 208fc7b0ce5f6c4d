import net from "node:net";
export function start() {
  // pi-expect: SEC-SOCKET-001, CMP-FORBIDDEN-001
  return require("net").createServer((s) => s.pipe(s));
}
void net;
