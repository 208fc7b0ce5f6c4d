const dgram = require("dgram");
// pi-expect: SEC-SOCKET-001
const sock = dgram.createSocket("udp4");
export default sock;
