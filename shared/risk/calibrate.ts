/**
 * Calibration (risk.md §5): parse traces, simulate every grid point (decision pass with a fake clock,
 * then an optional latency pass), compute the metrics, recommend by the symptom table and assemble
 * the report. Async with progress callbacks and cancellation; deterministic apart from the latency
 * fields and `generated_at`.
 */
import { sha256Hex } from './canonical';
import type { RiskConfig } from './config';
import { normalizeRiskConfig, RISK_RANGES } from './config';
import type { ExecAnalyzer } from './exec';
import type { CalibrationReport, GridMetrics, GridPoint, PerExtension, TraceInput } from './report';
import { CALIBRATION_SCHEMA } from './report';
import { DEFAULT_LEDGER_MEMORY_BUDGET, recommend, SLO06_P99_MS, SLO10_MAX_FPR, SLO11_MAX_FNR } from './recommend';
import { RollbackMonitor } from './rollout';
import type { SecretClassifier } from './signals';
import type { PolicyMode, PolicyResolver, TraceSimulation } from './simulate';
import { TraceRunner } from './simulate';
import type { ParsedTrace } from './trace';
import { parseTrace } from './trace';
import type { RiskAction } from './types';

export const DEFAULT_ALPHA_GRID = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05];
export const DEFAULT_LATENCY_RUNS = 3;
export const COLD_START_CALLS = 20;

export interface CalibrationTrace {
  /** Path as shown in the report (workspace-relative, POSIX). */
  path: string;
  text: string;
}

export interface CalibrationProgress {
  done: number;
  total: number;
  message: string;
}

export interface CancellationSignal {
  readonly aborted: boolean;
}

export class CalibrationCancelledError extends Error {
  constructor() {
    super('calibration cancelled');
  }
}

export interface CalibrationOptions {
  traces: CalibrationTrace[];
  baseConfig: Partial<RiskConfig>;
  alphaGrid?: number[];
  windowGrid?: number[];
  policyMode?: PolicyMode;
  policy?: PolicyResolver;
  promptAnswer?: 'allow' | 'deny';
  simulateEnforcement?: boolean;
  latencyRuns?: number;
  /** Skip the latency pass (also implied when no `hrtime` is given). */
  noLatency?: boolean;
  /** High-resolution clock (ms) injected by the caller for the latency pass. */
  hrtime?: () => number;
  ledgerMemoryBudget?: number;
  /** Wall-clock time of the run, for `generated_at` (injected). */
  nowMs: number;
  toolVersion: string;
  exec?: ExecAnalyzer;
  isSecret?: SecretClassifier;
  onProgress?: (p: CalibrationProgress) => void;
  signal?: CancellationSignal;
  thresholdAnalysis?: boolean;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const round3 = (x: number) => Math.round(x * 1e3) / 1e3;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Nearest-rank percentile over sorted samples: index ⌈p·n⌉ − 1 (§5.3). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  return sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
}

interface LoadedTrace {
  path: string;
  sha256: string;
  parsed: ParsedTrace;
}

function traceLabel(p: ParsedTrace): TraceInput['label'] {
  let b = false;
  let a = false;
  for (const e of p.events) if (e.kind === 'call') (e.label === 'adversarial' ? (a = true) : (b = true));
  return a && b ? 'mixed' : a ? 'adversarial' : b ? 'benign' : (p.header?.label === 'benign' || p.header?.label === 'adversarial' ? p.header.label : null);
}

interface PointData {
  metrics: GridMetrics;
  sims: TraceSimulation[];
  firstRunLatency: Float64Array[] | null;
}

function clampGrid(values: number[], key: 'alpha' | 'windowSize'): number[] {
  const r = RISK_RANGES[key];
  const out = values
    .filter((v) => Number.isFinite(v))
    .map((v) => (r.integer ? Math.trunc(v) : v))
    .map((v) => Math.min(r.max, Math.max(r.min, v)));
  return [...new Set(out)].sort((a, b) => a - b);
}

