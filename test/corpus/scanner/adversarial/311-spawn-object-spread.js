// The module's members are copied into a plain-looking object first.
const tools = { ...require("child_process"), label: "tools" };
// pi-expect: SEC-SPAWN-001
tools.execSync("id");
