/**
 * The 24 security compatibility checks (dashboards.md §2.2) and the dashboard they produce (§2.3).
 * The policy evaluator is reached through `CompatPolicyPort`, so this module knows nothing about
 * configuration files; `compatPolicy.ts` wires the port to `shared/policy`.
 */
import {
  COMPAT_PROFILES,
  COMPAT_SCHEMA_ID,
  type CompatCheck,
  type CompatConfigSource,
  type CompatDashboard,
  type CompatDecision,
  type CompatProfile,
  type PerProfileRate,
} from './compatSchema';
import { compareWithBaseline, type BaselineState } from './baseline';
import { passRatePct } from './rates';

export const BENIGN_TEST_EXT = 'benign-test-ext';
/** The override injected in both modes; it replaces any configured entry for the id (§2.1). */
export const BENIGN_OVERRIDE = { [BENIGN_TEST_EXT]: { allow: ['read', 'write', 'http'] as string[] } };
export const DEFAULT_COMPAT_BEAD = 'bd-1a2cu';

export type CheckKind = 'benign_access' | 'dangerous_denied' | 'ext_override_benign' | 'ext_override_no_escalation';

export interface CompatCheckDef {
  name: string;
  profile: CompatProfile;
  capability: string;
  extensionId: string | null;
  kind: CheckKind;
  expected: CompatDecision;
}

const KINDS: readonly { kind: CheckKind; caps: readonly string[]; ext: string | null; expected: CompatDecision }[] = [
  { kind: 'benign_access', caps: ['read', 'write', 'http', 'events', 'session'], ext: null, expected: 'Allow' },
  { kind: 'dangerous_denied', caps: ['exec', 'env'], ext: null, expected: 'Deny' },
  { kind: 'ext_override_benign', caps: ['read', 'write', 'http'], ext: BENIGN_TEST_EXT, expected: 'Allow' },
  { kind: 'ext_override_no_escalation', caps: ['exec', 'env'], ext: BENIGN_TEST_EXT, expected: 'Deny' },
];

/** The 24 checks in their defined order: safe first, then standard; 12 per profile. */
export const COMPAT_CHECKS: readonly CompatCheckDef[] = COMPAT_PROFILES.flatMap((profile) =>
  KINDS.flatMap(({ kind, caps, ext, expected }) =>
    caps.map((capability) => ({ name: `${profile}:${capability}:${kind}`, profile, capability, extensionId: ext, kind, expected })),
  ),
);

/** What the compatibility checks need from the policy evaluator (policy.md §4). */
export interface CompatDecisionResult {
  decision: 'allow' | 'deny' | 'prompt';
  reason: string;
  layer: number;
}
export type CompatEvaluator = (capability: string, extensionId: string | null) => CompatDecisionResult;

export interface CompatPolicyPort {
  mode: 'configured' | 'presets';
  /** Config files consulted (empty for presets), `[{layer, path, exists}]`. */
  configSources: CompatConfigSource[];
  /** An evaluator with the profile forced to `profile` and `BENIGN_OVERRIDE` injected. */
  evaluatorFor(profile: CompatProfile): CompatEvaluator;
  /** Problems with the configuration (e.g. a config file that makes the policy fail closed). */
  notices?: string[];
}

const DECISION_NAMES: Record<CompatDecisionResult['decision'], CompatDecision> = { allow: 'Allow', deny: 'Deny', prompt: 'Prompt' };

function decisionName(d: string): CompatDecision {
  return DECISION_NAMES[d as CompatDecisionResult['decision']] ?? 'Deny';
}

export function runCheck(def: CompatCheckDef, evaluate: CompatEvaluator): CompatCheck {
  const result = evaluate(def.capability, def.extensionId);
  const actual = decisionName(result.decision);
  const passed = actual === def.expected || (def.kind === 'benign_access' && def.profile === 'standard' && actual === 'Prompt');
  let detail: string | null = null;
  if (!passed) {
    if (def.kind === 'ext_override_no_escalation') {
      detail = `SECURITY: dangerous capability allowed via extension override (reason=${result.reason}, layer=${result.layer})`;
    } else if (def.kind === 'dangerous_denied') {
      detail = `SECURITY: dangerous capability not denied (decision=${actual}, reason=${result.reason}, layer=${result.layer})`;
    } else {
      detail = `reason=${result.reason} layer=${result.layer}`;
    }
  }
  return {
    name: def.name,
    profile: def.profile,
    capability: def.capability,
    extension_id: def.extensionId,
    expected_decision: def.expected,
    actual_decision: actual,
    actual_reason: result.reason,
    actual_layer: result.layer,
    passed,
    detail,
  };
}

