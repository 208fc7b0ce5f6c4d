const cp = require("child_process");
export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return cp.exec.call(cp, c);
}
