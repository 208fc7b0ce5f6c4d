/** CI gate thresholds (dashboards.md §4.1): environment → setting → default, never a silent fallback. */
import type { EnvMap } from '../common/env';

export type ThresholdSource = 'env' | 'settings' | 'default';
export type ThresholdKey = 'min_pass_rate_pct' | 'max_fail_count' | 'max_na_count';

export const THRESHOLD_ENV: Record<ThresholdKey, string> = {
  min_pass_rate_pct: 'CI_GATE_MIN_PASS_RATE_PCT',
  max_fail_count: 'CI_GATE_MAX_FAIL_COUNT',
  max_na_count: 'CI_GATE_MAX_NA_COUNT',
};

export const THRESHOLD_DEFAULTS: Record<ThresholdKey, number> = { min_pass_rate_pct: 80.0, max_fail_count: 36, max_na_count: 170 };

export interface ResolvedThresholds {
  min_pass_rate_pct: number | null;
  max_fail_count: number | null;
  max_na_count: number | null;
  source: Record<ThresholdKey, ThresholdSource>;
}

export interface ThresholdProblem {
  key: ThresholdKey;
  variable: string;
  raw: string;
  /** `invalid CI_GATE_MIN_PASS_RATE_PCT="{v}"` */
  message: string;
}

/** Values explicitly set in the editor settings (`piSecurity.gates.thresholds.*`); the CLI passes none. */
export interface ThresholdSettings {
  minPassRatePct?: number;
  maxFailCount?: number;
  maxNaCount?: number;
}

const FLOAT_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COUNT_RE = /^\+?\d+$/;

function parseValue(key: ThresholdKey, raw: string): number | null {
  const text = raw.trim();
  if (key === 'min_pass_rate_pct') {
    if (!FLOAT_RE.test(text)) return null;
    const v = Number(text);
    return Number.isFinite(v) ? v : null;
  }
  if (!COUNT_RE.test(text)) return null;
  const v = Number(text);
  return Number.isSafeInteger(v) ? v : null;
}

/**
 * Resolves the three thresholds. An environment variable that is unset or blank (CI systems expand an
 * undefined variable to "") counts as unset; any other unparsable value is recorded as null with
 * source `env` and reported as a problem, which fails the `conformance_pass_rate` gate.
 */
export function resolveThresholds(env: EnvMap, settings: ThresholdSettings = {}): { thresholds: ResolvedThresholds; problems: ThresholdProblem[] } {
  const fromSettings: Record<ThresholdKey, number | undefined> = {
    min_pass_rate_pct: settings.minPassRatePct,
    max_fail_count: settings.maxFailCount,
    max_na_count: settings.maxNaCount,
  };
  const values = {} as Record<ThresholdKey, number | null>;
  const source = {} as Record<ThresholdKey, ThresholdSource>;
  const problems: ThresholdProblem[] = [];
  for (const key of Object.keys(THRESHOLD_ENV) as ThresholdKey[]) {
    const variable = THRESHOLD_ENV[key];
    const raw = env[variable];
    if (raw !== undefined && raw.trim() !== '') {
      const v = parseValue(key, raw);
      values[key] = v;
      source[key] = 'env';
      if (v === null) problems.push({ key, variable, raw, message: `invalid ${variable}=${JSON.stringify(raw)}` });
      continue;
    }
    const s = fromSettings[key];
    if (s !== undefined && Number.isFinite(s) && (key === 'min_pass_rate_pct' || (Number.isInteger(s) && s >= 0))) {
      values[key] = s;
      source[key] = 'settings';
      continue;
    }
    values[key] = THRESHOLD_DEFAULTS[key];
    source[key] = 'default';
  }
  return {
    thresholds: {
      min_pass_rate_pct: values.min_pass_rate_pct,
      max_fail_count: values.max_fail_count,
      max_na_count: values.max_na_count,
      source: { min_pass_rate_pct: source.min_pass_rate_pct, max_fail_count: source.max_fail_count, max_na_count: source.max_na_count },
    },
    problems,
  };
}
