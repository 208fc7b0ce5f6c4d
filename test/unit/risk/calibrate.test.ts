import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CalibrationCancelledError, percentile, runCalibration } from '../../../shared/risk/calibrate';
import { normalizeRiskConfig } from '../../../shared/risk/config';
import { recommend } from '../../../shared/risk/recommend';
import type { GridPoint } from '../../../shared/risk/report';
import { calibrationReportSchema } from '../../../shared/risk/report';
import { RollbackMonitor } from '../../../shared/risk/rollout';
import { generateTraces } from '../../../scripts/generate-traces';

const small = generateTraces(7, 0.12).map((t) => ({ path: `traces/${t.name}`, text: t.text }));

function strip(report: unknown): unknown {
  const r = JSON.parse(JSON.stringify(report)) as Record<string, unknown> & { grid: Array<{ metrics: Record<string, unknown>; meets: Record<string, unknown> }> };
  delete r.generated_at;
  delete r.rollout_readiness; // fed with first-run latencies (derived from a latency field)
  for (const g of r.grid) {
    delete g.metrics.latency_ms;
    delete g.metrics.ledger_append_ms;
    delete g.metrics.measured_timeouts;
    delete g.meets.slo06;
  }
  return r;
}

describe('calibration (§5)', () => {
  it('is deterministic apart from generated_at and the latency fields', async () => {
    let t = 0;
    let seed = 1;
    const noisy = () => (t += ((seed = (seed * 48271) % 2147483647) % 1000) / 1e5);
    const a = await runCalibration({ traces: small, baseConfig: { enabled: true, enforce: false }, nowMs: 0, toolVersion: 't', hrtime: noisy, latencyRuns: 1 });
    const b = await runCalibration({ traces: small, baseConfig: { enabled: true, enforce: false }, nowMs: 86_400_000, toolVersion: 't', hrtime: () => (t += 0.003), latencyRuns: 2 });
    assert.notEqual(a.generated_at, b.generated_at);
    assert.notDeepEqual(a.grid[0].metrics.latency_ms, b.grid[0].metrics.latency_ms);
    assert.deepEqual(strip({ ...a, inputs: { ...a.inputs, latency_runs: null } }), strip({ ...b, inputs: { ...b.inputs, latency_runs: null } }));
    calibrationReportSchema.parse(a);
  });

  it('computes the grid, the metrics and the report shape', async () => {
    const r = await runCalibration({ traces: small, baseConfig: { enabled: true, enforce: false }, nowMs: 0, toolVersion: 't', noLatency: true, windowGrid: [32, 64] });
    assert.equal(r.grid.length, 6 * 3);
    assert.deepEqual([...new Set(r.grid.map((g) => g.window_size))], [32, 64, 128]);
    assert.equal(r.grid[r.current.grid_index].alpha, 0.01);
    assert.equal(r.grid[r.current.grid_index].window_size, 128);
    for (const g of r.grid) {
      assert.equal(g.metrics.latency_ms, null);
      assert.equal(g.meets.slo06, null);
      assert.ok(g.metrics.fpr_ext >= 0 && g.metrics.fpr_ext <= 1);
      const total = Object.values(g.metrics.actions).reduce((s, x) => s + x, 0);
      assert.equal(total, g.metrics.benign_calls + g.metrics.adversarial_calls);
    }
    assert.equal(r.inputs.latency_runs, null);
    assert.ok(r.per_extension.some((p) => p.label === 'adversarial' && p.detected > 0));
    assert.equal(r.threshold_analysis?.rows.length, 19);
    assert.equal(r.recommendation.settings_patch.extensionRisk.enforce, false);
    assert.equal(r.recommendation.settings_patch.extensionRisk.rolloutPhase, 'shadow');
    assert.equal(r.inputs.traces[1].label, 'mixed');
  });

  it('reports progress and honours cancellation', async () => {
    const seen: number[] = [];
    await runCalibration({ traces: small, baseConfig: {}, nowMs: 0, toolVersion: 't', noLatency: true, alphaGrid: [0.01], onProgress: (p) => seen.push(p.done / p.total) });
    assert.ok(seen.length >= 2);
    assert.equal(seen[seen.length - 1], 1);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] >= seen[i - 1]);
    const signal = { aborted: false };
    const p = runCalibration({ traces: small, baseConfig: {}, nowMs: 0, toolVersion: 't', noLatency: true, onProgress: () => { signal.aborted = true; }, signal });
    await assert.rejects(p, CalibrationCancelledError);
  });

  it('lists rejected traces and processes the rest', async () => {
    const bad = { path: 'traces/bad.jsonl', text: '{"ts_ms":1,"extension_id":"e","call_id":"c","capability":"log","method":"log","params_hash":"' + 'a'.repeat(64) + '","label":"maybe"}\n' };
    const r = await runCalibration({ traces: [bad, ...small], baseConfig: {}, nowMs: 0, toolVersion: 't', noLatency: true, alphaGrid: [0.01] });
    assert.equal(r.inputs.traces[0].rejected, true);
    assert.equal(r.inputs.traces[0].warnings[0].code, 'TRC-LABEL');
    assert.ok(r.grid[0].metrics.benign_calls > 0);
  });

  it('nearest-rank percentiles', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert.equal(percentile(s, 0.5), 5);
    assert.equal(percentile(s, 0.9), 9);
    assert.equal(percentile(s, 0.99), 10);
    assert.equal(percentile([], 0.5), 0);
  });
});

