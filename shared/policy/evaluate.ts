/** The 5-layer precedence chain (policy.md §4, INV-001). */
import { asciiLower } from './capabilities';
import type { EffectivePolicy, PolicyIndex } from './effective';
import type { Mode } from './profiles';

export type Decision = 'allow' | 'prompt' | 'deny';
export type ReasonCode =
  | 'empty_capability'
  | 'extension_deny'
  | 'deny_caps'
  | 'extension_allow'
  | 'default_caps'
  | 'not_in_default_caps'
  | 'prompt_required'
  | 'permissive';
export type LayerName = 'input' | 'extension_deny' | 'deny_caps' | 'extension_allow' | 'default_caps' | 'mode_fallback';

export interface CapabilityEvaluation {
  capability: string;
  decision: Decision;
  reason: ReasonCode;
  layer: 0 | 1 | 2 | 3 | 4 | 5;
  layerName: LayerName;
}

export const LAYER_NAMES: readonly LayerName[] = ['input', 'extension_deny', 'deny_caps', 'extension_allow', 'default_caps', 'mode_fallback'];

/** The minimal view of a policy the chain needs; `EffectivePolicy` satisfies it. */
export interface EvaluablePolicy {
  mode: Mode;
  index: PolicyIndex;
}

/**
 * Decides a capability for an optional extension id. The override is looked up by exact,
 * case-sensitive id; without an id no override applies.
 */
export function evaluate(policy: EvaluablePolicy, capability: string, extensionId?: string | null): CapabilityEvaluation {
  const cap = normalizeFast(capability);
  if (cap === '') return { capability: cap, decision: 'deny', reason: 'empty_capability', layer: 0, layerName: 'input' };
  const ov = extensionId === undefined || extensionId === null ? undefined : policy.index.overrides.get(extensionId);
  if (ov !== undefined && ov.deny.has(cap)) return { capability: cap, decision: 'deny', reason: 'extension_deny', layer: 1, layerName: 'extension_deny' };
  if (policy.index.deny.has(cap)) return { capability: cap, decision: 'deny', reason: 'deny_caps', layer: 2, layerName: 'deny_caps' };
  if (ov !== undefined && ov.allow.has(cap)) return { capability: cap, decision: 'allow', reason: 'extension_allow', layer: 3, layerName: 'extension_allow' };
  if (policy.index.defaults.has(cap)) return { capability: cap, decision: 'allow', reason: 'default_caps', layer: 4, layerName: 'default_caps' };
  const mode = ov?.mode ?? policy.mode;
  if (mode === 'strict') return { capability: cap, decision: 'deny', reason: 'not_in_default_caps', layer: 5, layerName: 'mode_fallback' };
  if (mode === 'prompt') return { capability: cap, decision: 'prompt', reason: 'prompt_required', layer: 5, layerName: 'mode_fallback' };
  return { capability: cap, decision: 'allow', reason: 'permissive', layer: 5, layerName: 'mode_fallback' };
}

/** The mode that applies to one extension, and where it comes from. */
export function modeFor(policy: EffectivePolicy, extensionId?: string | null): { value: Mode; source: 'profile' | 'per_extension' } {
  const ov = extensionId ? policy.perExtension.get(extensionId) : undefined;
  if (ov?.mode) return { value: ov.mode, source: 'per_extension' };
  return { value: policy.mode, source: 'profile' };
}

function normalizeFast(s: string): string {
  // Fast path: already-normalised lowercase tokens need no work.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || (c >= 65 && c <= 90) || c > 126) return asciiLower(s.trim());
  }
  return s;
}

/**
 * Runtime meaning of prompt (INV-010): without a UI or a running prompt manager a prompt is denied.
 * A policy deny is final (INV-009): the risk controller never runs on it.
 */
export function runtimeOutcome(
  evaluation: CapabilityEvaluation,
  context: { uiAvailable: boolean; promptAnswer?: 'allow' | 'deny' },
): { allowed: boolean; reachesRiskController: boolean; reason: string } {
  if (evaluation.decision === 'deny') return { allowed: false, reachesRiskController: false, reason: evaluation.reason };
  if (evaluation.decision === 'allow') return { allowed: true, reachesRiskController: true, reason: evaluation.reason };
  if (!context.uiAvailable || context.promptAnswer === undefined) return { allowed: false, reachesRiskController: false, reason: 'prompt_no_ui' };
  return context.promptAnswer === 'allow'
    ? { allowed: true, reachesRiskController: true, reason: 'prompt_user_allow' }
    : { allowed: false, reachesRiskController: false, reason: 'prompt_user_deny' };
}
