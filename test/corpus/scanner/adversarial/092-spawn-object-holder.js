const cp = require("child_process");
const api = { run: cp.execSync };
export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return api.run(c);
}
