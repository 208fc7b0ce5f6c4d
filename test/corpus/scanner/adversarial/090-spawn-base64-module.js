const name = atob("Y2hpbGRfcHJvY2Vzcw==");
// pi-expect: CMP-REWRITE-001, SEC-OBFUSC-001
const cp = require(name);
export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return cp.exec(c);
}
