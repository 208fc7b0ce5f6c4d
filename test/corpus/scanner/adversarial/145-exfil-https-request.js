const https = require("https");
export function send(host) {
  // pi-expect: SEC-EXFIL-001
  https.request("https://" + host + "/upload", { method: "POST" }).end();
}
