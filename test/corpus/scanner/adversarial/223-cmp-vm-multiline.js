import {
  Script,
  // pi-expect: CMP-FORBIDDEN-001
} from "vm";
export default Script;
