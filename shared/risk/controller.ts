/**
 * The runtime risk controller (risk.md §2): per-extension state, scoring, posterior, e-process,
 * drift, expected-loss action, triggers, score bands, decision timeout, quarantine, outcome recording
 * and the ledger entry. Pure and deterministic given the injected timer (§4).
 */
import type { BandMachine } from './bands';
import { evaluateBand, newBandMachine } from './bands';
import type { EffectiveRiskConfig, RiskConfig } from './config';
import { normalizeRiskConfig } from './config';
import type { ExecAnalyzer } from './exec';
import type { Contributor, ExplanationLevel } from './explain';
import type { ExplanationInput } from './explain';
import { explain } from './explain';
import { RiskLedger } from './ledger';
import type { LedgerEntry } from './ledgerSchema';
import type { SecretClassifier } from './signals';
import { argumentSignals, orderFlags } from './signals';
import { resourceTargetClass } from './target';
import type { DerivedState, PolicyProfile, RiskAction, RiskFlag } from './types';
import { ACTION_RANK, clamp, clamp01, isRiskDangerous } from './types';

export const UNKNOWN_EXTENSION = '<unknown>';
export const FEATURE_BUDGET_MS = 0.25;
export const LOG_LR_HIGH = Math.log(0.45 / 0.1);
export const LOG_LR_LOW = Math.log(0.55 / 0.9);

/** One e-process step (§2.9): x = 1 iff r ≥ 0.65; logE clamped to [−120, 120]. */
export function eProcessStep(logE: number, r: number): number {
  return clamp(logE + (r >= 0.65 ? LOG_LR_HIGH : LOG_LR_LOW), -120, 120);
}

export interface RiskCall {
  extensionId?: string | null;
  callId: string;
  /** The derived capability (policy.md §2). */
  capability: string;
  method: string;
  params?: Record<string, unknown>;
  paramsHash: string;
  timeoutMs?: number | null;
  policyReason: string;
  policyProfile: PolicyProfile;
  /** Pre-computed argument signals (trace `arg_signals`, §5.1); replace §2.4 when present. */
  argSignals?: { delta: number; flags: RiskFlag[]; resourceTargetClass?: string };
  /** "now" for the features (§2.6). */
  tsMs: number;
}

export interface Posterior {
  safe_fast: number;
  suspicious: number;
  unsafe: number;
}
export type Losses = { allow: number; harden: number; deny: number; terminate: number };

export interface RiskDecision {
  extensionId: string;
  call: RiskCall;
  quarantinePath: boolean;
  base: number;
  argDelta: number;
  flags: RiskFlag[];
  targetClass: string;
  riskScore: number;
  posterior: Posterior;
  losses: Losses;
  lossAction: RiskAction;
  bandState: RiskAction;
  action: RiskAction;
  blocked: boolean;
  enforced: boolean;
  derivedState: DerivedState;
  triggers: string[];
  fallbackReason: string | null;
  logE: number | null;
  e: number | null;
  eThreshold: number;
  conformalResidual: number;
  conformalQuantile: number;
  drift: boolean;
  hysteresisActive: boolean;
  /**
   * Rollout `log_only` (and `enforce_new` for extensions known before the phase): the call would be
   * blocked, so the host logs a warning/alert (§6.1).
   */
  wouldBlockAlert: boolean;
  explanationLevel: ExplanationLevel;
  explanationSummary: string;
  contributors: Contributor[];
  /** Set when the explanation was deferred (metrics-only simulation); computed on demand. */
  explanationInput?: ExplanationInput;
}

