/**
 * What the scanner asks of the policy evaluator (policy.md) to produce POL-* findings. The scanner
 * depends only on this interface; `shared/policy` implements it for an effective policy.
 */
export type CapabilityDecisionKind = 'allow' | 'deny' | 'prompt';

export interface CapabilityDecision {
  decision: CapabilityDecisionKind;
  /** Reason code, e.g. `deny_caps`, `extension_allow`, `prompt_required`. */
  reason: string;
  /** Precedence layer 1..5 and its name (policy.md §4). */
  layer: number;
  layerName: string;
}

export interface PolicySummary {
  profile: string;
  /** Config layer that set the profile: cli, env, project, global, default. */
  profileSource: string;
  allowDangerous: boolean;
}

/** A command as the scanner knows it statically (scanner.md §8.4); unknown pieces are null. */
export interface StaticCommand {
  mode: 'argv' | 'shell';
  command: string | null;
  args: (string | null)[];
}

export interface ExecClassHit {
  name: string;
  tier: 'low' | 'medium' | 'high' | 'critical';
}

export interface ExecVerdict {
  classes: ExecClassHit[];
  decision: 'allow' | 'deny';
  audited: boolean;
  threshold: string;
  /** Set when a deny pattern decided. */
  denyPattern?: string;
}

export interface SecretClassification {
  secret: boolean;
  match?: 'allowlist' | 'exact' | 'suffix' | 'prefix';
  pattern?: string;
  placeholder: string;
}

export interface PolicyOracle {
  summary: PolicySummary;
  decide(capability: string, extensionId: string | null): CapabilityDecision;
  classifyExec(command: StaticCommand): ExecVerdict;
  classifyEnvName(name: string): SecretClassification;
  /** Redacts a command preview (policy.md §9.3). */
  redactPreview(text: string): string;
}
