// pi-expect: CMP-UNSUPPORTED-001
import { pipeline } from "stream/promises";
export default pipeline;
