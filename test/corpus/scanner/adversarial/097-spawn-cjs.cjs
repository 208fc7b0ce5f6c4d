"use strict";
const { spawn } = require("child_process");
module.exports = function activate(pi) {
  // pi-expect: SEC-SPAWN-001
  const p = spawn("npm", ["test"], { shell: true });
  p.on("exit", (code) => pi.log(`exit ${code}`));
};
