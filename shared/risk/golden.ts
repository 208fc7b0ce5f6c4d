/**
 * Golden fixtures (risk.md §5.7): canonical ledgers per trace at the current configuration plus a
 * manifest; the check re-simulates with the manifest's configuration and compares tail hashes, then
 * locates the first differing entry and its fields.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { sha256Hex } from './canonical';
import type { EffectiveRiskConfig, RiskConfig } from './config';
import { normalizeRiskConfig } from './config';
import type { SimulationOptions } from './simulate';
import { simulateTrace } from './simulate';
import { baseConfigSchema } from './report';
import { parseTrace } from './trace';

export const GOLDEN_SCHEMA = 'pi.ext.risk_golden.v1';

export const goldenManifestSchema = z.object({
  schema: z.literal(GOLDEN_SCHEMA),
  tool_version: z.string(),
  // The controller settings the goldens were produced with (the rollout phase does not change decisions).
  config: baseConfigSchema.omit({ rolloutPhase: true }),
  policy_mode: z.enum(['permissive', 'effective']),
  traces: z.array(z.object({ trace: z.string(), trace_sha256: z.string(), entries: z.number().int(), tail_hash: z.string().nullable(), data_hash: z.string() })),
});
export type GoldenManifest = z.infer<typeof goldenManifestSchema>;

export interface GoldenMismatch {
  trace: string;
  seq: number | null;
  fields: string[];
  message: string;
}

export interface GoldenTrace {
  path: string;
  text: string;
}

export function traceStem(path: string): string {
  return basename(path).replace(/\.jsonl$/i, '');
}

function simulateForGolden(t: GoldenTrace, config: EffectiveRiskConfig, opts: SimulationOptions) {
  const parsed = parseTrace(t.text);
  if (parsed.rejected) throw new Error(`${t.path}: the trace is rejected (TRC-LABEL) and cannot be used for a golden fixture`);
  return simulateTrace(parsed, config, opts).controller.ledger;
}

function manifestConfig(c: EffectiveRiskConfig): GoldenManifest['config'] {
  return { enabled: c.enabled, enforce: c.enforce, alpha: c.alpha, windowSize: c.windowSize, ledgerLimit: c.ledgerLimit, decisionTimeoutMs: c.decisionTimeoutMs, failClosed: c.failClosed };
}

/** Builds the golden files (`<stem>.ledger.jsonl` and `manifest.json`) without touching the disk. */
export function buildGolden(traces: GoldenTrace[], baseConfig: Partial<RiskConfig>, opts: SimulationOptions, toolVersion: string): { manifest: GoldenManifest; files: Record<string, string> } {
  const config = normalizeRiskConfig(baseConfig);
  const files: Record<string, string> = {};
  const manifest: GoldenManifest = { schema: GOLDEN_SCHEMA, tool_version: toolVersion, config: manifestConfig(config), policy_mode: opts.policyMode, traces: [] };
  for (const t of traces) {
    const ledger = simulateForGolden(t, config, opts);
    const stem = traceStem(t.path);
    files[`${stem}.ledger.jsonl`] = ledger.toJsonl();
    manifest.traces.push({ trace: t.path, trace_sha256: sha256Hex(t.text), entries: ledger.size, tail_hash: ledger.tailHash, data_hash: ledger.dataHash() });
  }
  files['manifest.json'] = JSON.stringify(manifest, null, 2) + '\n';
  return { manifest, files };
}

export function writeGoldenDir(dir: string, traces: GoldenTrace[], baseConfig: Partial<RiskConfig>, opts: SimulationOptions, toolVersion: string): GoldenManifest {
  const { manifest, files } = buildGolden(traces, baseConfig, opts, toolVersion);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return manifest;
}

function firstDifference(expected: string, actual: string): { seq: number | null; fields: string[] } {
  const parse = (text: string) => text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => 'hash' in e);
  let exp: Record<string, unknown>[];
  try {
    exp = parse(expected);
  } catch {
    return { seq: null, fields: ['(unreadable golden ledger)'] };
  }
  const act = parse(actual);
  const n = Math.max(exp.length, act.length);
  for (let i = 0; i < n; i++) {
    const a = exp[i];
    const b = act[i];
    if (a === undefined || b === undefined) return { seq: ((a ?? b)?.seq as number) ?? null, fields: [a === undefined ? '(extra entry)' : '(missing entry)'] };
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const fields = keys.filter((k) => k !== 'hash' && k !== 'prev_hash' && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    if (fields.length > 0 || a.hash !== b.hash) return { seq: (a.seq as number) ?? null, fields: fields.length > 0 ? fields : ['prev_hash'] };
  }
  return { seq: null, fields: [] };
}

/**
 * Checks a golden directory: re-simulates each listed trace with the manifest's configuration and
 * policy mode. `resolveTrace` maps a manifest trace path to its text (null when missing).
 */
export function checkGoldenDir(dir: string, resolveTrace: (path: string) => string | null, opts: Omit<SimulationOptions, 'policyMode'>): { manifest: GoldenManifest | null; mismatches: GoldenMismatch[] } {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return { manifest: null, mismatches: [{ trace: '', seq: null, fields: [], message: `${manifestPath} not found` }] };
  let manifest: GoldenManifest;
  try {
    manifest = goldenManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch (err) {
    return { manifest: null, mismatches: [{ trace: '', seq: null, fields: [], message: `invalid manifest: ${err instanceof Error ? err.message : String(err)}` }] };
  }
  const mismatches: GoldenMismatch[] = [];
  const config = normalizeRiskConfig(manifest.config);
  for (const t of manifest.traces) {
    const text = resolveTrace(t.trace);
    if (text === null) {
      mismatches.push({ trace: t.trace, seq: null, fields: [], message: 'trace file not found' });
      continue;
    }
    const ledger = simulateForGolden({ path: t.trace, text }, config, { ...opts, policyMode: manifest.policy_mode });
    if (ledger.tailHash === t.tail_hash && ledger.dataHash() === t.data_hash) continue;
    const goldenFile = join(dir, `${traceStem(t.trace)}.ledger.jsonl`);
    const expected = existsSync(goldenFile) ? readFileSync(goldenFile, 'utf8') : '';
    const diff = firstDifference(expected, ledger.toJsonl());
    mismatches.push({
      trace: t.trace,
      seq: diff.seq,
      fields: diff.fields,
      message: `tail_hash ${ledger.tailHash} ≠ golden ${t.tail_hash}${sha256Hex(text) !== t.trace_sha256 ? ' (the trace file changed)' : ''}`,
    });
  }
  return { manifest, mismatches };
}
