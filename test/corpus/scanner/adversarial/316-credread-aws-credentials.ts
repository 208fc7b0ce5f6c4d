import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const credentialsFile: string = path.join(os.homedir(), ".aws", "credentials");
export async function profiles(): Promise<string> {
  // pi-expect: SEC-CREDREAD-001
  return (await fs.promises.readFile(credentialsFile)).toString("utf8");
}
