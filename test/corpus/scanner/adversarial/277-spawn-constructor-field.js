export class Jobs {
  constructor() {
    this.cp = require("child_process");
  }
  start(cmd) {
    const go = () => {
      // pi-expect: SEC-SPAWN-001
      this.cp.spawn(cmd, { shell: true });
    };
    go();
  }
}
