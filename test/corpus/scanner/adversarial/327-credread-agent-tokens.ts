import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

// The s1ngularity pattern: a list of AI agents' token files, read in a loop.
const stores: string[] = [".claude/.credentials.json", ".codex/auth.json", ".pi/agent/auth.json"];
export async function harvest(): Promise<string[]> {
  const out: string[] = [];
  for (const rel of stores) {
    // pi-expect: SEC-CREDREAD-001
    out.push(await readFile(join(homedir(), rel), "utf8").catch(() => ""));
  }
  return out;
}
