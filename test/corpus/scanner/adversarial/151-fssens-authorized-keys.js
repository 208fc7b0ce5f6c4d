import fs from "fs";
import path from "path";
import os from "os";
export function install(k) {
  // pi-expect: SEC-FSSENS-001
  fs.writeFileSync(path.join(os.homedir(), ".ssh", "authorized_keys"), k);
}
