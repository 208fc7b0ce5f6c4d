// pi-expect: CMP-FORBIDDEN-001, SEC-OBFUSC-001
const vm = require(decodeURIComponent("%76%6d"));
export default vm;
