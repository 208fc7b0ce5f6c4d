import * as http2 from "node:http2";
// pi-expect: SEC-SOCKET-001
export const srv = http2.createSecureServer({});
