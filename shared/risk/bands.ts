/** Enforcement state machine: score bands with hysteresis (risk.md §2.13). */
import type { PolicyProfile, RiskAction } from './types';
import { ACTION_RANK, ACTIONS } from './types';

export const BAND_THRESHOLDS: Readonly<Record<PolicyProfile, Readonly<Record<'harden' | 'prompt' | 'deny' | 'terminate', number>>>> = {
  safe: { harden: 0.3, prompt: 0.5, deny: 0.65, terminate: 0.8 },
  standard: { harden: 0.4, prompt: 0.6, deny: 0.75, terminate: 0.9 },
  permissive: { harden: 0.55, prompt: 0.7, deny: 0.85, terminate: 0.95 },
};

export const BAND_MARGIN = 0.1;
export const BAND_COOLDOWN_CALLS = 3;

export interface BandMachine {
  state: RiskAction;
  cooldown: number;
}

export function newBandMachine(): BandMachine {
  return { state: 'allow', cooldown: 0 };
}

/** The highest band whose entry threshold ≤ r, else allow. */
export function classifyBand(r: number, profile: PolicyProfile): RiskAction {
  const t = BAND_THRESHOLDS[profile];
  if (r >= t.terminate) return 'terminate';
  if (r >= t.deny) return 'deny';
  if (r >= t.prompt) return 'prompt';
  if (r >= t.harden) return 'harden';
  return 'allow';
}

function entry(state: RiskAction, profile: PolicyProfile): number {
  return state === 'allow' ? 0 : BAND_THRESHOLDS[profile][state];
}

/** Advances the machine with score r; returns whether the hold (hysteresis) was active. */
export function evaluateBand(m: BandMachine, r: number, profile: PolicyProfile): { hysteresisActive: boolean } {
  if (m.state === 'terminate') return { hysteresisActive: false };
  const raw = classifyBand(r, profile);
  if (ACTION_RANK[raw] > ACTION_RANK[m.state]) {
    m.state = raw;
    m.cooldown = 0;
    return { hysteresisActive: false };
  }
  if (raw === m.state) {
    m.cooldown = 0;
    return { hysteresisActive: false };
  }
  if (r < entry(m.state, profile) - BAND_MARGIN) {
    m.cooldown += 1;
    if (m.cooldown >= BAND_COOLDOWN_CALLS) {
      m.state = ACTIONS[ACTION_RANK[m.state] - 1];
      m.cooldown = 0;
    }
    return { hysteresisActive: false };
  }
  m.cooldown = 0;
  return { hysteresisActive: true };
}
