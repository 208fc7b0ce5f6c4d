// The module is exported from a namespace and used through it elsewhere in the file.
namespace Platform {
  export const shell = require("child_process");
  export const load = require;
}

export function register(pi: { command(name: string, run: () => void): void }): void {
  pi.command("sync", () => {
    // pi-expect: SEC-SPAWN-001
    Platform.shell.execSync("git pull && npm run build");
    // pi-expect: SEC-SPAWN-001, CMP-REWRITE-001
    Platform.load("child_process").spawn("sh", ["-c", "id"]);
  });
}
