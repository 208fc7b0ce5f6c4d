// pi-expect: CMP-FORBIDDEN-001, SEC-OBFUSC-001
const vm = require(String.fromCharCode(118, 109));
export default vm;
