const { lchownSync } = require("node:fs");
export function own(p) {
  // pi-expect: SEC-CHMOD-001
  lchownSync(p, 0, 0);
}
