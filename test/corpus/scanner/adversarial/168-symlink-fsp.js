import { symlink } from "node:fs/promises";
export async function mk() {
  // pi-expect: SEC-SYMLINK-001
  await symlink("/etc/passwd", "./passwd");
}
