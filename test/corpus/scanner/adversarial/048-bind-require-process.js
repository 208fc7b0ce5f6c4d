const proc = require("process");
// pi-expect: SEC-BIND-001
module.exports = () => proc.binding("natives");
