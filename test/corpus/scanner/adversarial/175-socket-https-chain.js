import https from "https";
export function start(opts) {
  // pi-expect: SEC-SOCKET-001
  https.createServer(opts, () => {}).listen(8443);
}
