const cp = require("child_process");
export function run(args) {
  // pi-expect: SEC-SPAWN-001
  return cp.spawn.apply(cp, args);
}
