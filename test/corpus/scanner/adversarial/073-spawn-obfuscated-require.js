export function run() {
  // pi-expect: SEC-SPAWN-001, SEC-OBFUSC-001, CMP-REWRITE-001
  return require("child_" + "process").exec("ls");
}
