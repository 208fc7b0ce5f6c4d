/** Rollout phases and the rollback trigger (risk.md §6). */
import type { RollbackTriggerConfig } from './config';
import { phaseEnforces, RISK_DEFAULTS } from './config';
import type { RolloutPhase } from './types';
import { ROLLOUT_PHASES } from './types';

export interface RolloutSample {
  latency_ms: number;
  was_error: boolean;
  was_false_positive: boolean;
}

export const MIN_SAMPLES = 10;

export interface RollbackVerdict {
  fired: boolean;
  reason: string | null;
}

/** The next phase (one at a time), or null at enforce_all. */
export function nextPhase(phase: RolloutPhase): RolloutPhase | null {
  const i = ROLLOUT_PHASES.indexOf(phase);
  return i < ROLLOUT_PHASES.length - 1 ? ROLLOUT_PHASES[i + 1] : null;
}

export const PROMOTION_CRITERIA: Readonly<Record<Exclude<RolloutPhase, 'enforce_all'>, string>> = {
  shadow: 'at least one week of clean telemetry and at least 100 decisions',
  log_only: 'false-positive rate below 5 % for at least two weeks',
  enforce_new: 'no rollback trigger for at least one week',
};

/** A rolling window of samples and the rollback check (§6.2). */
export class RollbackMonitor {
  private readonly samples: RolloutSample[] = [];
  private fp = 0;
  private errors = 0;
  private latency = 0;
  phase: RolloutPhase;
  enforce: boolean;
  rolledBackFrom: RolloutPhase | null = null;

  constructor(private readonly trigger: RollbackTriggerConfig = RISK_DEFAULTS.rollbackTrigger, phase: RolloutPhase = 'enforce_all') {
    this.phase = phase;
    this.enforce = phaseEnforces(phase);
  }

  /** Adds a sample and evaluates the trigger; a firing rollback moves the phase to shadow. */
  add(sample: RolloutSample): RollbackVerdict {
    this.samples.push(sample);
    if (sample.was_false_positive) this.fp++;
    if (sample.was_error) this.errors++;
    this.latency += sample.latency_ms;
    if (this.samples.length > this.trigger.windowSize) {
      const old = this.samples.shift()!;
      if (old.was_false_positive) this.fp--;
      if (old.was_error) this.errors--;
      this.latency -= old.latency_ms;
    }
    const verdict = this.evaluate();
    if (verdict.fired) {
      this.rolledBackFrom = this.phase;
      this.phase = 'shadow';
      this.enforce = false;
    }
    return verdict;
  }

  evaluate(): RollbackVerdict {
    if (!phaseEnforces(this.phase)) return { fired: false, reason: null };
    const n = this.samples.length;
    if (n < MIN_SAMPLES) return { fired: false, reason: null };
    const t = this.trigger;
    if (this.fp / n > t.maxFalsePositiveRate) return { fired: true, reason: `false-positive rate ${(this.fp / n).toFixed(3)} > ${t.maxFalsePositiveRate}` };
    if (this.errors / n > t.maxErrorRate) return { fired: true, reason: `error rate ${(this.errors / n).toFixed(3)} > ${t.maxErrorRate}` };
    if (this.latency / n > t.maxLatencyMs) return { fired: true, reason: `mean latency ${(this.latency / n).toFixed(3)} ms > ${t.maxLatencyMs} ms` };
    return { fired: false, reason: null };
  }
}
