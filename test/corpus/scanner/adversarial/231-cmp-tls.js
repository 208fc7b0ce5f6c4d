// pi-expect: CMP-FORBIDDEN-001
import tls from "node:tls";
export default tls;
