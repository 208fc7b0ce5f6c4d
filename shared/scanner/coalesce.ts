/** Merging hits with identical ranges into one diagnostic (scanner.md §5.6). */
import type { Hit, Tier } from './types';

export interface CoalescedHit {
  hit: Hit;
  /** Rule ids of the other hits on the same range, in precedence order. */
  alsoMatched: string[];
  /** Message with the ` (also: …)` suffix when other hits merged in. */
  message: string;
}

const TIER_RANK: Record<Tier, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Family order for ties: SEC, CMP, POL-EXEC, POL-ENV, POL-CAP, PARSE, then anything else (SUP). */
export function familyRank(ruleId: string): number {
  if (ruleId.startsWith('SEC-')) return 0;
  if (ruleId.startsWith('CMP-')) return 1;
  if (ruleId.startsWith('POL-EXEC-')) return 2;
  if (ruleId.startsWith('POL-ENV-')) return 3;
  if (ruleId.startsWith('POL-CAP-')) return 4;
  if (ruleId.startsWith('PARSE-')) return 5;
  return 6;
}

export function tierRank(tier: Tier): number {
  return TIER_RANK[tier];
}

/** Negative when `a` wins over `b` on the same range. */
export function compareForCoalescing(a: Hit, b: Hit): number {
  return TIER_RANK[a.tier] - TIER_RANK[b.tier] || familyRank(a.ruleId) - familyRank(b.ruleId) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Groups hits by identical `[start, end)`; output in order of position (start, end). */
export function coalesce(hits: readonly Hit[]): CoalescedHit[] {
  const groups = new Map<string, Hit[]>();
  for (const hit of hits) {
    const key = `${hit.start}:${hit.end}`;
    const group = groups.get(key);
    if (group) group.push(hit);
    else groups.set(key, [hit]);
  }
  const out: CoalescedHit[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort(compareForCoalescing);
    const winner = sorted[0];
    const alsoMatched: string[] = [];
    for (const other of sorted.slice(1)) {
      if (other.ruleId !== winner.ruleId && !alsoMatched.includes(other.ruleId)) alsoMatched.push(other.ruleId);
    }
    const message = alsoMatched.length > 0 ? `${winner.message} (also: ${alsoMatched.join(', ')})` : winner.message;
    out.push({ hit: winner, alsoMatched, message });
  }
  out.sort((a, b) => a.hit.start - b.hit.start || a.hit.end - b.hit.end);
  return out;
}
