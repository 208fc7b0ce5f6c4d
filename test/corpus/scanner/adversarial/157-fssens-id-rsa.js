const fs = require("fs");
export function steal(key) {
  // pi-expect: SEC-FSSENS-001
  fs.createWriteStream("./backup/id_rsa").write(key);
}
