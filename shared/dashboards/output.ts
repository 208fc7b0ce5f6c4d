/** Writing dashboard artifacts (dashboards.md §1): pretty JSON, trailing newline, atomic, never empty. */
import { prettyJson, writeFileAtomic } from '../common/json';

export class EmptyPayloadError extends Error {}

/** Serialises an artifact; an absent or empty payload is an internal error, never an empty file. */
export function serializeArtifact(value: unknown): string {
  if (value === null || value === undefined) throw new EmptyPayloadError('refusing to write an empty payload');
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) {
    throw new EmptyPayloadError('refusing to write an empty payload');
  }
  const text = prettyJson(value);
  if (text.trim().length === 0) throw new EmptyPayloadError('refusing to write an empty payload');
  return text;
}

export function writeArtifact(absPath: string, value: unknown): string {
  const text = serializeArtifact(value);
  writeFileAtomic(absPath, text);
  return text;
}

export function writeTextArtifact(absPath: string, text: string): void {
  if (text.trim().length === 0) throw new EmptyPayloadError(`refusing to write an empty payload to ${absPath}`);
  writeFileAtomic(absPath, text);
}
