// pi-expect: CMP-FORBIDDEN-001
const cluster = require("cluster");
module.exports = cluster;
