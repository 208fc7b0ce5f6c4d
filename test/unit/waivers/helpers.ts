import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KNOWN_GATES } from '../../../shared/settings/schema';
import type { EntryResult, Problem } from '../../../shared/waivers/model';
import { validateWaiverFile, type WaiverFileResult } from '../../../shared/waivers/validate';

export const SUITES = '[suite.unit]\nfiles = ["a"]\n\n[suite.vcr]\nfiles = ["b"]\n\n[suite.e2e]\nfiles = ["c"]\n\n';

export const BASE: Record<string, string> = {
  owner: 'TopazForest',
  created: '2026-02-14',
  expires: '2026-02-28',
  bead: 'bd-2kle2.7',
  reason: 'Scanner update pending for new evasion pattern',
  scope: 'full',
  remove_when: 'Scanner update deployed and all compatibility tests pass',
};

/**
 * A `[waiver.<gate>]` table. `fields` overrides BASE; a value of `null` removes the key; a value starting
 * with `=` is written raw (unquoted), e.g. `'=2026-02-14'`.
 */
export function waiverToml(gate: string, fields: Record<string, string | null> = {}): string {
  const merged: Record<string, string | null> = { ...BASE, ...fields };
  let out = `[waiver.${gate}]\n`;
  for (const [k, v] of Object.entries(merged)) {
    if (v === null) continue;
    out += v.startsWith('=') ? `${k} = ${v.slice(1)}\n` : `${k} = ${JSON.stringify(v)}\n`;
  }
  return out;
}

export function validate(text: string, today: string, knownGates: readonly string[] = DEFAULT_KNOWN_GATES): WaiverFileResult {
  return validateWaiverFile(text, { today, knownGates });
}

export function one(text: string, today: string): EntryResult {
  const r = validate(SUITES + text, today);
  if (r.syntax) throw new Error(`unexpected syntax error: ${r.syntax.message}`);
  if (r.waivers.length !== 1) throw new Error(`expected one waiver, got ${r.waivers.length}`);
  return r.waivers[0];
}

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}

export function spanText(r: WaiverFileResult, p: Problem): string {
  return r.text.slice(p.span.start, p.span.end);
}

export function fixture(name: string): string {
  return readFileSync(join(process.cwd(), 'test/unit/waivers/fixtures', name), 'utf8');
}
