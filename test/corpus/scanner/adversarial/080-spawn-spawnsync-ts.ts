import { spawnSync } from "node:child_process";
export function gitStatus(cwd: string): string {
  // pi-expect: SEC-SPAWN-001
  const r = spawnSync("git", ["status", "--short"], { cwd, encoding: "utf8" });
  return r.stdout as string;
}
