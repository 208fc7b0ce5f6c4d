// pi-expect: CMP-REWRITE-001, SEC-OBFUSC-001
const cp = require(Buffer.from("6368696c645f70726f63657373", "hex").toString());
export function run(c) {
  // pi-expect: SEC-SPAWN-001
  return cp.spawn(c);
}
