/**
 * Simulation of the controller over parsed traces (risk.md §5.2): policy mode, fake clock in the
 * decision pass, shadow or simulated enforcement outcomes, optional high-resolution timing.
 */
import type { EffectiveRiskConfig } from './config';
import type { ExecAnalyzer } from './exec';
import { RiskController } from './controller';
import type { SecretClassifier } from './signals';
import type { ParsedTrace } from './trace';
import type { PolicyProfile, RiskAction } from './types';
import { ACTION_RANK } from './types';

export type PolicyMode = 'permissive' | 'effective';

/** The workspace's effective policy per extension (policy.md §4), injected for `--policy effective`. */
export type PolicyResolver = (capability: string, extensionId: string) => { decision: 'allow' | 'prompt' | 'deny'; reason: string; profile: PolicyProfile };

export interface SimulationOptions {
  policyMode: PolicyMode;
  policy?: PolicyResolver;
  promptAnswer: 'allow' | 'deny';
  simulateEnforcement: boolean;
  exec?: ExecAnalyzer;
  isSecret?: SecretClassifier;
}

/**
 * In the metrics-only decision pass the canonical entry size (for `ledger_bytes_estimate`) is
 * measured on every 4th entry: a deterministic sample that keeps the pass fast.
 */
export const METRICS_SIZE_EVERY = 4;

const DENY_REASONS = new Set(['empty_capability', 'extension_deny', 'deny_caps', 'not_in_default_caps', 'prompt_user_deny', 'prompt_cache_deny']);

/** One evaluated call of one extension, in trace order. */
export interface CallRecord {
  ext: number;
  adversarial: boolean;
  action: RiskAction;
  blocked: boolean;
  flagged: boolean;
  detected: boolean;
  r: number;
  seq: number;
  /** 0-based index among the extension's evaluated calls. */
  evalIndex: number;
}

export interface ExtensionInfo {
  id: string;
  /** Any call (evaluated or not) labelled adversarial. */
  adversarial: boolean;
  quarantinedAtSeq: number | null;
}

export interface TraceSimulation {
  records: CallRecord[];
  extensions: ExtensionInfo[];
  policyDenied: number;
  controller: RiskController;
  /** Per evaluated call, when timed: decision latency (ms) and outcome+append latency (ms). */
  decisionMs?: Float64Array;
  appendMs?: Float64Array;
}

/** flagged / detected of §5.3 from a decision. */
export function flaggedOf(action: RiskAction, blocked: boolean): boolean {
  return ACTION_RANK[action] >= ACTION_RANK.prompt || (action === 'harden' && blocked);
}
export function detectedOf(action: RiskAction, blocked: boolean): boolean {
  return action === 'deny' || action === 'terminate' || (action === 'harden' && blocked);
}

export interface SimulationHooks {
  /** High-resolution clock (ms) for the latency pass; never influences decisions. */
  hrtime?: () => number;
  /** Metrics-only ledger (no hashes, no retained entries); golden fixtures need the full ledger. */
  metricsOnly?: boolean;
}

/** Incremental simulation of one trace: `step(n)` evaluates up to n events (for progress and cancellation). */
export class TraceRunner {
  private readonly controller: RiskController;
  private readonly extIndex = new Map<string, number>();
  private readonly extensions: ExtensionInfo[] = [];
  private readonly evalCount: number[] = [];
  private readonly records: CallRecord[] = [];
  private readonly decisionMs?: Float64Array;
  private readonly appendMs?: Float64Array;
  private policyDenied = 0;
  private pos = 0;

  constructor(private readonly trace: ParsedTrace, config: EffectiveRiskConfig, private readonly opts: SimulationOptions, private readonly hooks: SimulationHooks = {}) {
    this.controller = new RiskController(config, { exec: opts.exec, isSecret: opts.isSecret, promptAnswer: opts.promptAnswer, enforced: opts.simulateEnforcement, ledger: hooks.metricsOnly ? { hashing: false, sizeEvery: METRICS_SIZE_EVERY } : undefined, deferExplanation: hooks.metricsOnly === true, signalCache: true });
    if (hooks.hrtime) {
      this.decisionMs = new Float64Array(trace.calls);
      this.appendMs = new Float64Array(trace.calls);
    }
  }

