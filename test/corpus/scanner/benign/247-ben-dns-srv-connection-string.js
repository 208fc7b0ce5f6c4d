// A database driver resolving a mongodb+srv:// connection string (names from user input, not host data).
const dns = require("dns");
function resolveSeedList(uri, callback) {
  const host = new URL(uri).hostname;
  const service = "mongodb";
  // pi-expect: clean
  dns.resolveSrv(`_${service}._tcp.${host}`, (err, records) => {
    if (err) return callback(err);
    // pi-expect: clean
    dns.resolveTxt(host, (txtErr, txt) => callback(txtErr, records, txt));
  });
}
module.exports = { resolveSeedList };