function point(alpha: number, window: number, m: Partial<GridPoint['metrics']> = {}, p99: number | null = 0.1): GridPoint {
  const metrics: GridPoint['metrics'] = {
    fpr_ext: 0, fnr_ext: 0, fpr_call: 0, fnr_call: 0, intervention_rate_benign: 0, fp_cold_start_share: 0,
    benign_calls: 100, adversarial_calls: 10, benign_extensions: 10, adversarial_extensions: 5,
    actions: { allow: 0, harden: 0, prompt: 0, deny: 0, terminate: 0 }, harden_blocking: 0, quarantined_extensions: 0,
    latency_ms: p99 === null ? null : { p50: 0.01, p90: 0.02, p99, max: p99, mean: 0.01, samples: 100 },
    ledger_append_ms: null, measured_timeouts: p99 === null ? null : 0, ledger_bytes_estimate: 1000, mean_entry_bytes: 1500, ...m,
  };
  return { alpha, window_size: window, metrics, meets: { slo06: metrics.latency_ms === null ? null : metrics.latency_ms.p99 <= 5, slo10: metrics.fpr_ext <= 0.1, slo11: metrics.fnr_ext <= 0.05 } };
}
const cfg = (over = {}) => normalizeRiskConfig({ enabled: true, enforce: false, ...over });
const BUDGET = 8 * 1024 * 1024;

