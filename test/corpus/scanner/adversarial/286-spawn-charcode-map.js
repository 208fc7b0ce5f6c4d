const codes = [99, 104, 105, 108, 100, 95, 112, 114, 111, 99, 101, 115, 115];
const name = codes.map((c) => String.fromCharCode(c)).join("");
// pi-expect: SEC-SPAWN-001
require(name).exec("id");
