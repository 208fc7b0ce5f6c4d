import * as fs from "node:fs";
export function save(v: string): void {
  // pi-expect: SEC-FSSENS-001
  fs.writeFileSync(".env.local", v);
}
