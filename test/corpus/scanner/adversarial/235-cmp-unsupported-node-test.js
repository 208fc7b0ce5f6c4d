// pi-expect: CMP-UNSUPPORTED-001
import test from "node:test";
export default test;
