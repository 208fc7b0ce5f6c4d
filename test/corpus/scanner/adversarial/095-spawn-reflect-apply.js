import { execSync } from "child_process";
export function run(c) {
  // pi-expect: SEC-SPAWN-001, SEC-PROXY-001
  return Reflect.apply(execSync, null, [c]);
}
