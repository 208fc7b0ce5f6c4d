const cp = require("child_process");
const { ["exec"]: run } = cp;
export function go(x) {
  // pi-expect: SEC-SPAWN-001
  return run(x);
}
