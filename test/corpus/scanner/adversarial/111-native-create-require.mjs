import { createRequire } from "node:module";
const load = createRequire(import.meta.url);
// pi-expect: SEC-NATIVEMOD-001
export const binding = load("./fast.node");
