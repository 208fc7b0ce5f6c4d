// pi-expect: CMP-REWRITE-001
import { readFileSync } from "node:fs";
export const read = (p) => readFileSync(p, "utf8");
