export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return process.mainModule.require("child_process").execSync(c);
}
