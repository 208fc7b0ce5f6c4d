/**
 * Reading dashboard inputs from disk without ever throwing: every state of an artifact (missing,
 * directory, unreadable, too large, empty, not JSON) is a value the caller turns into a gate status
 * or a panel message (dashboards.md §4.3, §5).
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { errorMessage } from '../common/json';

/** Artifacts larger than this are not read (a dashboard input is a few KB to a few MB). */
export const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;

export type ArtifactRead =
  | { state: 'missing' }
  | { state: 'directory' }
  | { state: 'unreadable'; message: string }
  | { state: 'too_large'; size: number }
  | { state: 'present'; bytes: Buffer; text: string };

export function readArtifact(absPath: string, maxBytes = MAX_ARTIFACT_BYTES): ArtifactRead {
  let fd: number;
  try {
    const st = statSync(absPath);
    if (st.isDirectory()) return { state: 'directory' };
    fd = openSync(absPath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'missing' };
    return { state: 'unreadable', message: errorMessage(error) };
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { state: 'too_large', size };
    const bytes = Buffer.alloc(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, bytes, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    const data = off === size ? bytes : bytes.subarray(0, off);
    return { state: 'present', bytes: data, text: decodeUtf8(data) };
  } catch (error) {
    return { state: 'unreadable', message: errorMessage(error) };
  } finally {
    closeSync(fd);
  }
}

function decodeUtf8(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON.parse that reports instead of throwing (V8's parser is not recursive, so depth is harmless). */
export function parseJson(text: string): JsonParse {
  if (text.trim() === '') return { ok: false, message: 'empty input' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

/** A short description of why a non-present artifact cannot be used. */
export function describeUnusable(read: Exclude<ArtifactRead, { state: 'present' }>, path: string): string {
  switch (read.state) {
    case 'missing':
      return `Artifact not found: ${path}`;
    case 'directory':
      return 'Expected a file';
    case 'unreadable':
      return `Artifact unreadable: ${read.message}`;
    case 'too_large':
      return `Artifact too large: ${read.size} bytes (limit ${MAX_ARTIFACT_BYTES})`;
  }
}

export type Loaded<T> = { ok: true; value: T; bytes: Buffer } | { ok: false; problem: string };

/**
 * Reads and validates a JSON artifact for a panel: missing, empty, truncated or schema-violating
 * files give a one-line problem instead of data.
 */
export function loadJsonArtifact<T>(absPath: string, displayPath: string, schema: z.ZodType<T>, schemaId: string): Loaded<T> {
  const read = readArtifact(absPath);
  if (read.state !== 'present') return { ok: false, problem: describeUnusable(read, displayPath) };
  if (read.bytes.length === 0) return { ok: false, problem: `Artifact empty: ${displayPath}` };
  const parsed = parseJson(read.text);
  if (!parsed.ok) return { ok: false, problem: `Artifact is not valid JSON: ${parsed.message} (${displayPath})` };
  const value = parsed.value;
  const declared = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).schema : undefined;
  if (declared !== schemaId) {
    return { ok: false, problem: `Unexpected schema ${JSON.stringify(declared ?? null)} in ${displayPath} (expected "${schemaId}")` };
  }
  const checked = schema.safeParse(value);
  if (!checked.success) return { ok: false, problem: `${displayPath} does not match ${schemaId}: ${firstIssue(checked.error)}` };
  return { ok: true, value: checked.data, bytes: read.bytes };
}

export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
