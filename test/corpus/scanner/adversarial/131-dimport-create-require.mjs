import { createRequire } from "node:module";
const req = createRequire(import.meta.url);
export function load(spec) {
  // pi-expect: SEC-DIMPORT-001
  return req(spec);
}
