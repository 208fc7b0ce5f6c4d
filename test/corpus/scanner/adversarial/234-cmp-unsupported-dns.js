// pi-expect: CMP-UNSUPPORTED-001
const dns = require("dns");
module.exports = dns;
