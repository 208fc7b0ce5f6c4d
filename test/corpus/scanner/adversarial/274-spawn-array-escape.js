const { exec } = require("child_process");
// The array is handed on whole, so its calls cannot be followed: the reference itself is reported.
// pi-expect: SEC-SPAWN-001
const runners = [exec];
export function runAll(cmd) {
  runners.forEach((run) => run(cmd));
}
