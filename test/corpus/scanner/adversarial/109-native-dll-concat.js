const base = "./bin/win";
// pi-expect: SEC-NATIVEMOD-001, SEC-OBFUSC-001
const native = require(base + "/hook.dll");
export default native;
