// pi-expect: CMP-FORBIDDEN-001
import { Session } from "node:inspector/promises";
export default Session;
