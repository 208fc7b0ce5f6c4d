export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return module.require("child_process").exec(c);
}