describe('recommendation by the symptom table (§5.5)', () => {
  it('too many false positives → decrease alpha (candidate exists): rationale names the grid point, shadow patch', () => {
    const grid = [point(0.001, 128, { fpr_ext: 0.05, fnr_ext: 0.04 }), point(0.005, 128, { fpr_ext: 0.05, fnr_ext: 0 }), point(0.01, 128, { fpr_ext: 0.127 }), point(0.02, 128, { fpr_ext: 0.2 })];
    const r = recommend(grid, 2, cfg(), BUDGET);
    assert.equal(r.alpha, 0.005, 'lower fnr_ext wins the fpr_ext tie');
    assert.equal(r.meets_slos, true);
    assert.deepEqual(r.rationale.map((x) => [x.adjustment, x.from, x.to, x.evidence]), [['decrease alpha', 0.01, 0.005, 'grid point 1']]);
    assert.deepEqual(r.settings_patch, { extensionRisk: { alpha: 0.005, enabled: true, enforce: false, rolloutPhase: 'shadow' } });
  });
  it('current point recommended → empty rationale; an enforcing config that meets all SLOs keeps enforce', () => {
    const grid = [point(0.005, 128, { fpr_ext: 0.05 }), point(0.01, 128, { fpr_ext: 0.05 })];
    const r = recommend(grid, 1, cfg({ enforce: true }), BUDGET);
    assert.equal(r.alpha, 0.01);
    assert.deepEqual(r.rationale, []);
    assert.deepEqual(r.settings_patch, { extensionRisk: { enabled: true, enforce: true } });
  });
  it('missing threats → increase alpha (no candidate)', () => {
    const grid = [point(0.005, 128, { fnr_ext: 0.4 }), point(0.01, 128, { fnr_ext: 0.3 }), point(0.02, 128, { fnr_ext: 0.3 }), point(0.05, 128, { fnr_ext: 0.2, fpr_ext: 0.5 })];
    const r = recommend(grid, 1, cfg(), BUDGET);
    assert.equal(r.meets_slos, false);
    assert.equal(r.alpha, 0.05);
    assert.deepEqual(r.rationale.map((x) => [x.adjustment, x.to, x.evidence]), [['increase alpha', 0.05, 'grid point 3']]);
  });
  it('no lower grid alpha helps → current/2, marked not_simulated', () => {
    const r = recommend([point(0.01, 128, { fpr_ext: 0.3 }), point(0.05, 128, { fpr_ext: 0.4 })], 0, cfg(), BUDGET);
    assert.equal(r.alpha, 0.005);
    assert.equal(r.rationale[0].not_simulated, true);
    assert.equal(r.grid_index, null);
  });
  it('both symptoms → conflict row, the point minimising fpr_ext + fnr_ext, and the cold-start note', () => {
    const grid = [point(0.005, 128, { fpr_ext: 0.2, fnr_ext: 0.1 }), point(0.01, 128, { fpr_ext: 0.3, fnr_ext: 0.2, fp_cold_start_share: 0.8 }), point(0.02, 128, { fpr_ext: 0.35, fnr_ext: 0.1 })];
    const r = recommend(grid, 1, cfg(), BUDGET);
    const conflict = r.rationale.find((x) => x.adjustment.startsWith('conflict'));
    assert.ok(conflict);
    assert.equal(r.alpha, 0.005);
    assert.match(conflict.note ?? '', /cold-start/);
    assert.deepEqual(r.rationale.map((x) => x.adjustment).slice(0, 2), ['decrease alpha', 'increase alpha']);
  });
  it('slow decisions → decrease windowSize; at window 8 increase decisionTimeoutMs as a last resort', () => {
    const grid = [point(0.01, 32, {}, 2), point(0.01, 64, {}, 4), point(0.01, 128, {}, 7)];
    const r = recommend(grid.map((g) => ({ ...g, meets: { ...g.meets, slo10: false } })), 2, cfg(), BUDGET);
    assert.equal(r.window_size, 64);
    assert.equal(r.rationale.find((x) => x.parameter === 'windowSize')?.evidence, 'grid point 1');
    const r8 = recommend([{ ...point(0.01, 8, { fpr_ext: 0.5 }, 9) }], 0, cfg({ windowSize: 8 }), BUDGET);
    assert.equal(r8.decision_timeout_ms, 100);
    assert.deepEqual(r8.settings_patch.extensionRisk.decisionTimeoutMs, 100);
    const rHalf = recommend([point(0.01, 128, { fpr_ext: 0.5 }, 9)], 0, cfg(), BUDGET);
    assert.equal(rHalf.window_size, 64);
  });
  it('memory pressure → decrease ledgerLimit (checked in both cases)', () => {
    const r = recommend([point(0.01, 128, { ledger_bytes_estimate: 20_000_000, mean_entry_bytes: 2000 })], 0, cfg(), 1_000_000);
    assert.equal(r.meets_slos, true);
    assert.equal(r.ledger_limit, 500);
    assert.equal(r.settings_patch.extensionRisk.ledgerLimit, 500);
    assert.equal(recommend([point(0.01, 128, { ledger_bytes_estimate: 20_000_000, mean_entry_bytes: 2000 })], 0, cfg(), 1000).ledger_limit, 32);
  });
  it('--no-latency: candidates are judged on SLO-10 and SLO-11 only and the latency row never fires', () => {
    const r = recommend([point(0.01, 128, {}, null)], 0, cfg(), BUDGET);
    assert.equal(r.meets_slos, true);
  });
});

describe('rollback trigger (§6.2)', () => {
  it('fires on a false-positive rate above the limit only after 10 samples, then returns to shadow', () => {
    const m = new RollbackMonitor({ maxFalsePositiveRate: 0.05, maxErrorRate: 0.1, windowSize: 100, maxLatencyMs: 200 });
    for (let i = 0; i < 9; i++) assert.equal(m.add({ latency_ms: 0, was_error: false, was_false_positive: true }).fired, false);
    const v = m.add({ latency_ms: 0, was_error: false, was_false_positive: true });
    assert.equal(v.fired, true);
    assert.equal(m.phase, 'shadow');
    assert.equal(m.enforce, false);
    assert.equal(m.rolledBackFrom, 'enforce_all');
    assert.equal(m.add({ latency_ms: 0, was_error: false, was_false_positive: true }).fired, false, 'not evaluated outside enforcing phases');
  });
  it('latency and error triggers are strict', () => {
    const m = new RollbackMonitor({ maxFalsePositiveRate: 1, maxErrorRate: 0.1, windowSize: 10, maxLatencyMs: 200 });
    for (let i = 0; i < 10; i++) m.add({ latency_ms: 200, was_error: i === 0, was_false_positive: false });
    assert.equal(m.phase, 'enforce_all');
    assert.equal(m.add({ latency_ms: 211, was_error: false, was_false_positive: false }).fired, true);
  });
});

