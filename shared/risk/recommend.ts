/** Recommendation by the playbook's symptom table (risk.md §5.5). */
import type { EffectiveRiskConfig } from './config';
import { phaseEnforces } from './config';
import type { GridPoint, Rationale, SettingsPatch } from './report';

export const SLO06_P99_MS = 5;
export const SLO10_MAX_FPR = 0.1;
export const SLO11_MAX_FNR = 0.05;
export const DEFAULT_LEDGER_MEMORY_BUDGET = 8 * 1024 * 1024;

export interface Recommendation {
  alpha: number;
  window_size: number;
  decision_timeout_ms: number;
  ledger_limit: number;
  meets_slos: boolean;
  grid_index: number | null;
  rationale: Rationale[];
  settings_patch: SettingsPatch;
}

export function meetsAll(p: GridPoint): boolean {
  return p.meets.slo10 && p.meets.slo11 && p.meets.slo06 !== false;
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** Candidate order: fpr_ext, fnr_ext, fpr_call, |log(alpha/current)|, smaller alpha, window closest to current. */
function compareCandidates(a: GridPoint, b: GridPoint, cur: GridPoint): number {
  const d =
    a.metrics.fpr_ext - b.metrics.fpr_ext ||
    a.metrics.fnr_ext - b.metrics.fnr_ext ||
    a.metrics.fpr_call - b.metrics.fpr_call ||
    Math.abs(Math.log(a.alpha / cur.alpha)) - Math.abs(Math.log(b.alpha / cur.alpha)) ||
    a.alpha - b.alpha ||
    Math.abs(a.window_size - cur.window_size) - Math.abs(b.window_size - cur.window_size);
  return d;
}

function latencyFires(p: GridPoint): boolean {
  const l = p.metrics.latency_ms;
  if (l === null) return false;
  return l.p99 > SLO06_P99_MS || (p.metrics.measured_timeouts ?? 0) > 0;
}

export function recommend(grid: GridPoint[], currentIndex: number, config: EffectiveRiskConfig, budget: number): Recommendation {
  const cur = grid[currentIndex];
  const fprFires = cur.metrics.fpr_ext > SLO10_MAX_FPR;
  const fnrFires = cur.metrics.fnr_ext > SLO11_MAX_FNR;
  const latFires = latencyFires(cur);
  const rationale: Rationale[] = [];
  let alpha = cur.alpha;
  let window = cur.window_size;
  let timeout = config.decisionTimeoutMs;
  let ledgerLimit = config.ledgerLimit;
  let meets = false;

  const candidates = grid.map((p, i) => ({ p, i })).filter(({ p }) => meetsAll(p));
  if (candidates.length > 0) {
    candidates.sort((a, b) => compareCandidates(a.p, b.p, cur) || a.i - b.i);
    const best = candidates[0];
    meets = true;
    alpha = best.p.alpha;
    window = best.p.window_size;
    if (best.i !== currentIndex) {
      const evidence = `grid point ${best.i}`;
      if (fprFires) rationale.push({ symptom: `fpr_ext ${fmt(cur.metrics.fpr_ext)} > 0.10`, adjustment: 'decrease alpha', parameter: 'alpha', from: cur.alpha, to: alpha, evidence });
      if (fnrFires) rationale.push({ symptom: `fnr_ext ${fmt(cur.metrics.fnr_ext)} > 0.05`, adjustment: 'increase alpha', parameter: 'alpha', from: cur.alpha, to: alpha, evidence });
      if (latFires) rationale.push({ symptom: latencySymptom(cur), adjustment: 'decrease windowSize', parameter: 'windowSize', from: cur.window_size, to: window, evidence });
    }
  } else {
    const sameWindow = grid.map((p, i) => ({ p, i })).filter(({ p }) => p.window_size === cur.window_size);
    // The table's fallback value (current/2 or current×2); when it happens to be a simulated grid
    // alpha, the evidence names that point (which did not improve the metric) instead.
    const fallback = (a: number) => {
      const hit = sameWindow.find(({ p }) => p.alpha === a);
      return hit ? { alpha: a, evidence: `grid point ${hit.i} (does not improve the metric)`, notSim: false } : { alpha: a, evidence: 'not simulated', notSim: true };
    };
    let fprTo: { alpha: number; evidence: string; notSim: boolean } | null = null;
    let fnrTo: { alpha: number; evidence: string; notSim: boolean } | null = null;
    if (fprFires) {
      const lower = sameWindow.filter(({ p }) => p.alpha < cur.alpha && p.metrics.fpr_ext < cur.metrics.fpr_ext).sort((a, b) => b.p.alpha - a.p.alpha);
      fprTo = lower.length > 0 ? { alpha: lower[0].p.alpha, evidence: `grid point ${lower[0].i}`, notSim: false } : fallback(Math.max(1e-6, cur.alpha / 2));
      rationale.push({ symptom: `fpr_ext ${fmt(cur.metrics.fpr_ext)} > 0.10`, adjustment: 'decrease alpha', parameter: 'alpha', from: cur.alpha, to: fprTo.alpha, evidence: fprTo.evidence, ...(fprTo.notSim ? { not_simulated: true } : {}) });
    }
    if (fnrFires) {
      const higher = sameWindow.filter(({ p }) => p.alpha > cur.alpha && p.metrics.fnr_ext < cur.metrics.fnr_ext).sort((a, b) => a.p.alpha - b.p.alpha);
      fnrTo = higher.length > 0 ? { alpha: higher[0].p.alpha, evidence: `grid point ${higher[0].i}`, notSim: false } : fallback(Math.min(0.5, cur.alpha * 2));
      rationale.push({ symptom: `fnr_ext ${fmt(cur.metrics.fnr_ext)} > 0.05`, adjustment: 'increase alpha', parameter: 'alpha', from: cur.alpha, to: fnrTo.alpha, evidence: fnrTo.evidence, ...(fnrTo.notSim ? { not_simulated: true } : {}) });
    }
    if (fprTo && fnrTo) {
      const ranked = grid.map((p, i) => ({ p, i })).sort((a, b) => a.p.metrics.fpr_ext + a.p.metrics.fnr_ext - (b.p.metrics.fpr_ext + b.p.metrics.fnr_ext) || compareCandidates(a.p, b.p, cur) || a.i - b.i);
      const best = ranked[0];
      alpha = best.p.alpha;
      window = best.p.window_size;
      rationale.push({
        symptom: 'fpr_ext > 0.10 and fnr_ext > 0.05',
        adjustment: 'conflict: alpha alone cannot satisfy both; minimise fpr_ext + fnr_ext',
        parameter: 'alpha',
        from: cur.alpha,
        to: alpha,
        evidence: `grid point ${best.i}`,
        ...(cur.metrics.fp_cold_start_share > 0.5 ? { note: 'the false positives come from the cold-start prior, not alpha' } : {}),
      });
    } else if (fprTo) alpha = fprTo.alpha;
    else if (fnrTo) alpha = fnrTo.alpha;
    if (latFires) {
      const fast = grid.map((p, i) => ({ p, i })).filter(({ p }) => p.alpha === cur.alpha && p.metrics.latency_ms !== null && p.metrics.latency_ms.p99 <= SLO06_P99_MS).sort((a, b) => b.p.window_size - a.p.window_size);
      if (fast.length > 0) {
        window = fast[0].p.window_size;
        rationale.push({ symptom: latencySymptom(cur), adjustment: 'decrease windowSize', parameter: 'windowSize', from: cur.window_size, to: window, evidence: `grid point ${fast[0].i}` });
      } else if (cur.window_size > 8) {
        window = Math.max(8, Math.floor(cur.window_size / 2));
        rationale.push({ symptom: latencySymptom(cur), adjustment: 'decrease windowSize', parameter: 'windowSize', from: cur.window_size, to: window, evidence: 'not simulated', not_simulated: true });
      } else {
        timeout = Math.min(2000, config.decisionTimeoutMs * 2);
        rationale.push({ symptom: latencySymptom(cur), adjustment: 'increase decisionTimeoutMs (last resort: windowSize is already 8)', parameter: 'decisionTimeoutMs', from: config.decisionTimeoutMs, to: timeout, evidence: 'not simulated', not_simulated: true });
      }
    }
  }
  // The ledger-memory row is checked in both cases.
  if (cur.metrics.ledger_bytes_estimate > budget && cur.metrics.mean_entry_bytes > 0) {
    ledgerLimit = Math.max(32, Math.floor(budget / cur.metrics.mean_entry_bytes));
    rationale.push({ symptom: `ledger_bytes_estimate ${cur.metrics.ledger_bytes_estimate} > budget ${budget}`, adjustment: 'decrease ledgerLimit', parameter: 'ledgerLimit', from: config.ledgerLimit, to: ledgerLimit, evidence: `mean entry ${Math.round(cur.metrics.mean_entry_bytes)} bytes` });
  }
  const gridIndex = grid.findIndex((p) => p.alpha === alpha && p.window_size === window);
  const changed: Record<string, number> = {};
  if (alpha !== config.alpha) changed.alpha = alpha;
  if (window !== config.windowSize) changed.windowSize = window;
  if (timeout !== config.decisionTimeoutMs) changed.decisionTimeoutMs = timeout;
  if (ledgerLimit !== config.ledgerLimit) changed.ledgerLimit = ledgerLimit;
  const alreadyEnforcing = config.enabled && config.enforce && phaseEnforces(config.rolloutPhase);
  const settings_patch: SettingsPatch =
    meets && alreadyEnforcing
      ? { extensionRisk: { ...changed, enabled: true, enforce: true } }
      : { extensionRisk: { ...changed, enabled: true, enforce: false, rolloutPhase: 'shadow' } };
  return {
    alpha,
    window_size: window,
    decision_timeout_ms: timeout,
    ledger_limit: ledgerLimit,
    meets_slos: meets,
    grid_index: gridIndex >= 0 ? gridIndex : null,
    rationale,
    settings_patch,
  };
}

function latencySymptom(p: GridPoint): string {
  const l = p.metrics.latency_ms!;
  return l.p99 > SLO06_P99_MS ? `latency p99 ${l.p99} ms > 5 ms` : `measured_timeouts ${p.metrics.measured_timeouts} > 0`;
}
