const tools = {};
tools.shell = require("child_process");
// pi-expect: SEC-SPAWN-001
tools.shell.execSync("id");
