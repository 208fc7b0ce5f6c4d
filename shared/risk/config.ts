import type { RolloutPhase } from './types';
import { ROLLOUT_PHASES } from './types';

/** `extensionRisk.rollbackTrigger` (risk.md §6.2). */
export interface RollbackTriggerConfig {
  maxFalsePositiveRate: number;
  maxErrorRate: number;
  windowSize: number;
  maxLatencyMs: number;
}

/**
 * The effective `extensionRisk` configuration (risk.md §1, policy.md §7). Config *files* are parsed
 * (with CFG-* diagnostics) by the policy layer; this module only holds the model, the defaults and
 * the clamps, which the calibration flags and the simulator also need.
 */
export interface RiskConfig {
  enabled: boolean;
  enforce: boolean;
  alpha: number;
  windowSize: number;
  ledgerLimit: number;
  decisionTimeoutMs: number;
  failClosed: boolean;
  /** Derived from `enforce` when unset (policy.md §7). */
  rolloutPhase?: RolloutPhase;
  rollbackTrigger?: RollbackTriggerConfig;
}

export const RISK_DEFAULTS: Readonly<Required<Omit<RiskConfig, 'rolloutPhase'>>> = Object.freeze({
  enabled: false,
  enforce: true,
  alpha: 0.01,
  windowSize: 128,
  ledgerLimit: 2048,
  decisionTimeoutMs: 50,
  failClosed: true,
  rollbackTrigger: Object.freeze({ maxFalsePositiveRate: 0.05, maxErrorRate: 0.1, windowSize: 100, maxLatencyMs: 200 }),
});

export const RISK_RANGES = {
  alpha: { min: 1e-6, max: 0.5, integer: false },
  windowSize: { min: 8, max: 4096, integer: true },
  ledgerLimit: { min: 32, max: 20000, integer: true },
  decisionTimeoutMs: { min: 1, max: 2000, integer: true },
} as const;
export type RangedRiskKey = keyof typeof RISK_RANGES;

/** A clamp adjustment made while normalising (the policy layer turns these into CFG-005). */
export interface RiskClampNote {
  key: string;
  given: number;
  used: number | null;
  reason: 'clamped' | 'truncated' | 'non_finite';
}

/** Clamps one ranged numeric value; non-finite → null (ignored), non-integral integers truncate. */
export function clampRiskValue(key: RangedRiskKey, value: number): { value: number | null; notes: RiskClampNote[] } {
  const range = RISK_RANGES[key];
  const notes: RiskClampNote[] = [];
  if (!Number.isFinite(value)) return { value: null, notes: [{ key, given: value, used: null, reason: 'non_finite' }] };
  let v = value;
  if (range.integer && !Number.isInteger(v)) {
    v = Math.trunc(v);
    notes.push({ key, given: value, used: v, reason: 'truncated' });
  }
  const c = Math.min(range.max, Math.max(range.min, v));
  if (c !== v) notes.push({ key, given: value, used: c, reason: 'clamped' });
  return { value: c, notes };
}

function clampTrigger(raw: Partial<RollbackTriggerConfig> | undefined): RollbackTriggerConfig {
  const d = RISK_DEFAULTS.rollbackTrigger;
  const rate = (v: number | undefined, dv: number) =>
    typeof v === 'number' && !Number.isNaN(v) ? Math.min(1, Math.max(0, v)) : dv;
  const win = typeof raw?.windowSize === 'number' && Number.isFinite(raw.windowSize)
    ? Math.min(10000, Math.max(10, Math.trunc(raw.windowSize))) : d.windowSize;
  const lat = typeof raw?.maxLatencyMs === 'number' && Number.isFinite(raw.maxLatencyMs) ? Math.max(1, raw.maxLatencyMs) : d.maxLatencyMs;
  return {
    maxFalsePositiveRate: rate(raw?.maxFalsePositiveRate, d.maxFalsePositiveRate),
    maxErrorRate: rate(raw?.maxErrorRate, d.maxErrorRate),
    windowSize: win,
    maxLatencyMs: lat,
  };
}

/** Fills defaults and applies the clamps of policy.md §7 to a partial configuration. */
export function normalizeRiskConfig(raw: Partial<RiskConfig> = {}, notes: RiskClampNote[] = []): Required<Omit<RiskConfig, 'rolloutPhase'>> & { rolloutPhase: RolloutPhase } {
  const num = (key: RangedRiskKey): number => {
    const v = raw[key];
    if (typeof v !== 'number') return RISK_DEFAULTS[key];
    const r = clampRiskValue(key, v);
    notes.push(...r.notes);
    return r.value ?? RISK_DEFAULTS[key];
  };
  const bool = (key: 'enabled' | 'enforce' | 'failClosed'): boolean =>
    typeof raw[key] === 'boolean' ? (raw[key] as boolean) : RISK_DEFAULTS[key];
  let enforce = bool('enforce');
  let phase: RolloutPhase;
  if (raw.rolloutPhase && (ROLLOUT_PHASES as readonly string[]).includes(raw.rolloutPhase)) {
    phase = raw.rolloutPhase;
    // The phase wins over a disagreeing `enforce` (CFG-011).
    enforce = phaseEnforces(phase);
  } else {
    phase = enforce ? 'enforce_all' : 'shadow';
  }
  return {
    enabled: bool('enabled'),
    enforce,
    alpha: num('alpha'),
    windowSize: num('windowSize'),
    ledgerLimit: num('ledgerLimit'),
    decisionTimeoutMs: num('decisionTimeoutMs'),
    failClosed: bool('failClosed'),
    rolloutPhase: phase,
    rollbackTrigger: clampTrigger(raw.rollbackTrigger),
  };
}

export type EffectiveRiskConfig = ReturnType<typeof normalizeRiskConfig>;

/** Phases whose semantics enforce for at least some extensions (§6.1). */
export function phaseEnforces(phase: RolloutPhase): boolean {
  return phase === 'enforce_new' || phase === 'enforce_all';
}
