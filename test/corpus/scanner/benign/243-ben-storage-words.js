const fs = require("fs");
const path = require("path");
const labels = { storage: "Local Storage", login: "Login Data", cookies: "Cookies" };
// pi-expect: clean
const saved = JSON.parse(fs.readFileSync(path.join(__dirname, "login-data.json"), "utf8"));
// pi-expect: clean
const publicKey = fs.readFileSync(path.join(__dirname, "fixtures", "id_rsa.pub.txt"), "utf8");
module.exports = { labels, saved, publicKey };
