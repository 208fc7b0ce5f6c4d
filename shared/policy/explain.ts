/** Explain the effective policy (policy.md §10): `pi.policy.explain.v1` and its human form. */
import { z } from 'zod';
import { CAPABILITIES, isDangerous } from './capabilities';
import type { EffectivePolicy } from './effective';
import { evaluate, modeFor, type CapabilityEvaluation } from './evaluate';
import { PROFILE_ALIASES, QUOTA_DEFAULTS } from './profiles';
import { effectiveQuota } from './resolve';

const layerEnum = z.enum(['cli', 'env', 'project', 'global', 'config_path', 'default']);
const decisionEnum = z.enum(['allow', 'prompt', 'deny']);
const nullableNumber = z.number().nullable();

export const auditEntrySchema = z.object({
  kind: z.enum(['allow_dangerous', 'profile']),
  source: layerEnum,
  source_detail: z.string().nullable(),
  profile: z.enum(['safe', 'standard', 'permissive']),
  capabilities_unblocked: z.array(z.string()),
});

export const capabilityExplainSchema = z.object({
  capability: z.string(),
  decision: decisionEnum,
  reason: z.string(),
  layer: z.number().int().min(0).max(5),
  layer_name: z.string(),
  dangerous: z.boolean(),
  detail: z.string(),
  note: z.string().optional(),
  remediation: z.object({ to_allow: z.array(z.string()), to_restrict: z.array(z.string()), recommendation: z.string() }),
});

const quotaOut = z.object({
  maxHostcallsPerSecond: nullableNumber,
  maxHostcallsPerMinute: nullableNumber,
  maxHostcallsTotal: nullableNumber,
  maxSubprocesses: nullableNumber,
  maxWriteBytes: nullableNumber,
  maxHttpRequests: nullableNumber,
});

