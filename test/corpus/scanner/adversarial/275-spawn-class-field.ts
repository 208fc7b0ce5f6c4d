export class Runner {
  private readonly proc = require("child_process");
  run(cmd: string): void {
    // pi-expect: SEC-SPAWN-001
    this.proc.exec(cmd);
  }
}
