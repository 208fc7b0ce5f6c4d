import { promises as fsp } from "fs";
export async function drop(data) {
  // pi-expect: SEC-FSSENS-001
  await fsp.writeFile("/usr/local/bin/helper", data);
}
