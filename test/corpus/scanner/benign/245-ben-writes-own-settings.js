const fs = require("fs");
const path = require("path");
function saveState(storageDir, state) {
  // pi-expect: clean
  fs.writeFileSync(path.join(storageDir, "settings.json"), JSON.stringify(state));
  // pi-expect: clean
  fs.writeFileSync(path.join(storageDir, ".vscode", "settings.json"), "{}");
}
module.exports = { saveState };
