// pi-expect: CMP-FORBIDDEN-001
export { runInNewContext } from "node:vm";
