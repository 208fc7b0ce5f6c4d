// pi-expect: CMP-FORBIDDEN-001
const d = require("node:dgram");
export default d;
