// pi-expect: CMP-FORBIDDEN-001, SEC-OBFUSC-001
const net = require("nXet".replace("X", ""));
export default net;
