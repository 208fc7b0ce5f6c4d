const M = require("module");
export function hijack(fn) {
  // pi-expect: SEC-RCACHE-001
  M._resolveFilename = fn;
}
