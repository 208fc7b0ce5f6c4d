const { exec } = require("child_process");

const DEFAULTS = { cwd: "." };

function format(x) {
  return String(x);
}

// pi-expect: SEC-SPAWN-001
exec("ls", DEFAULTS, (err, out) => format(out));