/** Sorted-array window: keeps insertion order for eviction and a sorted copy for quantiles. */
class Window {
  readonly values: number[] = [];
  readonly sorted: number[] = [];
  constructor(readonly capacity: number) {}
  push(x: number): void {
    this.values.push(x);
    insertSorted(this.sorted, x);
    if (this.values.length > this.capacity) removeSorted(this.sorted, this.values.shift()!);
  }
  get length(): number {
    return this.values.length;
  }
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function insertSorted(a: number[], x: number): void {
  a.splice(lowerBound(a, x), 0, x);
}
function removeSorted(a: number[], x: number): void {
  const i = lowerBound(a, x);
  if (a[i] === x) a.splice(i, 1);
}

/** quantile(v, p) over an already sorted array (§2.10). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pp = Number.isNaN(p) ? 0 : Math.min(1, Math.max(0, p));
  return sorted[Math.round((n - 1) * pp)];
}

export function quantile(v: readonly number[], p: number): number {
  return quantileSorted([...v].sort((a, b) => a - b), p);
}

function mean(values: readonly number[], from = 0, to = values.length): number {
  if (to <= from) return 0;
  let s = 0;
  for (let i = from; i < to; i++) s += values[i];
  return s / (to - from);
}

export interface ExtensionState {
  aSafe: number;
  aSusp: number;
  aUnsafe: number;
  logE: number;
  prevQuantile: number;
  consecutiveUnsafe: number;
  consecutiveFailures: number;
  sequence: number;
  quarantined: boolean;
  recentScores: Window;
  residuals: Window;
  timestamps: number[];
  errorFlags: boolean[];
  historyCapacity: number;
  lastAction: RiskAction | null;
  lastCapability: string | null;
  lastMethod: string | null;
  lastTargetClass: string | null;
  band: BandMachine;
  /** First seen after the rollout phase began (enforce_new). */
  newSincePhase: boolean;
}

function newState(windowSize: number, newSincePhase: boolean): ExtensionState {
  return {
    aSafe: 8.0,
    aSusp: 1.5,
    aUnsafe: 0.5,
    logE: 0,
    prevQuantile: 0,
    consecutiveUnsafe: 0,
    consecutiveFailures: 0,
    sequence: 0,
    quarantined: false,
    recentScores: new Window(windowSize),
    residuals: new Window(windowSize),
    timestamps: [],
    errorFlags: [],
    historyCapacity: Math.max(windowSize, 64),
    lastAction: null,
    lastCapability: null,
    lastMethod: null,
    lastTargetClass: null,
    band: newBandMachine(),
    newSincePhase,
  };
}

export interface ControllerOptions {
  exec?: ExecAnalyzer;
  isSecret?: SecretClassifier;
  /**
   * Elapsed-time source in milliseconds (monotonic). Simulation uses the default fake timer that
   * always reads 0, so neither the decision timeout nor the feature budget fires (§5.2).
   */
  timer?: () => number;
  /** How a prompt is answered when deciding `blocked` (INV-010: no UI → deny). */
  promptAnswer?: 'allow' | 'deny';
  /** Forces `enforced` (simulation); default: from enforce and the rollout phase (§6.1). */
  enforced?: boolean;
  /** Extensions known before the rollout phase began (enforce_new leaves them in log_only). */
  knownExtensions?: Iterable<string>;
  /** Ledger options (metrics-only mode for the calibration decision pass). */
  ledger?: { hashing?: boolean; sizeEvery?: number };
  /**
   * Compute the explanation only when a ledger entry is built (metrics-only simulation). The
   * explanation is a pure function of decision-time values, so the entry is identical.
   */
  deferExplanation?: boolean;
  /**
   * Memoise argument signals and target class by (capability, method, params_hash). Only for
   * callers that guarantee `paramsHash` is the hash of `params` (the trace parser recomputes it).
   */
  signalCache?: boolean;
}

const SIGNAL_CACHE_MAX = 8192;

const HARD_BLOCK_FLAGS: ReadonlySet<RiskFlag> = new Set(['SUSPICIOUS_EXEC', 'DCG_PATTERN_HIT', 'DCG_HEREDOC_HIT', 'SENSITIVE_PATH', 'SECRET_ENV_ACCESS']);

export class RiskController {
  readonly config: EffectiveRiskConfig;
  readonly ledger: RiskLedger;
  private readonly states = new Map<string, ExtensionState>();
  private readonly timer: () => number;
  private readonly known: ReadonlySet<string>;
  private readonly signalCache: Map<string, { delta: number; flags: RiskFlag[]; targetClass: string }> | undefined;

  constructor(config: Partial<RiskConfig> | EffectiveRiskConfig, private readonly options: ControllerOptions = {}) {
    this.config = normalizeRiskConfig(config);
    this.ledger = new RiskLedger(this.config.ledgerLimit, options.ledger);
    this.timer = options.timer ?? (() => 0);
    this.known = new Set(options.knownExtensions ?? []);
    this.signalCache = options.signalCache ? new Map() : undefined;
  }

