const fs = require("fs");
const path = require("path");
const base = process.platform === "win32" ? "C:\\ProgramData\\MyExt" : "/tmp/myext";
export function save(pi, state) {
  // pi-expect: clean
  fs.writeFileSync(path.join(base, "state.json"), JSON.stringify(state));
  // pi-expect: clean
  fs.writeFileSync("./.config/autostart.json", "{}");
}
