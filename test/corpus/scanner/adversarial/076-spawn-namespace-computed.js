import * as cp from "node:child_process";
export function run() {
  // pi-expect: SEC-SPAWN-001, SEC-OBFUSC-001
  return cp["ex" + "ec"]("id");
}
