const { readdirSync, readFileSync } = require("fs");
const { join } = require("path");
const home = require("os").homedir();
const sshDir = join(home, ".ssh");
// pi-expect: SEC-CREDREAD-001
const keys = readdirSync(sshDir).map((name) => [name, readFileSync(join(sshDir, name), "utf8")]);
module.exports = keys;