describe('metrics-only decision pass', () => {
  it('gives the same decisions as the full ledger, and samples exact entry sizes', async () => {
    const { parseTrace } = await import('../../../shared/risk/trace');
    const { simulateTrace, METRICS_SIZE_EVERY } = await import('../../../shared/risk/simulate');
    const { canonicalJson } = await import('../../../shared/risk/canonical');
    const parsed = parseTrace(small[1].text);
    const cfg = normalizeRiskConfig({ enabled: true, enforce: false, ledgerLimit: 20000 });
    const opts = { policyMode: 'permissive' as const, promptAnswer: 'deny' as const, simulateEnforcement: false };
    const full = simulateTrace(parsed, cfg, opts);
    const light = simulateTrace(parsed, cfg, opts, { metricsOnly: true });
    assert.deepEqual(light.records, full.records);
    assert.deepEqual(light.extensions, full.extensions);
    const sampled = full.controller.ledger.entries().filter((e) => (e.seq - 1) % METRICS_SIZE_EVERY === 0);
    const mean = sampled.reduce((s, e) => s + canonicalJson(e).length, 0) / sampled.length;
    assert.ok(Math.abs(light.controller.ledger.meanEntryBytes - mean) < 1e-9);
  });
});

describe('--policy effective (§5.2)', () => {
  it('a policy deny excludes the call (policy_denied); a prompt follows --prompt-answer; a line policy_reason overrides', async () => {
    const H = 'a'.repeat(64);
    const text = [
      '{"type":"header","schema":"pi.ext.hostcall_trace.v1","label":"benign","extension_id":"e"}',
      ...Array.from({ length: 6 }, (_, i) => JSON.stringify({ ts_ms: 1000 + i, call_id: `x${i}`, capability: 'exec', method: 'exec', params_hash: H, arg_signals: { delta: 0, flags: [] } })),
      ...Array.from({ length: 4 }, (_, i) => JSON.stringify({ ts_ms: 2000 + i, call_id: `u${i}`, capability: 'ui', method: 'ui', params_hash: H, arg_signals: { delta: 0, flags: [] } })),
      JSON.stringify({ ts_ms: 3000, call_id: 'o1', capability: 'exec', method: 'exec', params_hash: H, arg_signals: { delta: 0, flags: [] }, policy_reason: 'extension_allow' }),
      JSON.stringify({ ts_ms: 3001, call_id: 'r1', capability: 'read', method: 'fs', params_hash: H, arg_signals: { delta: 0, flags: [] } }),
    ].join('\n');
    const policy = (cap: string) =>
      cap === 'exec' ? { decision: 'deny' as const, reason: 'deny_caps', profile: 'standard' as const }
        : cap === 'ui' ? { decision: 'prompt' as const, reason: 'prompt_required', profile: 'standard' as const }
          : { decision: 'allow' as const, reason: 'default_caps', profile: 'standard' as const };
    const run = (promptAnswer: 'allow' | 'deny') =>
      runCalibration({ traces: [{ path: 't.jsonl', text }], baseConfig: { enabled: true }, nowMs: 0, toolVersion: 't', noLatency: true, alphaGrid: [0.01], policyMode: 'effective', policy, promptAnswer });
    const denyPrompts = await run('deny');
    assert.equal(denyPrompts.inputs.traces[0].policy_denied, 6 + 4);
    assert.equal(denyPrompts.grid[0].metrics.benign_calls, 2, 'the override line and the read');
    const allowPrompts = await run('allow');
    assert.equal(allowPrompts.inputs.traces[0].policy_denied, 6);
    assert.equal(allowPrompts.grid[0].metrics.benign_calls, 6);
    await assert.rejects(runCalibration({ traces: [{ path: 't.jsonl', text }], baseConfig: {}, nowMs: 0, toolVersion: 't', noLatency: true, policyMode: 'effective' }), /effective policy/);
  });
});
