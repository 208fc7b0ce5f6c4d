// pi-expect: CMP-FORBIDDEN-001, SEC-OBFUSC-001
const w = require(["worker", "threads"].join("_"));
export default w;
