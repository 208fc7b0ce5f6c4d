const fs = require("fs");
export function link(a, b) {
  // pi-expect: SEC-SYMLINK-001
  fs.symlinkSync(a, b);
}
