const fs = require("fs");
export function open(p) {
  // pi-expect: SEC-CHMOD-001
  fs.chmodSync(p, 0o777);
}
