// pi-expect: CMP-FORBIDDEN-001, SEC-OBFUSC-001
const insp = require("xxinspector".slice(2));
export default insp;
