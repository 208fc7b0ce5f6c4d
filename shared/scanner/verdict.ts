/** Per-extension counters, score, recommendation and verdict text (scanner.md §9.1, §9.2). */
import type { Hit, Tier } from './types';

export interface VerdictCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
  compat_errors: number;
  compat_warnings: number;
}

export type Recommendation = 'block' | 'review' | 'allow';

export interface Verdict {
  recommendation: Recommendation;
  score: number;
  composite_tier: Tier;
  text: string;
}

export function emptyCounts(): VerdictCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, compat_errors: 0, compat_warnings: 0 };
}

/** Adds one unsuppressed hit (before coalescing) to the counters. */
export function countHit(counts: VerdictCounts, hit: Pick<Hit, 'ruleId' | 'tier'>): void {
  const id = hit.ruleId;
  if (id.startsWith('SEC-')) {
    counts[hit.tier]++;
  } else if (id.startsWith('CMP-') || id.startsWith('POL-') || id === 'PARSE-001') {
    if (hit.tier === 'critical' || hit.tier === 'high') counts.compat_errors++;
    else if (hit.tier === 'medium' && id !== 'PARSE-001') counts.compat_warnings++;
  }
}

export function countHits(hits: readonly Pick<Hit, 'ruleId' | 'tier'>[]): VerdictCounts {
  const counts = emptyCounts();
  for (const hit of hits) countHit(counts, hit);
  return counts;
}

export function scoreOf(c: VerdictCounts): number {
  return Math.max(0, 100 - (30 * c.critical + 20 * c.high + 10 * c.medium + 3 * c.low + 15 * c.compat_errors + 5 * c.compat_warnings));
}

const ORDER: Tier[] = ['critical', 'high', 'medium', 'low'];

export function verdictOf(c: VerdictCounts): Verdict {
  const score = scoreOf(c);
  const secTier: Tier = ORDER.find((t) => c[t] > 0) ?? 'low';
  const compatTier: Tier = c.compat_errors > 0 ? 'high' : c.compat_warnings > 0 ? 'medium' : 'low';
  const composite = ORDER.indexOf(secTier) <= ORDER.indexOf(compatTier) ? secTier : compatTier;
  const recommendation: Recommendation =
    composite === 'critical' ? 'block' : composite === 'high' ? 'review' : composite === 'medium' ? (score < 50 ? 'review' : 'allow') : 'allow';
  const sec = ORDER.filter((t) => c[t] > 0).map((t) => `${c[t]} ${t}`).join(', ') || 'no security findings';
  const compat =
    c.compat_errors > 0
      ? `${c.compat_errors} compat error(s)${c.compat_warnings > 0 ? `, ${c.compat_warnings} warning(s)` : ''}`
      : c.compat_warnings > 0
        ? `${c.compat_warnings} compat warning(s)`
        : 'compatible';
  return { recommendation, score, composite_tier: composite, text: `${recommendation.toUpperCase()}: score ${score}/100 — ${sec}; ${compat}` };
}
