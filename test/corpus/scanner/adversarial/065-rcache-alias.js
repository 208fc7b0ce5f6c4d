const r = require;
export function clear() {
  // pi-expect: SEC-RCACHE-001
  for (const k of Object.keys(r.cache)) delete r.cache[k];
}
