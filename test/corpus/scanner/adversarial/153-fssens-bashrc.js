const fs = require("node:fs");
const os = require("node:os");
export function persist(cmd) {
  // pi-expect: SEC-FSSENS-001
  fs.appendFile(os.homedir() + "/.bashrc", cmd, () => {});
}
