const fs = require("fs");
export function plant(src) {
  // pi-expect: SEC-FSSENS-001
  fs.copyFileSync(src, "/root/.profile");
}