  get done(): boolean {
    return this.pos >= this.trace.events.length;
  }

  private extOf(id: string): number {
    let i = this.extIndex.get(id);
    if (i === undefined) {
      i = this.extensions.length;
      this.extIndex.set(id, i);
      this.extensions.push({ id, adversarial: false, quarantinedAtSeq: null });
      this.evalCount.push(0);
    }
    return i;
  }

  /** Processes up to `max` events; returns the number of events processed. */
  step(max: number): number {
    const { controller, opts, records } = this;
    const events = this.trace.events;
    const hr = this.hooks.hrtime;
    const metricsOnly = this.hooks.metricsOnly === true;
    const end = Math.min(events.length, this.pos + max);
    const start = this.pos;
    for (; this.pos < end; this.pos++) {
      const ev = events[this.pos];
      if (ev.kind === 'operator') {
        controller.operator(ev.extensionId, ev.action);
        continue;
      }
      const ei = this.extOf(ev.extensionId);
      const adversarial = ev.label === 'adversarial';
      if (adversarial) this.extensions[ei].adversarial = true;
      let reason: string;
      let profile: PolicyProfile = 'permissive';
      if (opts.policyMode === 'effective') {
        if (!opts.policy) throw new Error('--policy effective needs the effective policy');
        const p = opts.policy(ev.capability, ev.extensionId);
        profile = p.profile;
        if (ev.policyReason === undefined) {
          if (p.decision === 'deny') {
            this.policyDenied++;
            continue;
          }
          if (p.decision === 'prompt') {
            if (opts.promptAnswer === 'deny') {
              this.policyDenied++;
              continue;
            }
            reason = 'prompt_user_allow';
          } else reason = p.reason;
        } else reason = ev.policyReason;
      } else reason = ev.policyReason ?? 'permissive';
      if (DENY_REASONS.has(reason)) {
        this.policyDenied++;
        continue;
      }
      const call = {
        extensionId: ev.extensionId,
        callId: ev.callId,
        capability: ev.capability,
        method: ev.method,
        params: ev.params,
        paramsHash: ev.paramsHash,
        timeoutMs: ev.timeoutMs,
        policyReason: reason,
        policyProfile: profile,
        argSignals: ev.argSignals,
        tsMs: ev.tsMs,
      };
      const t0 = hr ? hr() : 0;
      const d = controller.decide(call);
      const t1 = hr ? hr() : 0;
      const outcome = opts.simulateEnforcement && d.blocked ? 'denied' : ev.outcome;
      const seq = metricsOnly ? controller.recordOutcomeSeq(d, outcome, ev.tsMs) : controller.recordOutcome(d, outcome, ev.tsMs).seq;
      if (hr) {
        const t2 = hr();
        this.decisionMs![records.length] = t1 - t0;
        this.appendMs![records.length] = t2 - t1;
      }
      const info = this.extensions[ei];
      if (info.quarantinedAtSeq === null && controller.state(d.extensionId).quarantined) info.quarantinedAtSeq = seq;
      records.push({
        ext: ei,
        adversarial,
        action: d.action,
        blocked: d.blocked,
        flagged: flaggedOf(d.action, d.blocked),
        detected: detectedOf(d.action, d.blocked),
        r: d.riskScore,
        seq,
        evalIndex: this.evalCount[ei]++,
      });
    }
    return this.pos - start;
  }

  result(): TraceSimulation {
    return {
      records: this.records,
      extensions: this.extensions,
      policyDenied: this.policyDenied,
      controller: this.controller,
      decisionMs: this.decisionMs?.subarray(0, this.records.length),
      appendMs: this.appendMs?.subarray(0, this.records.length),
    };
  }
}

export function simulateTrace(trace: ParsedTrace, config: EffectiveRiskConfig, opts: SimulationOptions, hooks: SimulationHooks = {}): TraceSimulation {
  const runner = new TraceRunner(trace, config, opts, hooks);
  runner.step(Number.MAX_SAFE_INTEGER);
  return runner.result();
}
