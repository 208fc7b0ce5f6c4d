const helpers = require("./helpers");
const { join } = require("path");
// pi-expect: clean
module.exports = (dir) => helpers.scan(join(dir, "src"));