  state(extensionId: string): ExtensionState {
    let s = this.states.get(extensionId);
    if (!s) {
      s = newState(this.config.windowSize, !this.known.has(extensionId));
      this.states.set(extensionId, s);
    }
    return s;
  }

  hasState(extensionId: string): boolean {
    return this.states.has(extensionId);
  }

  /** Operator kill (quarantine) or lift (§2.15). */
  operator(extensionId: string | null | undefined, action: 'kill' | 'lift'): void {
    const s = this.state(extensionId || UNKNOWN_EXTENSION);
    if (action === 'kill') s.quarantined = true;
    else {
      s.quarantined = false;
      s.consecutiveUnsafe = 0;
      s.band = newBandMachine();
    }
  }

  private isEnforced(s: ExtensionState): boolean {
    if (this.options.enforced !== undefined) return this.options.enforced;
    if (!this.config.enforce) return false;
    const phase = this.config.rolloutPhase;
    return phase === 'enforce_all' || (phase === 'enforce_new' && s.newSincePhase);
  }

  private alerts(s: ExtensionState, blocked: boolean, enforced: boolean): boolean {
    if (!blocked || enforced || this.options.enforced !== undefined) return false;
    const phase = this.config.rolloutPhase;
    return phase === 'log_only' || (phase === 'enforce_new' && !s.newSincePhase);
  }

  private blockedFor(action: RiskAction, cap: string, r: number, flags: readonly RiskFlag[]): boolean {
    switch (action) {
      case 'allow':
        return false;
      case 'harden':
        return isRiskDangerous(cap) && (r >= 0.82 || flags.some((f) => HARD_BLOCK_FLAGS.has(f)));
      case 'prompt':
        return (this.options.promptAnswer ?? 'deny') === 'deny';
      default:
        return true;
    }
  }

