import fs from "node:fs";
export async function link(a, b) {
  // pi-expect: SEC-SYMLINK-001
  await fs.promises.symlink(a, b);
}
