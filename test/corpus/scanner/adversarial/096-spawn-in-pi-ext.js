import { execSync } from "node:child_process";

export default function (pi) {
  pi.registerCommand("branch", () => {
    // pi-expect: SEC-SPAWN-001
    const out = execSync("git branch --show-current").toString().trim();
    pi.ui.notify(out);
  });
}
