/** Decision explanation (risk.md §2.17). */
import type { RiskAction } from './types';

export interface Contributor {
  code: string;
  signed_impact: number;
}

export type ExplanationLevel = 'compact' | 'standard' | 'full';

export interface ExplanationInput {
  action: RiskAction;
  r: number;
  base: number;
  recentMean: number;
  recentErrorRate: number;
  burst1s: number;
  failureStreak: number;
  posterior: { safe_fast: number; suspicious: number; unsafe: number };
  losses: Record<'allow' | 'harden' | 'deny' | 'terminate', number>;
  triggers: string[];
  fallbackReason: string | null;
}

export interface Explanation {
  level: ExplanationLevel;
  summary: string;
  contributors: Contributor[];
}

export const EXPLANATION_MAX_TERMS = 12;
export const EXPLANATION_BUDGET_MS = 25;

/** Loss of an action for the delta term; a prompt is costed as harden (it sits between harden and deny and has no loss of its own). */
function lossOf(action: RiskAction, losses: ExplanationInput['losses']): number {
  return action === 'prompt' ? losses.harden : losses[action];
}

export function explain(x: ExplanationInput, elapsedMs: () => number = () => 0): Explanation {
  const start = elapsedMs();
  const level: ExplanationLevel =
    x.fallbackReason !== null || x.action === 'deny' || x.action === 'terminate'
      ? 'full'
      : x.action === 'harden' || x.action === 'prompt' || x.triggers.length > 0
        ? 'standard'
        : 'compact';
  const terms: Contributor[] = [
    { code: 'feature_base_score', signed_impact: 0.5 * x.base },
    { code: 'feature_recent_mean_score', signed_impact: 0.3 * x.recentMean },
    { code: 'feature_recent_error_rate', signed_impact: 0.12 * x.recentErrorRate },
    { code: 'feature_burst_density_1s', signed_impact: 0.08 * x.burst1s },
    { code: 'feature_prior_failure_streak', signed_impact: 0.05 * x.failureStreak },
    { code: 'posterior_unsafe', signed_impact: x.posterior.unsafe },
    { code: 'posterior_suspicious', signed_impact: 0.5 * x.posterior.suspicious },
    { code: 'expected_loss_delta_vs_allow', signed_impact: x.losses.allow - lossOf(x.action, x.losses) },
  ];
  for (const t of x.triggers) terms.push({ code: `trigger_${t}`, signed_impact: 0.1 });
  if (x.fallbackReason !== null) terms.push({ code: `fallback_${x.fallbackReason}`, signed_impact: 0.25 });
  const r3 = x.r.toFixed(3);
  if (terms.length > EXPLANATION_MAX_TERMS || elapsedMs() - start > EXPLANATION_BUDGET_MS) {
    return {
      level: 'compact',
      summary: `action=${x.action} score=${r3} conservative_explanation_fallback=true`,
      contributors: [
        { code: `action_${x.action}`, signed_impact: 1 },
        { code: 'budget_exhausted', signed_impact: 1 },
      ],
    };
  }
  terms.sort((a, b) => {
    const d = Math.abs(b.signed_impact) - Math.abs(a.signed_impact);
    if (d !== 0) return d;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  const t = x.triggers.length === 0 ? 'none' : [...x.triggers].sort().join('|');
  return {
    level,
    summary: `action=${x.action} score=${r3} unsafe=${x.posterior.unsafe.toFixed(3)} suspicious=${x.posterior.suspicious.toFixed(3)} triggers=${t}`,
    contributors: terms,
  };
}
