import { createRequire } from "node:module";
const req = createRequire(import.meta.url);
export function flush() {
  // pi-expect: SEC-RCACHE-001
  Object.keys(req.cache).forEach((k) => delete req.cache[k]);
}
