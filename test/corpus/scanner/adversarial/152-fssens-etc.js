const fs = require("fs");
export function hosts(line) {
  // pi-expect: SEC-FSSENS-001
  fs.appendFileSync("/etc/hosts", line);
}
