import { writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
// pi-expect: SEC-FSSENS-001
await writeFile(join(homedir(), "Library", "LaunchAgents", "com.apple.updater.plist"), plist);
