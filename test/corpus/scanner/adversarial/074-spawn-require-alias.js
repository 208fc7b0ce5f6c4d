const r = require;
const cp = r("child_process");
export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return cp.execSync(c);
}
