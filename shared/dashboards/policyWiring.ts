/**
 * Wiring of the dashboards to the policy evaluator (`shared/policy`): the compatibility checks'
 * port (dashboards.md §2.1), the scanner's policy oracle and SLO-07 coverage (§6).
 */
import {
  buildIndex,
  createPolicyOracle,
  createSecretBroker,
  evaluate,
  presetPolicy,
  resolvePolicy,
  secretsCoverage,
  type CliPolicyOptions,
  type EffectivePolicy,
  type EvaluablePolicy,
  type PerExtensionOverride,
  type Resolution,
} from '../policy';
import type { EnvMap } from '../common/env';
import type { PolicyOracle } from '../scanner/policyOracle';
import { BENIGN_OVERRIDE, BENIGN_TEST_EXT, type CompatEvaluator, type CompatPolicyPort } from './compat';
import type { CompatConfigSource, CompatProfile } from './compatSchema';
import type { SecretsCoverage } from './slo';

export interface PolicyIntegration {
  compatPolicy(presetsOnly: boolean): CompatPolicyPort;
  /** The workspace's effective policy for the scanner summary (env and overrides honoured). */
  oracle(): PolicyOracle | undefined;
  secretsCoverage(): SecretsCoverage | null;
}

export interface PolicyWiringOptions {
  workspace: string;
  /** `--global-dir` / `piSecurity.policy.globalConfigDir`; null = the default `~/.pi/agent`. */
  globalDir?: string | null;
  homeDir: string;
  /** Environment of the effective policy (scanner summary, SLO-07); the compatibility checks ignore it. */
  env: EnvMap;
  /** CLI-layer options of the effective policy (the editor's what-if settings); never used by the compatibility checks. */
  cli?: CliPolicyOptions;
  /** Injected file reader (tests); defaults to the file system. */
  readFile?: (absPath: string) => string | null;
}

/** The policy with `perExtension["benign-test-ext"]` replaced by the injected override (§2.1). */
export function withBenignOverride(policy: EffectivePolicy): EvaluablePolicy {
  const per = new Map<string, PerExtensionOverride>(policy.perExtension);
  per.set(BENIGN_TEST_EXT, { allow: [...BENIGN_OVERRIDE[BENIGN_TEST_EXT].allow], deny: [], mode: null, quota: {}, sources: { allow: 'dashboard' } });
  return { mode: policy.mode, index: buildIndex(policy.defaultCaps, policy.denyCaps, per) };
}

function evaluatorOf(policy: EvaluablePolicy): CompatEvaluator {
  return (capability, extensionId) => {
    const ev = evaluate(policy, capability, extensionId);
    return { decision: ev.decision, reason: ev.reason, layer: ev.layer };
  };
}

const LAYER_RANK: Record<string, number> = { cli: 0, env: 1, config_path: 2, project: 3, global: 4, default: 5 };

/**
 * The configured policy for the compatibility checks: project and global layers only (every PI_*
 * variable and every CLI or editor override ignored, so CI is reproducible), profile forced.
 */
export function configuredCompatResolution(opts: PolicyWiringOptions, profile: CompatProfile): Resolution {
  return resolvePolicy({
    env: {},
    projectDir: opts.workspace,
    globalDir: opts.globalDir ?? null,
    homeDir: opts.homeDir,
    cwd: opts.workspace,
    cli: { profile, profileDetail: 'pi-sec dashboard compat (forced profile)' },
    readFile: opts.readFile,
  });
}

export function compatPolicyPort(opts: PolicyWiringOptions, presetsOnly: boolean): CompatPolicyPort {
  if (presetsOnly) {
    return { mode: 'presets', configSources: [], evaluatorFor: (profile) => evaluatorOf(withBenignOverride(presetPolicy(profile))) };
  }
  const cache = new Map<CompatProfile, Resolution>();
  const resolution = (profile: CompatProfile): Resolution => {
    let r = cache.get(profile);
    if (!r) {
      r = configuredCompatResolution(opts, profile);
      cache.set(profile, r);
    }
    return r;
  };
  const files = resolution('safe').files;
  const configSources: CompatConfigSource[] = [...files]
    .sort((a, b) => (LAYER_RANK[a.layer] ?? 9) - (LAYER_RANK[b.layer] ?? 9))
    .map((f) => ({ layer: f.layer, path: f.path, exists: f.exists }));
  const notices = files
    .filter((f) => f.exists && (f.error !== undefined || f.loaded === null || f.loaded.syntaxError !== null))
    .map((f) => `Policy config ${f.path} cannot be read (${f.error ?? f.loaded?.syntaxError?.message ?? 'syntax error'}); the policy fails closed to the safe profile`);
  return { mode: 'configured', configSources, notices, evaluatorFor: (profile) => evaluatorOf(withBenignOverride(resolution(profile).policy)) };
}

export function policyIntegration(opts: PolicyWiringOptions): PolicyIntegration {
  let effective: EffectivePolicy | undefined;
  const policy = (): EffectivePolicy => {
    effective ??= resolvePolicy({
      env: opts.env,
      projectDir: opts.workspace,
      globalDir: opts.globalDir ?? null,
      homeDir: opts.homeDir,
      cwd: opts.workspace,
      cli: opts.cli,
      readFile: opts.readFile,
    }).policy;
    return effective;
  };
  return {
    compatPolicy: (presetsOnly) => compatPolicyPort(opts, presetsOnly),
    oracle: () => createPolicyOracle(policy()),
    secretsCoverage: () => {
      const r = secretsCoverage(createSecretBroker(policy().secretBroker));
      return { covered: r.covered, total: r.total, coverage_pct: r.coverage_pct };
    },
  };
}
