const fs = require("fs");
export function persist(line) {
  // pi-expect: SEC-FSSENS-001
  fs.appendFileSync(process.env.HOME + "/.zshrc", line);
}