export function runChecks(port: CompatPolicyPort): CompatCheck[] {
  const evaluators = new Map<CompatProfile, CompatEvaluator>();
  return COMPAT_CHECKS.map((def) => {
    let ev = evaluators.get(def.profile);
    if (!ev) {
      ev = port.evaluatorFor(def.profile);
      evaluators.set(def.profile, ev);
    }
    return runCheck(def, ev);
  });
}

export function perProfileRates(checks: readonly CompatCheck[], profiles: readonly string[] = COMPAT_PROFILES): PerProfileRate[] {
  return profiles.map((profile) => {
    const mine = checks.filter((c) => c.profile === profile);
    const passed = mine.filter((c) => c.passed).length;
    return { profile, total_checks: mine.length, passed, failed: mine.length - passed, pass_rate_pct: passRatePct(passed, mine.length) };
  });
}

export interface CompatBuildOptions {
  port: CompatPolicyPort;
  generatedAt: string;
  bead?: string;
  baseline: BaselineState;
}

/** Builds the dashboard object with keys in the order of §2.3. */
export function buildCompatDashboard(opts: CompatBuildOptions): CompatDashboard {
  const checks = runChecks(opts.port);
  return assembleCompatDashboard({
    checks,
    generatedAt: opts.generatedAt,
    bead: opts.bead ?? DEFAULT_COMPAT_BEAD,
    mode: opts.port.mode,
    configSources: opts.port.mode === 'presets' ? [] : opts.port.configSources,
    baseline: opts.baseline,
  });
}

export function assembleCompatDashboard(args: {
  checks: CompatCheck[];
  generatedAt: string;
  bead: string;
  mode: 'configured' | 'presets';
  configSources: CompatConfigSource[];
  baseline: BaselineState;
}): CompatDashboard {
  const { checks } = args;
  const totalPassed = checks.filter((c) => c.passed).length;
  const perProfile = perProfileRates(checks);
  const cmp = compareWithBaseline(checks, perProfile, args.baseline);
  return {
    schema: COMPAT_SCHEMA_ID,
    generated_at: args.generatedAt,
    bead: args.bead,
    mode: args.mode,
    config_sources: args.configSources.map((s) => ({ layer: s.layer, path: s.path, exists: s.exists })),
    profiles_tested: [...COMPAT_PROFILES],
    total_checks: checks.length,
    total_passed: totalPassed,
    total_failed: checks.length - totalPassed,
    overall_pass_rate_pct: passRatePct(totalPassed, checks.length),
    per_profile: perProfile,
    checks,
    baseline: cmp.baseline,
    regressions: cmp.regressions,
    rate_regressions: cmp.rate_regressions,
    improvements: cmp.improvements,
    new_checks: cmp.new_checks,
    regression_detected: cmp.regression_detected,
  };
}

/** One line of `security_compat_events.jsonl` (dashboards.md §2.6). */
export interface CompatEvent {
  schema: 'pi.security.compat_event.v1';
  name: string;
  profile: string;
  capability: string;
  expected: string;
  actual: string;
  passed: boolean;
  ts: string;
}

/** The events file: one JSON line per check, in check order, all with `ts` = `generated_at`. */
export function compatEventsJsonl(dashboard: CompatDashboard): string {
  return dashboard.checks
    .map((c) => {
      const e: CompatEvent = {
        schema: 'pi.security.compat_event.v1',
        name: c.name,
        profile: c.profile,
        capability: c.capability,
        expected: c.expected_decision,
        actual: c.actual_decision,
        passed: c.passed,
        ts: dashboard.generated_at,
      };
      return JSON.stringify(e);
    })
    .join('\n') + '\n';
}
