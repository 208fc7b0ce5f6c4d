const https = require("https");
export function ping(body) {
  const options = { hostname: "api.example.com", path: "/v1/ping", method: "POST" };
  // pi-expect: clean
  const req = https.request(options, () => {});
  req.write(JSON.stringify(body));
  req.end();
}
