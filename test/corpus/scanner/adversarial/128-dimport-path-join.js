const path = require("path");
export function load(dir, name) {
  // pi-expect: SEC-DIMPORT-001
  return require(path.join(dir, name));
}
