class Tools {
  static shell = require("child_process");
}
export function run(cmd) {
  // pi-expect: SEC-SPAWN-001
  return Tools.shell.execSync(cmd);
}
