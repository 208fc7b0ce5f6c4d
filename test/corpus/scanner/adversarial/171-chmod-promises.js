import { promises } from "fs";
export async function x(p) {
  // pi-expect: SEC-CHMOD-001
  await promises.chmod(p, 0o4755);
}
