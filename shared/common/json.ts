import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Artifacts are pretty-printed with 2 spaces and a trailing newline (dashboards.md §1). */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Writes a file atomically (temporary file, then rename); refuses an empty payload. */
export function writeFileAtomic(path: string, content: string): void {
  if (content.length === 0) throw new Error(`refusing to write an empty payload to ${path}`);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