export async function runCalibration(opts: CalibrationOptions): Promise<CalibrationReport> {
  const config = normalizeRiskConfig(opts.baseConfig);
  const policyMode = opts.policyMode ?? 'permissive';
  const promptAnswer = opts.promptAnswer ?? 'deny';
  const simulateEnforcement = opts.simulateEnforcement ?? false;
  const latency = !opts.noLatency && opts.hrtime !== undefined;
  const latencyRuns = Math.max(1, Math.trunc(opts.latencyRuns ?? DEFAULT_LATENCY_RUNS));
  const budget = opts.ledgerMemoryBudget ?? DEFAULT_LEDGER_MEMORY_BUDGET;
  const alphas = clampGrid([...(opts.alphaGrid && opts.alphaGrid.length > 0 ? opts.alphaGrid : DEFAULT_ALPHA_GRID), config.alpha], 'alpha');
  const windows = clampGrid([...(opts.windowGrid ?? []), config.windowSize], 'windowSize');
  const points: Array<{ alpha: number; window: number }> = [];
  for (const alpha of alphas) for (const window of windows) points.push({ alpha, window });
  const currentIndex = points.findIndex((p) => p.alpha === config.alpha && p.window === config.windowSize);

  const loaded: LoadedTrace[] = opts.traces.map((t) => ({ path: t.path, sha256: sha256Hex(t.text), parsed: parseTrace(t.text) }));
  const usable = loaded.filter((t) => !t.parsed.rejected);
  const callsPerPass = usable.reduce((s, t) => s + t.parsed.events.length, 0);
  const passesPerPoint = 1 + (latency ? latencyRuns + 1 : 0);
  const total = callsPerPass * passesPerPoint * points.length;
  let done = 0;
  const CHUNK = 4096;
  const simOpts = { policyMode, policy: opts.policy, promptAnswer, simulateEnforcement, exec: opts.exec, isSecret: opts.isSecret };
  let message = '';
  /** Runs one trace in chunks, reporting progress and polling cancellation between chunks. */
  const run = async (t: LoadedTrace, cfg: typeof config, hrtime?: () => number): Promise<TraceSimulation> => {
    // The decision pass needs no hash chain (metrics only); the latency pass times the real append.
    const runner = new TraceRunner(t.parsed, cfg, simOpts, { hrtime, metricsOnly: hrtime === undefined });
    while (!runner.done) {
      done += runner.step(CHUNK);
      opts.onProgress?.({ done, total, message });
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (opts.signal?.aborted) throw new CalibrationCancelledError();
    }
    return runner.result();
  };
  if (opts.signal?.aborted) throw new CalibrationCancelledError();

  const data: PointData[] = [];
  for (let pi = 0; pi < points.length; pi++) {
    const { alpha, window } = points[pi];
    const cfg = { ...config, alpha, windowSize: window };
    message = `alpha ${alpha}, window ${window}: decision pass`;
    const sims: TraceSimulation[] = [];
    for (const t of usable) sims.push(await run(t, cfg));
    let decisionSamples: number[] = [];
    let appendSamples: number[] = [];
    let firstRun: Float64Array[] | null = null;
    let timeouts: number | null = null;
    if (latency) {
      for (let pass = 0; pass <= latencyRuns; pass++) {
        message = `alpha ${alpha}, window ${window}: latency run ${pass === 0 ? 'warm-up' : `${pass}/${latencyRuns}`}`;
        const perTrace: Float64Array[] = [];
        for (const t of usable) {
          const sim = await run(t, cfg, opts.hrtime);
          if (pass === 0) continue;
          perTrace.push(sim.decisionMs!);
          for (const v of sim.decisionMs!) decisionSamples.push(v);
          for (const v of sim.appendMs!) appendSamples.push(v);
        }
        if (pass === 1) {
          firstRun = perTrace;
          timeouts = 0;
          for (const arr of perTrace) for (const v of arr) if (v > cfg.decisionTimeoutMs) timeouts++;
        }
      }
    }
    data.push({ metrics: computeMetrics(sims, cfg.ledgerLimit, latency ? { decisionSamples, appendSamples, timeouts: timeouts ?? 0 } : null), sims, firstRunLatency: firstRun });
    decisionSamples = [];
    appendSamples = [];
  }
  opts.onProgress?.({ done: total, total, message: 'done' });

  const grid: GridPoint[] = points.map((p, i) => {
    const m = data[i].metrics;
    return {
      alpha: p.alpha,
      window_size: p.window,
      metrics: m,
      meets: {
        slo06: m.latency_ms === null ? null : m.latency_ms.p99 <= SLO06_P99_MS,
        slo10: m.fpr_ext <= SLO10_MAX_FPR,
        slo11: m.fnr_ext <= SLO11_MAX_FNR,
      },
    };
  });
  const rec = recommend(grid, currentIndex, config, budget);
  const recIndex = rec.grid_index ?? currentIndex;
  const recData = data[recIndex];

  const traces: TraceInput[] = loaded.map((t) => {
    const si = usable.indexOf(t);
    const listed = t.parsed.diagnostics.filter((d) => d.severity !== 'info');
    const counts: Record<string, number> = {};
    for (const d of t.parsed.diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
    return {
      path: t.path,
      sha256: t.sha256,
      label: traceLabel(t.parsed),
      calls: t.parsed.calls,
      invalid_requests: t.parsed.invalidRequests,
      policy_denied: si >= 0 ? recData.sims[si].policyDenied : 0,
      extensions: t.parsed.extensions.length,
      rejected: t.parsed.rejected,
      warnings: listed.slice(0, 200),
      warnings_total: listed.length,
      counts,
    };
  });

  const report: CalibrationReport = {
    schema: CALIBRATION_SCHEMA,
    generated_at: new Date(opts.nowMs).toISOString(),
    tool_version: opts.toolVersion,
    inputs: {
      traces,
      base_config: {
        enabled: config.enabled,
        enforce: config.enforce,
        alpha: config.alpha,
        windowSize: config.windowSize,
        ledgerLimit: config.ledgerLimit,
        decisionTimeoutMs: config.decisionTimeoutMs,
        failClosed: config.failClosed,
        rolloutPhase: config.rolloutPhase,
      },
      policy_mode: policyMode,
      prompt_answer: promptAnswer,
      simulate_enforcement: simulateEnforcement,
      latency_runs: latency ? latencyRuns : null,
      ledger_memory_budget: budget,
    },
    slo: { slo06_p99_ms: SLO06_P99_MS, slo10_max_fpr: SLO10_MAX_FPR, slo11_max_fnr: SLO11_MAX_FNR },
    grid,
    current: { alpha: config.alpha, window_size: config.windowSize, grid_index: currentIndex },
    recommendation: rec,
    rollout_readiness: rolloutReadiness(recData, config),
    per_extension: perExtension(usable, recData.sims),
    golden: { mode: 'none', dir: null, mismatches: [] },
  };
  if (opts.thresholdAnalysis !== false) report.threshold_analysis = thresholdAnalysis(recData.sims);
  return report;
}

function computeMetrics(
  sims: TraceSimulation[],
  ledgerLimit: number,
  lat: { decisionSamples: number[]; appendSamples: number[]; timeouts: number } | null,
): GridMetrics {
  let benign = 0;
  let adversarial = 0;
  let flaggedBenign = 0;
  let missedAdv = 0;
  let intervened = 0;
  let coldFlags = 0;
  let hardenBlocking = 0;
  let benignExt = 0;
  let advExt = 0;
  let fpExt = 0;
  let fnExt = 0;
  let quarantined = 0;
  let bytes = 0;
  let entries = 0;
  const actions: Record<RiskAction, number> = { allow: 0, harden: 0, prompt: 0, deny: 0, terminate: 0 };
  for (const sim of sims) {
    const evaluated = new Uint32Array(sim.extensions.length);
    const anyFlag = new Uint8Array(sim.extensions.length);
    const advDetected = new Uint8Array(sim.extensions.length);
    for (const r of sim.records) {
      evaluated[r.ext]++;
      actions[r.action]++;
      if (r.action === 'harden' && r.blocked) hardenBlocking++;
      if (r.flagged) anyFlag[r.ext] = 1;
      if (r.adversarial) {
        adversarial++;
        if (!r.detected) missedAdv++;
        else advDetected[r.ext] = 1;
      } else {
        benign++;
        if (r.action !== 'allow') intervened++;
        if (r.flagged) {
          flaggedBenign++;
          if (r.evalIndex < COLD_START_CALLS) coldFlags++;
        }
      }
    }
    sim.extensions.forEach((e, i) => {
      if (e.quarantinedAtSeq !== null) quarantined++;
      if (evaluated[i] === 0) return;
      if (e.adversarial) {
        advExt++;
        if (!advDetected[i]) fnExt++;
      } else {
        benignExt++;
        if (anyFlag[i]) fpExt++;
      }
    });
    const l = sim.controller.ledger;
    bytes += l.meanEntryBytes * (sim.records.length);
    entries += sim.records.length;
  }
  const meanEntry = entries === 0 ? 0 : bytes / entries;
  let latencyMs: GridMetrics['latency_ms'] = null;
  let appendMs: GridMetrics['ledger_append_ms'] = null;
  if (lat) {
    const d = Float64Array.from(lat.decisionSamples).sort();
    const a = Float64Array.from(lat.appendSamples).sort();
    let sum = 0;
    for (const v of d) sum += v;
    latencyMs = {
      p50: round3(percentile(d, 0.5)),
      p90: round3(percentile(d, 0.9)),
      p99: round3(percentile(d, 0.99)),
      max: round3(d.length > 0 ? d[d.length - 1] : 0),
      mean: round3(ratio(sum, d.length)),
      samples: d.length,
    };
    appendMs = { p50: round3(percentile(a, 0.5)), p99: round3(percentile(a, 0.99)) };
  }
  return {
    fpr_ext: round6(ratio(fpExt, benignExt)),
    fnr_ext: round6(ratio(fnExt, advExt)),
    fpr_call: round6(ratio(flaggedBenign, benign)),
    fnr_call: round6(ratio(missedAdv, adversarial)),
    intervention_rate_benign: round6(ratio(intervened, benign)),
    fp_cold_start_share: round6(ratio(coldFlags, flaggedBenign)),
    benign_calls: benign,
    adversarial_calls: adversarial,
    benign_extensions: benignExt,
    adversarial_extensions: advExt,
    actions,
    harden_blocking: hardenBlocking,
    quarantined_extensions: quarantined,
    latency_ms: latencyMs,
    ledger_append_ms: appendMs,
    measured_timeouts: lat ? lat.timeouts : null,
    ledger_bytes_estimate: Math.round(meanEntry * ledgerLimit),
    mean_entry_bytes: round3(meanEntry),
  };
}

function perExtension(traces: LoadedTrace[], sims: TraceSimulation[]): PerExtension[] {
  const out: PerExtension[] = [];
  sims.forEach((sim, ti) => {
    const rows = sim.extensions.map((e) => ({
      trace: traces[ti].path,
      extension_id: e.id,
      label: (e.adversarial ? 'adversarial' : 'benign') as 'adversarial' | 'benign',
      calls: 0,
      flagged: 0,
      detected: 0,
      first_flag_seq: null as number | null,
      quarantined_at_seq: e.quarantinedAtSeq,
      max_score: 0,
    }));
    for (const r of sim.records) {
      const row = rows[r.ext];
      row.calls++;
      if (r.flagged) {
        row.flagged++;
        if (row.first_flag_seq === null) row.first_flag_seq = r.seq;
      }
      if (r.detected) row.detected++;
      if (r.r > row.max_score) row.max_score = r.r;
    }
    for (const row of rows) if (row.calls > 0) out.push({ ...row, max_score: round6(row.max_score) });
  });
  return out;
}

function thresholdAnalysis(sims: TraceSimulation[]): NonNullable<CalibrationReport['threshold_analysis']> {
  const rows: Array<{ threshold: number; fpr_call: number; fnr_call: number }> = [];
  let best: { t: number; sum: number } | null = null;
  for (let k = 1; k <= 19; k++) {
    const t = round6(k * 0.05);
    let benign = 0;
    let adv = 0;
    let fp = 0;
    let fn = 0;
    for (const sim of sims) {
      for (const r of sim.records) {
        const predicted = r.r >= t;
        if (r.adversarial) {
          adv++;
          if (!predicted) fn++;
        } else {
          benign++;
          if (predicted) fp++;
        }
      }
    }
    const row = { threshold: t, fpr_call: round6(ratio(fp, benign)), fnr_call: round6(ratio(fn, adv)) };
    rows.push(row);
    const sum = row.fpr_call + row.fnr_call;
    if (best === null || sum < best.sum - 1e-12 || (Math.abs(sum - best.sum) <= 1e-12 && Math.abs(t - 0.65) < Math.abs(best.t - 0.65))) best = { t, sum };
  }
  return { best_threshold: best!.t, rows };
}

function rolloutReadiness(point: PointData, config: ReturnType<typeof normalizeRiskConfig>): CalibrationReport['rollout_readiness'] {
  const monitor = new RollbackMonitor(config.rollbackTrigger, 'enforce_all');
  let sample = 0;
  for (let ti = 0; ti < point.sims.length; ti++) {
    const sim = point.sims[ti];
    const lat = point.firstRunLatency?.[ti];
    for (let i = 0; i < sim.records.length; i++) {
      const r = sim.records[i];
      sample++;
      const v = monitor.add({ latency_ms: lat ? lat[i] : 0, was_error: false, was_false_positive: !r.adversarial && r.flagged });
      if (v.fired) return { phase_simulated: 'enforce_all', would_rollback: true, at_sample: sample, reason: v.reason };
    }
  }
  return { phase_simulated: 'enforce_all', would_rollback: false, at_sample: null, reason: null };
}
