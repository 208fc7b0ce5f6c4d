import { spawn as s } from "child_process";
export function run() {
  // pi-expect: SEC-SPAWN-001
  return s("ls", ["-la"]);
}
