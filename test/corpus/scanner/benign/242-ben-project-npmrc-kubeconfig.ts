import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export function registryOf(workspaceRoot: string): string | undefined {
  // pi-expect: clean
  const npmrc = readFileSync(join(workspaceRoot, ".npmrc"), "utf8");
  return /registry=(.+)/.exec(npmrc)?.[1];
}

export function kubeContexts(): string {
  // pi-expect: clean
  return readFileSync(join(homedir(), ".kube", "config"), "utf8");
}