export const policyExplainSchema = z.object({
  schema: z.literal('pi.policy.explain.v1'),
  extension_id: z.string().nullable(),
  profile: z.object({
    requested: z.string().nullable(),
    effective: z.enum(['safe', 'standard', 'permissive']),
    source: layerEnum,
    source_detail: z.string().nullable(),
    aliases: z.record(z.string(), z.string()),
    fallback: z.boolean(),
  }),
  mode: z.object({ value: z.enum(['strict', 'prompt', 'permissive']), source: z.enum(['profile', 'per_extension']) }),
  allow_dangerous: z.object({ value: z.boolean(), source: layerEnum, source_detail: z.string().nullable() }),
  dangerous_opt_in_audit: z.array(auditEntrySchema),
  default_caps: z.array(z.string()),
  deny_caps: z.array(z.string()),
  per_extension_override: z
    .object({
      allow: z.array(z.string()),
      deny: z.array(z.string()),
      mode: z.enum(['strict', 'prompt', 'permissive']).nullable(),
      quota: z.record(z.string(), z.number()),
      sources: z.record(z.string(), z.string()),
    })
    .nullable(),
  capabilities: z.array(capabilityExplainSchema).length(10),
  dangerous: z.object({ allowed: z.array(z.string()), prompted: z.array(z.string()), denied: z.array(z.string()) }),
  quota: quotaOut,
  exec_mediation: z.object({
    enabled: z.boolean(),
    deny_threshold: z.enum(['low', 'medium', 'high', 'critical']),
    audit_all_classified: z.boolean(),
    deny_patterns: z.array(z.string()),
    allow_patterns: z.array(z.string()),
    sources: z.record(z.string(), z.string()),
  }),
  secret_broker: z.object({
    enabled: z.boolean(),
    redaction_placeholder: z.string(),
    replace_defaults: z.boolean(),
    secret_exact: z.array(z.string()),
    secret_suffixes: z.array(z.string()),
    secret_prefixes: z.array(z.string()),
    disclosure_allowlist: z.array(z.string()),
    sources: z.record(z.string(), z.string()),
  }),
  extension_risk: z.object({
    enabled: z.boolean(),
    enforce: z.boolean(),
    alpha: z.number(),
    window_size: z.number(),
    ledger_limit: z.number(),
    decision_timeout_ms: z.number(),
    fail_closed: z.boolean(),
    rollout_phase: z.enum(['shadow', 'log_only', 'enforce_new', 'enforce_all']),
    rollback_trigger: z.object({ max_false_positive_rate: z.number(), max_error_rate: z.number(), window_size: z.number(), max_latency_ms: z.number() }),
    sources: z.record(z.string(), z.string()),
  }),
  config_sources: z.array(z.object({ layer: layerEnum, path: z.string(), exists: z.boolean(), format: z.enum(['json', 'toml']), error: z.string().optional() })),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export type PolicyExplain = z.infer<typeof policyExplainSchema>;
export type CapabilityExplain = z.infer<typeof capabilityExplainSchema>;

export const DETAIL_TEXT: Readonly<Record<string, string>> = {
  extension_deny: 'Denied by an extension-specific rule.',
  deny_caps: 'Denied by the global deny list.',
  extension_allow: 'Allowed by an extension-specific rule.',
  default_caps: 'Allowed by the profile defaults.',
  not_in_default_caps: 'Not in the profile defaults; strict mode denies it.',
  prompt_required: 'Not in the profile defaults; the host will prompt (denied when no UI is available).',
  permissive: 'Allowed because permissive mode allows everything not denied.',
  empty_capability: 'Invalid request: empty capability.',
};

export const NO_EFFECT_NOTE =
  'allowDangerous has no effect here: strict mode denies capabilities outside the defaults. Add a per-extension allow.';

/** Remediation texts (§10.1), rows matched top to bottom. */
export function remediationFor(
  ev: CapabilityEvaluation,
  extensionId: string | null,
  effectiveProfile: string,
): CapabilityExplain['remediation'] {
  const cap = ev.capability;
  const id = extensionId;
  const dangerous = isDangerous(cap);
  const keep = (items: (string | null)[]): string[] => items.filter((s): s is string => s !== null);
  const ext = (text: string): string | null => (id === null ? null : text);
  let toAllow: string[] = [];
  let recommendation: string;
  if (ev.decision === 'deny' && ev.layer === 1) {
    toAllow = keep([ext(`remove "${cap}" from perExtension.${id}.deny`)]);
    recommendation = 'Denied by an extension-specific rule; remove that rule only if the extension needs it';
  } else if (dangerous && ev.decision === 'deny') {
    toAllow = keep([ext(`perExtension.${id}.allow += ["${cap}"] with allowDangerous: true`), 'profile standard + allowDangerous (all extensions)']);
    recommendation = 'Prefer a per-extension allow with allowDangerous over a broader profile';
  } else if (dangerous && ev.decision === 'prompt') {
    toAllow = keep(['approve the runtime prompt', ext(`perExtension.${id}.allow += ["${cap}"]`)]);
    recommendation = 'Keep approvals in the loop; add a per-extension allow only for audited extensions';
  } else if (ev.decision === 'deny') {
    toAllow = keep([ext(`perExtension.${id}.allow += ["${cap}"]`), 'profile standard']);
    recommendation = 'A per-extension allow is narrower than changing the profile';
  } else if (ev.decision === 'prompt') {
    toAllow = keep(['approve the runtime prompt', ext(`perExtension.${id}.allow += ["${cap}"]`)]);
    recommendation = 'Prompt mode keeps explicit approval with least privilege';
  } else {
    recommendation = 'Already allowed; keep it only if the extension needs it';
  }
  let toRestrict: string[];
  if (ev.decision === 'deny') toRestrict = [];
  else if (id !== null) toRestrict = [`perExtension.${id}.deny += ["${cap}"]`];
  else toRestrict = effectiveProfile === 'safe' ? [] : ['profile safe'];
  return { to_allow: toAllow, to_restrict: toRestrict, recommendation };
}

export function explainCapability(policy: EffectivePolicy, cap: string, extensionId: string | null): CapabilityExplain {
  const ev = evaluate(policy, cap, extensionId);
  const out: CapabilityExplain = {
    capability: ev.capability,
    decision: ev.decision,
    reason: ev.reason,
    layer: ev.layer,
    layer_name: ev.layerName,
    dangerous: isDangerous(ev.capability),
    detail: DETAIL_TEXT[ev.reason],
    remediation: remediationFor(ev, extensionId, policy.profile.effective),
  };
  if (policy.allowDangerous.value && isDangerous(ev.capability) && ev.decision === 'deny' && ev.layer === 5) out.note = NO_EFFECT_NOTE;
  return out;
}

export function explainPolicy(policy: EffectivePolicy, extensionId: string | null): PolicyExplain {
  const id = extensionId === null || extensionId === '' ? null : extensionId;
  const capabilities = CAPABILITIES.map((c) => explainCapability(policy, c, id));
  const dangerous = { allowed: [] as string[], prompted: [] as string[], denied: [] as string[] };
  for (const c of capabilities) {
    if (!c.dangerous) continue;
    (c.decision === 'allow' ? dangerous.allowed : c.decision === 'prompt' ? dangerous.prompted : dangerous.denied).push(c.capability);
  }
  const ov = id === null ? undefined : policy.perExtension.get(id);
  const mode = modeFor(policy, id);
  const quota = effectiveQuota(QUOTA_DEFAULTS[mode.value], ov?.quota);
  const em = policy.execMediation;
  const sb = policy.secretBroker;
  const r = policy.extensionRisk;
  const riskSources: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.sources)) riskSources[snake(k)] = v;
  return {
    schema: 'pi.policy.explain.v1',
    extension_id: id,
    profile: {
      requested: policy.profile.requested,
      effective: policy.profile.effective,
      source: policy.profile.source,
      source_detail: policy.profile.sourceDetail,
      aliases: { ...PROFILE_ALIASES },
      fallback: policy.profile.fallback,
    },
    mode,
    allow_dangerous: { value: policy.allowDangerous.value, source: policy.allowDangerous.source, source_detail: policy.allowDangerous.sourceDetail },
    dangerous_opt_in_audit: policy.audit.map((a) => ({
      kind: a.kind,
      source: a.source,
      source_detail: a.sourceDetail,
      profile: a.profile,
      capabilities_unblocked: [...a.capabilitiesUnblocked],
    })),
    default_caps: [...policy.defaultCaps],
    deny_caps: [...policy.denyCaps],
    per_extension_override: ov
      ? { allow: [...ov.allow], deny: [...ov.deny], mode: ov.mode, quota: { ...ov.quota } as Record<string, number>, sources: { ...ov.sources } }
      : null,
    capabilities,
    dangerous,
    quota,
    exec_mediation: {
      enabled: em.enabled,
      deny_threshold: em.denyThreshold,
      audit_all_classified: em.auditAllClassified,
      deny_patterns: [...em.denyPatterns],
      allow_patterns: [...em.allowPatterns],
      sources: snakeKeys(em.sources),
    },
    secret_broker: {
      enabled: sb.enabled,
      redaction_placeholder: sb.redactionPlaceholder,
      replace_defaults: sb.replaceDefaults,
      secret_exact: [...sb.secretExact],
      secret_suffixes: [...sb.secretSuffixes],
      secret_prefixes: [...sb.secretPrefixes],
      disclosure_allowlist: [...sb.disclosureAllowlist],
      sources: snakeKeys(sb.sources),
    },
    extension_risk: {
      enabled: r.enabled,
      enforce: r.enforce,
      alpha: r.alpha,
      window_size: r.windowSize,
      ledger_limit: r.ledgerLimit,
      decision_timeout_ms: r.decisionTimeoutMs,
      fail_closed: r.failClosed,
      rollout_phase: r.rolloutPhase,
      rollback_trigger: {
        max_false_positive_rate: r.rollbackTrigger.maxFalsePositiveRate,
        max_error_rate: r.rollbackTrigger.maxErrorRate,
        window_size: r.rollbackTrigger.windowSize,
        max_latency_ms: r.rollbackTrigger.maxLatencyMs,
      },
      sources: riskSources,
    },
    config_sources: policy.configSources.map((s) => ({ ...s })),
    warnings: policy.warnings.map((w) => ({ ...w })),
  };
}