  /** Decides one call (§2.3–§2.15). Call {@link recordOutcome} afterwards. */
  decide(call: RiskCall): RiskDecision {
    const start = this.timer();
    const extensionId = call.extensionId && call.extensionId.length > 0 ? call.extensionId : UNKNOWN_EXTENSION;
    const s = this.state(extensionId);
    const cap = call.capability.trim().toLowerCase();
    const method = call.method.trim().toLowerCase();
    const alpha = this.config.alpha;
    const eThreshold = 1 / alpha;
    const enforced = this.isEnforced(s);

    if (s.quarantined) {
      const posterior = { safe_fast: 0, suspicious: 0, unsafe: 1 };
      const losses = { allow: 120, harden: 35, deny: 2, terminate: 1 };
      const triggers = ['quarantined'];
      const ex = this.explainOrDefer({ action: 'terminate', r: 1, base: 0, recentMean: 0, recentErrorRate: 0, burst1s: 0, failureStreak: 0, posterior, losses, triggers, fallbackReason: null });
      return {
        extensionId, call, quarantinePath: true, base: 0, argDelta: 0, flags: [],
        targetClass: call.argSignals?.resourceTargetClass ?? resourceTargetClass(method, call.params),
        riskScore: 1, posterior, losses, lossAction: 'terminate', bandState: s.band.state, action: 'terminate', blocked: true, enforced,
        derivedState: 'unsafe', triggers, fallbackReason: null, logE: null, e: null, eThreshold,
        conformalResidual: 1, conformalQuantile: s.prevQuantile, drift: true, hysteresisActive: false, wouldBlockAlert: this.alerts(s, true, enforced),
        explanationLevel: ex.level, explanationSummary: ex.summary, contributors: ex.contributors, explanationInput: ex.input,
      };
    }

    // §2.3 / §2.4 / §2.5
    const capScore = CAP_SCORE[cap] ?? 0.12;
    const methodBonus = method === 'exec' ? 0.1 : method === 'http' ? 0.08 : method === 'tool' ? 0.04 : 0;
    const policyBonus = call.policyReason.startsWith('prompt_user_') ? 0.15 : call.policyReason.startsWith('prompt_cache_') ? 0.08 : 0;
    const base0 = clamp01(capScore + methodBonus + policyBonus);
    let targetClass: string;
    let signals: { delta: number; flags: RiskFlag[] };
    if (call.argSignals) {
      targetClass = call.argSignals.resourceTargetClass ?? resourceTargetClass(method, call.params);
      signals = { delta: clamp(call.argSignals.delta, -0.3, 0.55), flags: orderFlags(call.argSignals.flags) };
    } else {
      const key = this.signalCache ? `${cap}\u0000${method}\u0000${call.paramsHash}` : '';
      const hit = this.signalCache?.get(key);
      if (hit) {
        targetClass = hit.targetClass;
        signals = hit;
      } else {
        targetClass = resourceTargetClass(method, call.params);
        signals = argumentSignals({ capability: cap, method, params: call.params, targetClass }, { exec: this.options.exec, isSecret: this.options.isSecret });
        if (this.signalCache) {
          if (this.signalCache.size >= SIGNAL_CACHE_MAX) this.signalCache.clear();
          this.signalCache.set(key, { ...signals, targetClass });
        }
      }
    }
    const argDelta = Number.isNaN(signals.delta) ? 0 : signals.delta;
    const flags = signals.flags;
    const base = clamp01(base0 + argDelta);
    const dangerous = isRiskDangerous(cap);

    // §2.6 features
    const now = call.tsMs;
    const recentMean = clamp01(mean(s.recentScores.values));
    let errors = 0;
    for (const f of s.errorFlags) if (f) errors++;
    const recentErrorRate = clamp01(s.errorFlags.length === 0 ? 0 : errors / s.errorFlags.length);
    let in1s = 0;
    let in10s = 0;
    for (const ts of s.timestamps) {
      const d = now - ts;
      if (d <= 1000) in1s++;
      if (d <= 10000) in10s++;
    }
    const burst1s = clamp01(in1s / 8);
    void clamp01(in10s / 24); // burst_density_10s: a feature of the record, not of the score (§2.7)
    const failureStreak = clamp01(s.consecutiveFailures / 8);
    const featureBudgetExceeded = this.timer() - start > FEATURE_BUDGET_MS;

    // §2.7 risk score
    let r = clamp01(0.5 * base + 0.3 * recentMean);
    r = clamp01(r + 0.12 * recentErrorRate + 0.08 * burst1s + 0.05 * failureStreak);
    if (dangerous && s.lastAction === 'harden') r = clamp01(r + (argDelta >= 0.18 ? 0.1 : 0.02));
    s.recentScores.push(r);

    // §2.8 posterior
    s.aSafe += Math.max(1 - r, 0.05);
    s.aSusp += Math.max(0.9 * r, 0.01);
    s.aUnsafe += Math.max((dangerous ? 0.8 : 0.35) * r, 0.01);
    const total = s.aSafe + s.aSusp + s.aUnsafe;
    const f = clamp01(s.aSafe / total);
    const sp = clamp01(s.aSusp / total);
    const u = clamp01(s.aUnsafe / total);

    // §2.9 e-process
    s.logE = eProcessStep(s.logE, r);
    const e = Math.exp(s.logE);
    const breach = e >= eThreshold;

    // §2.10 drift
    let drift = false;
    const rs = s.recentScores.values;
    if (rs.length >= Math.floor(this.config.windowSize / 2)) {
      const half = Math.floor(rs.length / 2);
      if (Math.abs(mean(rs, half, rs.length) - mean(rs, 0, half)) >= 0.22) drift = true;
    }
    const residual = Math.abs(r - recentMean);
    const q = s.residuals.length === 0 ? s.prevQuantile : quantileSorted(s.residuals.sorted, 1 - alpha);
    if (q > 0 && residual > 1.5 * q) drift = true;

    // §2.11 expected loss
    const losses: Losses = {
      allow: 120 * u + 8 * sp,
      harden: 35 * u + 3 * f + 2 * sp,
      deny: 2 * u + 20 * f + 4 * sp,
      terminate: 1 * u + 35 * f + 8 * sp,
    };
    let lossAction: RiskAction = 'allow';
    let best = losses.allow;
    for (const a of ['harden', 'deny', 'terminate'] as const) {
      if (losses[a] < best) {
        best = losses[a];
        lossAction = a;
      }
    }
    const triggers: string[] = [];
    if (breach) {
      triggers.push('e_process_breach');
      if (lossAction === 'allow') lossAction = 'harden';
    }
    if (drift) {
      triggers.push('drift_detected');
      if (lossAction === 'allow') lossAction = 'harden';
    }
    if (s.consecutiveUnsafe >= 3 && u >= 0.45) {
      lossAction = 'terminate';
      triggers.push('unsafe_streak');
    }
    const derivedState: DerivedState = u >= 0.55 ? 'unsafe' : sp >= 0.4 ? 'suspicious' : 'safe_fast';

    // §2.12 triggers
    if (featureBudgetExceeded) triggers.push('feature_budget_exceeded');
    if (burst1s >= 0.5) triggers.push('burst_rate_anomaly');
    if (recentErrorRate >= 0.4) triggers.push('high_error_rate');
    if (failureStreak >= 0.25) triggers.push('consecutive_failure_escalation');
    for (const flag of flags) triggers.push(FLAG_TRIGGER[flag]);
    if (dangerous && s.lastAction === 'harden') triggers.push('dangerous_capability_escalation');
    if (s.lastCapability !== null && s.lastCapability !== cap && dangerous && !isRiskDangerous(s.lastCapability)) {
      triggers.push('unseen_capability_transition');
    }
    if (
      dangerous &&
      (flags.includes('SENSITIVE_PATH') ||
        targetClass === 'network.public' ||
        (targetClass === 'credential.env' && flags.includes('SECRET_ENV_ACCESS')) ||
        (targetClass.startsWith('subprocess.') && flags.includes('SUSPICIOUS_EXEC')))
    ) {
      triggers.push('sensitive_target_mismatch');
    }

    // §2.13 bands
    const { hysteresisActive } = evaluateBand(s.band, r, call.policyProfile);
    let action: RiskAction = lossAction;
    if (ACTION_RANK[s.band.state] > ACTION_RANK[action]) {
      action = s.band.state;
      triggers.push('band_escalation');
    }
    if (s.band.state === 'terminate') s.quarantined = true;

    // §2.14 timeout
    let fallbackReason: string | null = null;
    if (this.timer() - start > this.config.decisionTimeoutMs) {
      fallbackReason = 'decision_timeout';
      triggers.push('decision_timeout');
      if (this.config.failClosed) {
        if (action !== 'terminate') action = 'deny';
      } else action = 'allow';
    }
    s.lastAction = action;

    const posterior = { safe_fast: f, suspicious: sp, unsafe: u };
    const ex = this.explainOrDefer({ action, r, base, recentMean, recentErrorRate, burst1s, failureStreak, posterior, losses, triggers, fallbackReason });
    return {
      extensionId, call, quarantinePath: false, base, argDelta, flags, targetClass,
      riskScore: r, posterior, losses, lossAction, bandState: s.band.state, action,
      blocked: this.blockedFor(action, cap, r, flags), enforced, derivedState, triggers, fallbackReason,
      logE: s.logE, e, eThreshold, conformalResidual: residual, conformalQuantile: q, drift, hysteresisActive,
      wouldBlockAlert: this.alerts(s, this.blockedFor(action, cap, r, flags), enforced),
      explanationLevel: ex.level, explanationSummary: ex.summary, contributors: ex.contributors, explanationInput: ex.input,
    };
  }

