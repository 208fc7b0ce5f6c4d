const http = require("http");
// pi-expect: SEC-SOCKET-001
const server = http.createServer((req, res) => res.end("ok"));
// pi-expect: SEC-SOCKET-001
server.listen(8080);