function snake(k: string): string {
  return k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function snakeKeys(rec: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec)) out[snake(k)] = v;
  return out;
}

function sourceText(source: string, detail: string | null): string {
  if (source === 'cli' && detail !== null && detail.startsWith('piSecurity.')) return `cli (editor) ${detail}`;
  return detail ? `${source} (${detail})` : source;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The human format: header, capability table, exec mediation, secret broker, risk, warnings. */
export function formatExplainHuman(e: PolicyExplain): string {
  const lines: string[] = [];
  lines.push(`Extension:      ${e.extension_id ?? '(no extension)'}`);
  const req = e.profile.requested === null || e.profile.requested === e.profile.effective ? '' : ` (requested ${JSON.stringify(e.profile.requested)})`;
  lines.push(`Profile:        ${e.profile.effective}${req} from ${sourceText(e.profile.source, e.profile.source_detail)}${e.profile.fallback ? ' [fallback to safe]' : ''}`);
  lines.push(`Aliases:        ${Object.entries(e.profile.aliases).map(([a, b]) => `${a} → ${b}`).join(', ')}`);
  lines.push(`Mode:           ${e.mode.value} (from ${e.mode.source === 'profile' ? 'the profile' : 'the per-extension override'})`);
  lines.push(`allowDangerous: ${e.allow_dangerous.value} from ${sourceText(e.allow_dangerous.source, e.allow_dangerous.source_detail)}`);
  if (e.dangerous_opt_in_audit.length === 0) lines.push('Dangerous opt-in audit: none');
  else {
    lines.push('Dangerous opt-in audit:');
    for (const a of e.dangerous_opt_in_audit) {
      lines.push(`  - ${a.kind} from ${sourceText(a.source, a.source_detail)}, profile ${a.profile}, unblocked: ${a.capabilities_unblocked.join(', ') || '(none)'}`);
    }
  }
  lines.push(`Default caps:   ${e.default_caps.join(', ') || '(none)'}`);
  lines.push(`Deny caps:      ${e.deny_caps.join(', ') || '(none)'}`);
  if (e.per_extension_override) {
    const o = e.per_extension_override;
    lines.push(`Override:       allow [${o.allow.join(', ')}], deny [${o.deny.join(', ')}], mode ${o.mode ?? '(profile)'}`);
  }
  lines.push('');
  lines.push(`${pad('Capability', 11)} ${pad('Decision', 9)} ${pad('Reason', 20)} Layer`);
  for (const c of e.capabilities) {
    lines.push(`${pad(c.capability, 11)} ${pad(c.decision, 9)} ${pad(c.reason, 20)} ${c.layer} ${c.layer_name}${c.dangerous ? '  (dangerous)' : ''}`);
    if (c.note) lines.push(`  note: ${c.note}`);
  }
  lines.push('');
  lines.push(`Dangerous:      allowed [${e.dangerous.allowed.join(', ')}], prompted [${e.dangerous.prompted.join(', ')}], denied [${e.dangerous.denied.join(', ')}]`);
  const q = e.quota;
  const fmt = (v: number | null): string => (v === null ? 'unlimited' : String(v));
  lines.push(`Quota:          ${fmt(q.maxHostcallsPerSecond)}/s, ${fmt(q.maxHostcallsPerMinute)}/min, total ${fmt(q.maxHostcallsTotal)}, subprocesses ${fmt(q.maxSubprocesses)}, write bytes ${fmt(q.maxWriteBytes)}, HTTP ${fmt(q.maxHttpRequests)} (informational)`);
  lines.push('');
  const em = e.exec_mediation;
  lines.push(`Exec mediation: ${em.enabled ? 'enabled' : 'disabled'}, threshold ${em.deny_threshold}, audit ${em.audit_all_classified ? 'on' : 'off'}`);
  lines.push(`  deny patterns:  ${em.deny_patterns.length ? em.deny_patterns.map((p) => JSON.stringify(p)).join(', ') : '(none)'}`);
  lines.push(`  allow patterns: ${em.allow_patterns.length ? em.allow_patterns.map((p) => JSON.stringify(p)).join(', ') : '(none)'}`);
  const sb = e.secret_broker;
  lines.push(`Secret broker:  ${sb.enabled ? 'enabled' : 'disabled'}, placeholder ${sb.redaction_placeholder}${sb.replace_defaults ? ', defaults replaced' : ''}`);
  lines.push(`  exact: ${sb.secret_exact.length} names, suffixes: ${sb.secret_suffixes.join(' ')}, prefixes: ${sb.secret_prefixes.join(' ')}`);
  lines.push(`  disclosure allowlist: ${sb.disclosure_allowlist.join(', ') || '(none)'}`);
  const r = e.extension_risk;
  const src = (k: string): string => r.sources[k] ?? 'default';
  lines.push(
    `Risk:           enabled ${r.enabled} (${src('enabled')}), enforce ${r.enforce} (${src('enforce')}), alpha ${r.alpha} (${src('alpha')}), windowSize ${r.window_size} (${src('window_size')}), ledgerLimit ${r.ledger_limit} (${src('ledger_limit')}), decisionTimeoutMs ${r.decision_timeout_ms} (${src('decision_timeout_ms')}), failClosed ${r.fail_closed} (${src('fail_closed')}), rollout ${r.rollout_phase} (${src('rollout_phase')})`,
  );
  lines.push('');
  lines.push('Config sources:');
  for (const s of e.config_sources) lines.push(`  ${pad(s.layer, 11)} ${s.path} (${s.format}${s.exists ? '' : ', missing'}${s.error ? `, error: ${s.error}` : ''})`);
  if (e.warnings.length > 0) {
    lines.push('Warnings:');
    for (const w of e.warnings) lines.push(`  ${w.code} ${w.message}`);
  }
  return lines.join('\n') + '\n';
}
