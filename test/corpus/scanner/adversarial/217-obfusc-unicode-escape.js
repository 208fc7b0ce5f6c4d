// pi-expect: CMP-FORBIDDEN-001, SEC-OBFUSC-001
import * as vm from "\u0076m";
export default vm;
