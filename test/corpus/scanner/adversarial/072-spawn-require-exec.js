const cp = require("child_process");
export function run(cmd) {
  // pi-expect: SEC-SPAWN-001
  return cp.exec(cmd);
}
