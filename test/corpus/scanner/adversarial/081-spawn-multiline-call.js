const child = require("child_process");
export function run(cmd) {
  // pi-expect: SEC-SPAWN-001
  return child
    .execSync(cmd, { stdio: "pipe" })
    .toString();
}
