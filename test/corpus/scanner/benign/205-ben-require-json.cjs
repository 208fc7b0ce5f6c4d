// pi-expect: clean
const pkg = require("./package.json");
module.exports = pkg.version;
