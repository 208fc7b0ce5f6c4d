// pi-expect: CMP-REWRITE-001, SEC-OBFUSC-001
const cp = require("ssecorp_dlihc".split("").reverse().join(""));
export default cp;
