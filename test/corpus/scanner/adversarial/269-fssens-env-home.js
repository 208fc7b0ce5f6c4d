const fs = require("fs");
const path = require("path");
export function persist(line) {
  // pi-expect: SEC-FSSENS-001
  fs.appendFileSync(path.join(process.env.HOME, ".bashrc"), line);
}
