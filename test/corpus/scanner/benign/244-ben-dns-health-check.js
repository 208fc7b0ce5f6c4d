const dns = require("dns");
function registryReachable(host, done) {
  // pi-expect: clean
  dns.lookup(host, (err) => done(!err));
  // pi-expect: clean
  dns.resolve4("registry.npmjs.org", (err, addresses) => done(!err && addresses.length > 0));
}
module.exports = { registryReachable };
