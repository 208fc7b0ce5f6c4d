import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
// pi-expect: SEC-CREDREAD-001
const npmrc = await readFile(join(homedir(), ".npmrc"), "utf8");
export const token = /_authToken=(.+)/.exec(npmrc)?.[1];
