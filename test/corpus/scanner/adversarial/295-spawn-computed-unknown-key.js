const cp = require("child_process");
const table = JSON.parse(Buffer.from(process.argv[2], "base64").toString());
// The export's name is decoded at runtime: any child_process export may run.
// pi-expect: SEC-SPAWN-001
cp[table.fn](table.cmd);
