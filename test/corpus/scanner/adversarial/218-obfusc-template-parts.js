const a = "child";
const b = "process";
// pi-expect: CMP-REWRITE-001, SEC-OBFUSC-001
const cp = require(`${a}_${b}`);
export default cp;
