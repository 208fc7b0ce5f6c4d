/** The resolved (effective) policy: what the evaluator, exec mediation and the secret broker use. */
import type { Mode, ProfileName, Quota, QuotaKey, Tier } from './profiles';

/** A configuration layer (policy.md §6.1); not a precedence layer. */
export type ConfigLayer = 'cli' | 'env' | 'project' | 'global' | 'config_path' | 'default';

export interface Sourced<T> {
  value: T;
  source: ConfigLayer;
  sourceDetail: string | null;
}

export interface PerExtensionOverride {
  /** Trimmed and lowercased at load time. */
  allow: string[];
  deny: string[];
  mode: Mode | null;
  quota: Partial<Quota>;
  /** field (`allow`, `deny`, `mode`, `quota.maxSubprocesses`) → config layers that set it. */
  sources: Record<string, string>;
}

export interface DangerousOptInAudit {
  kind: 'allow_dangerous' | 'profile';
  source: ConfigLayer;
  sourceDetail: string | null;
  profile: ProfileName;
  capabilitiesUnblocked: string[];
}

export interface ExecMediationSettings {
  enabled: boolean;
  denyThreshold: Tier;
  auditAllClassified: boolean;
  denyPatterns: string[];
  allowPatterns: string[];
  sources: Record<string, string>;
}

export interface SecretBrokerSettings {
  enabled: boolean;
  redactionPlaceholder: string;
  replaceDefaults: boolean;
  secretExact: string[];
  secretSuffixes: string[];
  secretPrefixes: string[];
  disclosureAllowlist: string[];
  sources: Record<string, string>;
}

export type RolloutPhase = 'shadow' | 'log_only' | 'enforce_new' | 'enforce_all';

export interface RollbackTrigger {
  maxFalsePositiveRate: number;
  maxErrorRate: number;
  windowSize: number;
  maxLatencyMs: number;
}

export interface ExtensionRiskSettings {
  enabled: boolean;
  enforce: boolean;
  alpha: number;
  windowSize: number;
  ledgerLimit: number;
  decisionTimeoutMs: number;
  failClosed: boolean;
  rolloutPhase: RolloutPhase;
  rollbackTrigger: RollbackTrigger;
  /** field → config layer (`default`, `derived` for a derived rollout phase). */
  sources: Record<string, string>;
}

export interface ConfigSourceInfo {
  layer: ConfigLayer;
  path: string;
  exists: boolean;
  format: 'json' | 'toml';
  error?: string;
}

export interface PolicyWarning {
  code: string;
  message: string;
}

export interface EffectivePolicy {
  profile: {
    requested: string | null;
    effective: ProfileName;
    source: ConfigLayer;
    sourceDetail: string | null;
    fallback: boolean;
  };
  /** Profile mode. */
  mode: Mode;
  allowDangerous: Sourced<boolean>;
  /** After allowDangerous; canonical order. */
  defaultCaps: string[];
  denyCaps: string[];
  perExtension: Map<string, PerExtensionOverride>;
  audit: DangerousOptInAudit[];
  execMediation: ExecMediationSettings;
  secretBroker: SecretBrokerSettings;
  extensionRisk: ExtensionRiskSettings;
  configSources: ConfigSourceInfo[];
  warnings: PolicyWarning[];
  /** True when a config file could not be parsed and the policy failed closed (§6.1). */
  failedClosed: boolean;
  /** Fast lookup structures for evaluate(). */
  readonly index: PolicyIndex;
}

export interface PolicyIndex {
  defaults: ReadonlySet<string>;
  deny: ReadonlySet<string>;
  overrides: ReadonlyMap<string, { allow: ReadonlySet<string>; deny: ReadonlySet<string>; mode: Mode | null }>;
}

export function buildIndex(defaultCaps: string[], denyCaps: string[], perExtension: Map<string, PerExtensionOverride>): PolicyIndex {
  const overrides = new Map<string, { allow: ReadonlySet<string>; deny: ReadonlySet<string>; mode: Mode | null }>();
  for (const [id, ov] of perExtension) overrides.set(id, { allow: new Set(ov.allow), deny: new Set(ov.deny), mode: ov.mode });
  return { defaults: new Set(defaultCaps), deny: new Set(denyCaps), overrides };
}

export type { Quota, QuotaKey };
