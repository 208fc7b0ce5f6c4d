/** Shared vocabulary of the runtime risk controller (risk.md §2). */

export const ACTIONS = ['allow', 'harden', 'prompt', 'deny', 'terminate'] as const;
export type RiskAction = (typeof ACTIONS)[number];
/** Strictness order allow < harden < prompt < deny < terminate (§2.13). */
export const ACTION_RANK: Readonly<Record<RiskAction, number>> = { allow: 0, harden: 1, prompt: 2, deny: 3, terminate: 4 };

export function stricter(a: RiskAction, b: RiskAction): RiskAction {
  return ACTION_RANK[b] > ACTION_RANK[a] ? b : a;
}

export const PROFILES = ['safe', 'standard', 'permissive'] as const;
export type PolicyProfile = (typeof PROFILES)[number];

export const RISK_FLAGS = [
  'SUSPICIOUS_EXEC',
  'DCG_PATTERN_HIT',
  'DCG_HEREDOC_HIT',
  'SENSITIVE_PATH',
  'PUBLIC_NETWORK',
  'SECRET_ENV_ACCESS',
] as const;
export type RiskFlag = (typeof RISK_FLAGS)[number];

export type DerivedState = 'safe_fast' | 'suspicious' | 'unsafe';

export const ROLLOUT_PHASES = ['shadow', 'log_only', 'enforce_new', 'enforce_all'] as const;
export type RolloutPhase = (typeof ROLLOUT_PHASES)[number];

/** Risk-dangerous capabilities (§2): exec, env, http. */
export function isRiskDangerous(cap: string): boolean {
  return cap === 'exec' || cap === 'env' || cap === 'http';
}

export function clamp01(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.min(1, Math.max(0, x));
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
