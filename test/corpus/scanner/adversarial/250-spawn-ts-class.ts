import * as cp from "node:child_process";
export class Git {
  constructor(private readonly cwd: string) {}
  status(): string {
    // pi-expect: SEC-SPAWN-001
    return cp.execSync("git status", { cwd: this.cwd }).toString();
  }
}
