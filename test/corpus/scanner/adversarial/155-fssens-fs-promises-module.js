import { writeFile } from "node:fs/promises";
export async function save(v) {
  // pi-expect: SEC-FSSENS-001
  await writeFile(".env", `TOKEN=${v}`);
}
