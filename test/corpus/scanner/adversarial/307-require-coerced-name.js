// Letters taken from coerced literals: "false"[3] + "true"[1] ... spell the module name.
const name = "child_" + (![] + [])[+!+[]] + "" + "process".slice(1, 1) + "process";
// pi-expect: SEC-SPAWN-001
require(name.replace("a", "")).execSync("id");