  private explainOrDefer(input: ExplanationInput): { level: ExplanationLevel; summary: string; contributors: Contributor[]; input?: ExplanationInput } {
    if (this.options.deferExplanation) return { level: 'compact', summary: '', contributors: [], input };
    return explain(input, this.timer);
  }

  /** Outcome recording (§2.16) and the ledger entry (§3). `errorCode` null = success. */
  recordOutcome(d: RiskDecision, errorCode: string | null, tsMs: number = d.call.tsMs): LedgerEntry {
    const outcomeResidual = this.updateOutcomeState(d, errorCode, tsMs);
    return this.appendEntry(d, errorCode, tsMs, outcomeResidual);
  }

  /**
   * Outcome recording for the metrics-only simulation: the same state update, and a ledger entry
   * only when the ledger needs one (hashing, or a size sample); returns the entry's `seq`.
   */
  recordOutcomeSeq(d: RiskDecision, errorCode: string | null, tsMs: number = d.call.tsMs): number {
    const outcomeResidual = this.updateOutcomeState(d, errorCode, tsMs);
    if (this.ledger.wantsEntry()) return this.appendEntry(d, errorCode, tsMs, outcomeResidual).seq;
    return this.ledger.skip();
  }

  private updateOutcomeState(d: RiskDecision, errorCode: string | null, tsMs: number): number {
    const s = this.state(d.extensionId);
    const cap = d.call.capability.trim().toLowerCase();
    const predicted = clamp01(d.posterior.suspicious + d.posterior.unsafe);
    const realized = errorCode !== null ? 1 : 0;
    const outcomeResidual = Math.abs(predicted - realized);
    s.residuals.push(outcomeResidual);
    s.prevQuantile = quantileSorted(s.residuals.sorted, 1 - this.config.alpha);
    if (d.posterior.unsafe >= 0.55 || d.action === 'terminate' || (errorCode === 'denied' && isRiskDangerous(cap))) {
      s.consecutiveUnsafe += 1;
    } else s.consecutiveUnsafe = 0;
    if (s.consecutiveUnsafe >= 3) s.quarantined = true;
    if (errorCode === 'denied' || errorCode === 'timeout' || errorCode === 'io') {
      s.aUnsafe += 0.9;
      s.aSusp += 0.4;
    } else if (errorCode !== null) s.aSusp += 0.35;
    else s.aSafe += 0.6;
    s.sequence += 1;
    s.timestamps.push(tsMs);
    s.errorFlags.push(errorCode !== null);
    if (s.timestamps.length > s.historyCapacity) {
      s.timestamps.shift();
      s.errorFlags.shift();
    }
    s.consecutiveFailures = errorCode !== null ? s.consecutiveFailures + 1 : 0;
    s.lastCapability = cap;
    s.lastMethod = d.call.method.trim().toLowerCase();
    s.lastTargetClass = d.targetClass;
    return outcomeResidual;
  }

