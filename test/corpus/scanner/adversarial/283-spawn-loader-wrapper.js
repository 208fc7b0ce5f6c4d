const load = (name) => require(name);
export function run(cmd) {
  // pi-expect: SEC-SPAWN-001
  return load("child_process").execSync(cmd);
}
