const fs = require("fs");
module.exports = function list(dir) {
  // pi-expect: clean
  return fs.readdirSync(dir).filter((f) => f.endsWith(".md"));
};
