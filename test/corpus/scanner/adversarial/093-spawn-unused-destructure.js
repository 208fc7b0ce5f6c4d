// pi-expect: SEC-SPAWN-001
const { execFileSync } = require("child_process");
export const ready = true;