  private appendEntry(d: RiskDecision, errorCode: string | null, tsMs: number, outcomeResidual: number): LedgerEntry {
    if (d.explanationInput && d.explanationSummary === '') {
      const ex = explain(d.explanationInput, this.timer);
      d.explanationLevel = ex.level;
      d.explanationSummary = ex.summary;
      d.contributors = ex.contributors;
    }
    return this.ledger.append({
      ts_ms: tsMs,
      extension_id: d.extensionId,
      call_id: d.call.callId,
      capability: d.call.capability.trim().toLowerCase(),
      method: d.call.method,
      params_hash: d.call.paramsHash,
      policy_profile: d.call.policyProfile,
      policy_reason: d.call.policyReason,
      risk_score: d.riskScore,
      posterior: d.posterior,
      expected_loss: d.losses,
      loss_action: d.lossAction,
      band_state: d.bandState,
      selected_action: d.action,
      blocked: d.blocked,
      enforced: d.enforced,
      derived_state: d.derivedState,
      triggers: d.triggers,
      fallback_reason: d.fallbackReason,
      log_e_process: d.logE,
      e_process: d.e,
      e_threshold: d.eThreshold,
      conformal_residual: d.conformalResidual,
      conformal_quantile: d.conformalQuantile,
      outcome_residual: outcomeResidual,
      drift_detected: d.drift,
      outcome_error_code: errorCode,
      explanation_level: d.explanationLevel,
      explanation_summary: d.explanationSummary,
      top_contributors: d.contributors,
    });
  }
}

const CAP_SCORE: Readonly<Record<string, number>> = {
  read: 0.06,
  write: 0.28,
  http: 0.32,
  events: 0.11,
  session: 0.18,
  ui: 0.08,
  exec: 0.48,
  env: 0.4,
  tool: 0.24,
  log: 0.12,
};

const FLAG_TRIGGER: Readonly<Record<RiskFlag, string>> = {
  SUSPICIOUS_EXEC: 'suspicious_exec_detail',
  DCG_PATTERN_HIT: 'dcg_rule_hit',
  DCG_HEREDOC_HIT: 'dcg_heredoc_hit',
  SENSITIVE_PATH: 'sensitive_path_target',
  PUBLIC_NETWORK: 'public_network_target',
  SECRET_ENV_ACCESS: 'secret_env_access',
};
