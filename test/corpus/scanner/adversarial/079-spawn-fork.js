const { fork } = require("node:child_process");
export function worker(path) {
  // pi-expect: SEC-SPAWN-001
  return fork(path);
}
