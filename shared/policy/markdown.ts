/** Read-only Markdown views for the editor commands (Show Effective Policy, Classify Command, Classify Env Var Name). */
import type { ClassifyCommandResult } from './classifyCommand';
import type { PolicyExplain } from './explain';
import type { SecretClassificationResult } from './secrets';

function esc(s: string): string {
  return s.replace(/[\\`*_[\]|<>]/g, (c) => `\\${c}`);
}

function src(source: string, detail: string | null): string {
  if (source === 'cli' && detail?.startsWith('piSecurity.')) return `cli (editor) \`${detail}\``;
  return detail ? `${source} (\`${detail}\`)` : source;
}

export function formatExplainMarkdown(e: PolicyExplain): string {
  const out: string[] = [];
  out.push(`# Effective policy: ${e.extension_id === null ? '(no extension)' : esc(e.extension_id)}`, '');
  const requested = e.profile.requested !== null && e.profile.requested !== e.profile.effective ? ` (requested \`${JSON.stringify(e.profile.requested)}\`)` : '';
  out.push(`- **Profile:** \`${e.profile.effective}\`${requested} from ${src(e.profile.source, e.profile.source_detail)}${e.profile.fallback ? ' — **fallback to safe** (fail closed)' : ''}`);
  out.push(`- **Mode:** \`${e.mode.value}\` (from ${e.mode.source === 'profile' ? 'the profile' : 'the per-extension override'})`);
  out.push(`- **allowDangerous:** \`${e.allow_dangerous.value}\` from ${src(e.allow_dangerous.source, e.allow_dangerous.source_detail)}`);
  if (e.dangerous_opt_in_audit.length === 0) out.push('- **Dangerous opt-in audit:** none');
  else {
    out.push('- **Dangerous opt-in audit:**');
    for (const a of e.dangerous_opt_in_audit) out.push(`  - \`${a.kind}\` from ${src(a.source, a.source_detail)}, profile \`${a.profile}\`, unblocked: ${a.capabilities_unblocked.map((c) => `\`${c}\``).join(', ') || 'none'}`);
  }
  out.push(`- **Default caps:** ${e.default_caps.map((c) => `\`${c}\``).join(', ') || 'none'} · **Deny caps:** ${e.deny_caps.map((c) => `\`${c}\``).join(', ') || 'none'}`);
  if (e.per_extension_override) {
    const o = e.per_extension_override;
    out.push(`- **Override:** allow [${o.allow.join(', ')}], deny [${o.deny.join(', ')}], mode ${o.mode ?? '(profile)'}`);
  }
  out.push('', '| Capability | Decision | Reason | Layer | Detail |', '|---|---|---|---|---|');
  for (const c of e.capabilities) {
    const detail = esc(c.detail) + (c.note ? `<br>*${esc(c.note)}*` : '') + (c.remediation.to_allow.length ? `<br>To allow: ${c.remediation.to_allow.map(esc).join('; ')}` : '');
    out.push(`| \`${c.capability}\`${c.dangerous ? ' ⚠' : ''} | **${c.decision}** | \`${c.reason}\` | ${c.layer} ${c.layer_name} | ${detail} |`);
  }
  out.push('', `**Dangerous:** allowed [${e.dangerous.allowed.join(', ')}], prompted [${e.dangerous.prompted.join(', ')}], denied [${e.dangerous.denied.join(', ')}]`);
  const em = e.exec_mediation;
  out.push('', '## Exec mediation', '', `${em.enabled ? 'Enabled' : 'Disabled'}, threshold \`${em.deny_threshold}\`, audit ${em.audit_all_classified ? 'on' : 'off'}.`);
  out.push(`- Deny patterns: ${em.deny_patterns.map((p) => `\`${p}\``).join(', ') || 'none'}`, `- Allow patterns: ${em.allow_patterns.map((p) => `\`${p}\``).join(', ') || 'none'}`);
  const sb = e.secret_broker;
  out.push('', '## Secret broker', '', `${sb.enabled ? 'Enabled' : 'Disabled'}, placeholder \`${sb.redaction_placeholder}\`${sb.replace_defaults ? ', defaults replaced' : ''}.`);
  out.push(`- Exact: ${sb.secret_exact.length} names · Suffixes: ${sb.secret_suffixes.map((s) => `\`${s}\``).join(' ')} · Prefixes: ${sb.secret_prefixes.map((s) => `\`${s}\``).join(' ')}`);
  out.push(`- Disclosure allowlist: ${sb.disclosure_allowlist.map((s) => `\`${s}\``).join(', ') || 'none'}`);
  const r = e.extension_risk;
  const rs = (k: string): string => r.sources[k] ?? 'default';
  out.push('', '## Risk controller', '', '| Setting | Value | Source |', '|---|---|---|');
  for (const [k, v] of [['enabled', r.enabled], ['enforce', r.enforce], ['alpha', r.alpha], ['window_size', r.window_size], ['ledger_limit', r.ledger_limit], ['decision_timeout_ms', r.decision_timeout_ms], ['fail_closed', r.fail_closed], ['rollout_phase', r.rollout_phase]] as const) {
    out.push(`| ${k} | \`${String(v)}\` | ${rs(k)} |`);
  }
  out.push('', '## Config sources', '');
  for (const s of e.config_sources) out.push(`- \`${s.layer}\` ${esc(s.path)} (${s.format}${s.exists ? '' : ', missing'}${s.error ? `, **error:** ${esc(s.error)}` : ''})`);
  if (e.warnings.length > 0) {
    out.push('', '## Warnings', '');
    for (const w of e.warnings) out.push(`- \`${w.code}\` ${esc(w.message)}`);
  }
  return out.join('\n') + '\n';
}

export function formatClassifyMarkdown(r: ClassifyCommandResult): string {
  const out = [`# Exec mediation: \`${r.command.replace(/`/g, "'")}\``, '', `Mode: ${r.mode}. Classes: ${r.classes.length ? r.classes.map((c) => `\`${c.name}\` (${c.tier})`).join(', ') : 'none'}.`, ''];
  out.push('| Profile | Decision | Reason | Threshold |', '|---|---|---|---|');
  for (const p of r.profiles) out.push(`| ${p.profile}${p.profile === r.effective_profile ? ' (effective)' : ''} | **${p.decision}** | ${esc(p.reason)} | ${p.threshold} |`);
  return out.join('\n') + '\n';
}

export function formatEnvNamesMarkdown(results: readonly SecretClassificationResult[], placeholder: string): string {
  const out = ['# Secret broker classification', '', '| Name | Secret | Match | Pattern |', '|---|---|---|---|'];
  for (const r of results) out.push(`| \`${r.name}\` | ${r.secret ? `**yes** → \`${placeholder}\`` : 'no'} | ${r.match} | ${r.pattern === null ? '—' : `\`${r.pattern}\``} |`);
  return out.join('\n') + '\n';
}
