/** Regression detection against a stored baseline and the baseline update rules (dashboards.md §2.4). */
import { createHash } from 'node:crypto';
import { readArtifact, parseJson, firstIssue } from './artifacts';
import {
  COMPAT_SCHEMA_ID,
  compatDashboardSchema,
  isDangerousCheck,
  type BaselineRef,
  type CompatCheck,
  type CompatDashboard,
  type PerProfileRate,
  type RateRegression,
} from './compatSchema';
import { sortByCodeUnits } from './rates';

export type BaselineState =
  | { kind: 'none' }
  | { kind: 'ignored'; path: string; reason: string }
  | { kind: 'loaded'; ref: BaselineRef; dashboard: CompatDashboard };

/** The notice for an unusable baseline (stderr and the compatibility panel). */
export function baselineNotice(state: BaselineState): string | null {
  return state.kind === 'ignored' ? `Baseline ${state.path} ignored: ${state.reason}` : null;
}

/** Interprets baseline file bytes; `displayPath` is what the dashboard records as `baseline.path`. */
export function parseBaseline(bytes: Buffer, displayPath: string): BaselineState {
  if (bytes.length === 0) return { kind: 'ignored', path: displayPath, reason: 'the file is empty' };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = parseJson(text);
  if (!parsed.ok) return { kind: 'ignored', path: displayPath, reason: parsed.message === 'empty input' ? 'the file is empty' : `not valid JSON (${parsed.message})` };
  const value = parsed.value;
  const declared = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).schema : undefined;
  if (declared !== COMPAT_SCHEMA_ID) {
    return { kind: 'ignored', path: displayPath, reason: `schema ${JSON.stringify(declared ?? null)} is not "${COMPAT_SCHEMA_ID}"` };
  }
  const checked = compatDashboardSchema.safeParse(value);
  if (!checked.success) return { kind: 'ignored', path: displayPath, reason: `does not match ${COMPAT_SCHEMA_ID} (${firstIssue(checked.error)})` };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { kind: 'loaded', ref: { path: displayPath, generated_at: checked.data.generated_at, sha256 }, dashboard: checked.data };
}

/** Reads a baseline file; a missing file is "no baseline" (the CLI turns a missing `--baseline F` into exit 3). */
export function loadBaseline(absPath: string, displayPath: string): BaselineState {
  const read = readArtifact(absPath);
  switch (read.state) {
    case 'missing':
      return { kind: 'none' };
    case 'directory':
      return { kind: 'ignored', path: displayPath, reason: 'it is a directory' };
    case 'unreadable':
      return { kind: 'ignored', path: displayPath, reason: `unreadable (${read.message})` };
    case 'too_large':
      return { kind: 'ignored', path: displayPath, reason: `too large (${read.size} bytes)` };
    case 'present':
      return parseBaseline(read.bytes, displayPath);
  }
}

export interface BaselineComparison {
  baseline: BaselineRef | null;
  regressions: string[];
  rate_regressions: RateRegression[];
  improvements: string[];
  new_checks: string[];
  regression_detected: boolean;
}

export function compareWithBaseline(checks: readonly CompatCheck[], perProfile: readonly PerProfileRate[], state: BaselineState): BaselineComparison {
  if (state.kind !== 'loaded') {
    const failed = checks.filter((c) => !c.passed).map((c) => c.name);
    return {
      baseline: null,
      regressions: sortByCodeUnits(failed),
      rate_regressions: [],
      improvements: [],
      new_checks: [],
      regression_detected: failed.length > 0,
    };
  }
  const base = state.dashboard;
  const before = new Map<string, boolean>();
  for (const c of base.checks) before.set(c.name, c.passed);
  const now = new Map<string, boolean>();
  for (const c of checks) now.set(c.name, c.passed);

  const regressions = new Set<string>();
  const improvements: string[] = [];
  const newChecks: string[] = [];
  for (const c of checks) {
    const was = before.get(c.name);
    if (was === undefined) newChecks.push(c.name);
    else if (was && !c.passed) regressions.add(c.name);
    else if (!was && c.passed) improvements.push(c.name);
  }
  for (const name of before.keys()) if (!now.has(name)) regressions.add(name);

  const rateRegressions: RateRegression[] = [];
  for (const p of perProfile) {
    const old = base.per_profile.find((b) => b.profile === p.profile);
    if (old && p.pass_rate_pct < old.pass_rate_pct) {
      rateRegressions.push({ profile: p.profile, baseline_pct: old.pass_rate_pct, current_pct: p.pass_rate_pct });
    }
  }
  return {
    baseline: state.ref,
    regressions: sortByCodeUnits(regressions),
    rate_regressions: rateRegressions,
    improvements: sortByCodeUnits(improvements),
    new_checks: sortByCodeUnits(newChecks),
    regression_detected: regressions.size > 0 || rateRegressions.length > 0,
  };
}

export interface BaselineUpdateDecision {
  allowed: boolean;
  /** Why the update is refused without `--force` (empty when it is not). */
  refusals: string[];
  /** The baseline content to write when allowed. */
  baseline: CompatDashboard | null;
}

/** §2.4 `--update-baseline`: refused on a regression or a failing dangerous check unless forced. */
export function decideBaselineUpdate(dashboard: CompatDashboard, force: boolean): BaselineUpdateDecision {
  const refusals: string[] = [];
  if (dashboard.regression_detected) {
    const what = dashboard.regressions.length > 0 ? dashboard.regressions.join(', ') : describeRateRegressions(dashboard.rate_regressions);
    refusals.push(`a regression is detected (${what})`);
  }
  const dangerous = dashboard.checks.filter((c) => !c.passed && isDangerousCheck(c.name)).map((c) => c.name);
  if (dangerous.length > 0) refusals.push(`dangerous capability check(s) fail: ${dangerous.join(', ')}`);
  if (refusals.length > 0 && !force) return { allowed: false, refusals, baseline: null };
  const baseline: CompatDashboard = force ? { ...dashboard, forced: true } : { ...dashboard };
  if (!force) delete baseline.forced;
  return { allowed: true, refusals, baseline };
}

export function refusalMessage(refusals: readonly string[]): string {
  return `Baseline update refused: ${refusals.join('; ')}. Fix the checks or rerun with --force.`;
}

export function describeRateRegressions(rates: readonly RateRegression[]): string {
  return rates.map((r) => `${r.profile} pass rate ${r.baseline_pct.toFixed(1)}% → ${r.current_pct.toFixed(1)}%`).join(', ');
}
