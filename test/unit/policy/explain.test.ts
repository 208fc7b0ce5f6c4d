import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainPolicy, formatExplainHuman, NO_EFFECT_NOTE, policyExplainSchema, type PolicyExplain } from '../../../shared/policy/explain';
import { presetPolicy } from '../../../shared/policy/resolve';
import { PROJECT_JSON, resolveWith, WORKED_FILES } from './helpers';

const ENV = { PI_EXTENSION_POLICY: ' Balanced ' };
const ID = 'acme-git-helper';

function table(e: PolicyExplain): string[] {
  return e.capabilities.map((c) => `${c.capability} ${c.decision} ${c.reason} ${c.layer}`);
}

describe('explain worked example (policy.md §10.2)', () => {
  const e = explainPolicy(resolveWith(WORKED_FILES, ENV).policy, ID);
  it('validates against pi.policy.explain.v1', () => assert.doesNotThrow(() => policyExplainSchema.parse(e)));
  it('profile: " Balanced " → standard from env, mode prompt from the profile', () => {
    assert.deepEqual(e.profile, { requested: ' Balanced ', effective: 'standard', source: 'env', source_detail: 'PI_EXTENSION_POLICY', aliases: { balanced: 'standard' }, fallback: false });
    assert.deepEqual(e.mode, { value: 'prompt', source: 'profile' });
  });
  it('allowDangerous from the project with its audit entry; deny list empty', () => {
    assert.deepEqual(e.allow_dangerous, { value: true, source: 'project', source_detail: '.pi/settings.json' });
    assert.deepEqual(e.dangerous_opt_in_audit, [{ kind: 'allow_dangerous', source: 'project', source_detail: '.pi/settings.json', profile: 'standard', capabilities_unblocked: ['exec', 'env'] }]);
    assert.deepEqual([e.default_caps, e.deny_caps], [['read', 'write', 'http', 'events', 'session'], []]);
  });
  it('the capability table', () => {
    assert.deepEqual(table(e), [
      'read allow default_caps 4', 'write allow default_caps 4', 'http deny extension_deny 1', 'events allow default_caps 4', 'session allow default_caps 4',
      'ui allow extension_allow 3', 'exec allow extension_allow 3', 'env prompt prompt_required 5', 'tool prompt prompt_required 5', 'log prompt prompt_required 5',
    ]);
    assert.deepEqual(e.dangerous, { allowed: ['exec'], prompted: ['env'], denied: [] });
  });
  it('the abridged JSON entries for http and exec match exactly', () => {
    assert.deepEqual(e.capabilities.find((c) => c.capability === 'http'), {
      capability: 'http', decision: 'deny', reason: 'extension_deny', layer: 1, layer_name: 'extension_deny', dangerous: false,
      detail: 'Denied by an extension-specific rule.',
      remediation: { to_allow: ['remove "http" from perExtension.acme-git-helper.deny'], to_restrict: [], recommendation: 'Denied by an extension-specific rule; remove that rule only if the extension needs it' },
    });
    assert.deepEqual(e.capabilities.find((c) => c.capability === 'exec'), {
      capability: 'exec', decision: 'allow', reason: 'extension_allow', layer: 3, layer_name: 'extension_allow', dangerous: true,
      detail: 'Allowed by an extension-specific rule.',
      remediation: { to_allow: [], to_restrict: ['perExtension.acme-git-helper.deny += ["exec"]'], recommendation: 'Already allowed; keep it only if the extension needs it' },
    });
  });
  it('exec mediation, secret broker and risk settings', () => {
    assert.deepEqual(e.exec_mediation, {
      enabled: true, deny_threshold: 'critical', audit_all_classified: true, deny_patterns: ['git push --force'], allow_patterns: ['rm -rf ./node_modules'],
      sources: { enabled: 'default', deny_threshold: 'default', audit_all_classified: 'default', deny_patterns: 'project', allow_patterns: 'project' },
    });
    assert.equal(e.secret_broker.enabled, true);
    assert.deepEqual(e.secret_broker.disclosure_allowlist, ['TURBO_CACHE_KEY']);
    assert.equal(e.secret_broker.secret_exact.length, 22);
    const r = e.extension_risk;
    assert.deepEqual([r.enabled, r.enforce, r.alpha, r.window_size, r.ledger_limit, r.decision_timeout_ms, r.fail_closed, r.rollout_phase], [true, false, 0.005, 128, 2048, 50, true, 'shadow']);
    assert.deepEqual([r.sources.enabled, r.sources.enforce, r.sources.alpha, r.sources.window_size, r.sources.rollout_phase], ['global', 'global', 'project', 'default', 'derived']);
  });
  it('variation: --allow-dangerous=false → exec and env deny at layer 2, audit empty', () => {
    const v = explainPolicy(resolveWith(WORKED_FILES, ENV, { allowDangerous: false }).policy, ID);
    assert.deepEqual(v.deny_caps, ['exec', 'env']);
    assert.deepEqual(table(v).filter((r) => /^(exec|env) /.test(r)), ['exec deny deny_caps 2', 'env deny deny_caps 2']);
    assert.deepEqual(v.dangerous_opt_in_audit, []);
  });
  it('variation: PI_EXTENSION_POLICY unset → safe from global, strict; env with the "no effect" note', () => {
    const v = explainPolicy(resolveWith(WORKED_FILES, {}).policy, ID);
    assert.deepEqual([v.profile.effective, v.profile.source, v.mode.value], ['safe', 'global', 'strict']);
    const get = (c: string) => v.capabilities.find((x) => x.capability === c)!;
    assert.deepEqual([get('exec').decision, get('exec').layer, get('ui').decision, get('ui').layer], ['allow', 3, 'allow', 3]);
    assert.deepEqual([get('env').decision, get('env').reason, get('env').layer, get('env').note], ['deny', 'not_in_default_caps', 5, NO_EFFECT_NOTE]);
    assert.deepEqual([get('tool').decision, get('tool').layer, get('log').decision, get('log').layer], ['deny', 5, 'deny', 5]);
    assert.equal(get('exec').note, undefined);
  });
  it('variation: --extension-id other-ext → http allow/4, ui/exec/env prompt/5', () => {
    const v = explainPolicy(resolveWith(WORKED_FILES, ENV).policy, 'other-ext');
    assert.deepEqual(table(v).filter((r) => /^(http|ui|exec|env) /.test(r)), ['http allow default_caps 4', 'ui prompt prompt_required 5', 'exec prompt prompt_required 5', 'env prompt prompt_required 5']);
    assert.equal(v.per_extension_override, null);
  });
  it('variation: PI_EXTENSION_POLICY=paranoid → safe, fallback, CFG-004', () => {
    const v = explainPolicy(resolveWith(WORKED_FILES, { PI_EXTENSION_POLICY: 'paranoid' }).policy, ID);
    assert.deepEqual([v.profile.effective, v.profile.fallback], ['safe', true]);
    assert.ok(v.warnings.some((w) => w.code === 'CFG-004' && w.message === 'Unknown profile "paranoid"; the safe profile is used'));
  });
});

describe('remediation templates (policy.md §10.1)', () => {
  const rem = (profile: 'safe' | 'standard' | 'permissive', cap: string, id: string | null) =>
    explainPolicy(presetPolicy(profile), id).capabilities.find((c) => c.capability === cap)!.remediation;
  it('dangerous deny', () => {
    assert.deepEqual(rem('safe', 'exec', 'x'), {
      to_allow: ['perExtension.x.allow += ["exec"] with allowDangerous: true', 'profile standard + allowDangerous (all extensions)'],
      to_restrict: [], recommendation: 'Prefer a per-extension allow with allowDangerous over a broader profile',
    });
  });
  it('dangerous prompt', () => {
    const p = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"profile":"standard","allowDangerous":true}}' }).policy;
    const r = explainPolicy(p, 'x').capabilities.find((c) => c.capability === 'env')!.remediation;
    assert.deepEqual(r, { to_allow: ['approve the runtime prompt', 'perExtension.x.allow += ["env"]'], to_restrict: ['perExtension.x.deny += ["env"]'], recommendation: 'Keep approvals in the loop; add a per-extension allow only for audited extensions' });
  });
  it('not dangerous deny and prompt', () => {
    assert.deepEqual(rem('safe', 'ui', 'x'), { to_allow: ['perExtension.x.allow += ["ui"]', 'profile standard'], to_restrict: [], recommendation: 'A per-extension allow is narrower than changing the profile' });
    assert.deepEqual(rem('standard', 'log', 'x'), { to_allow: ['approve the runtime prompt', 'perExtension.x.allow += ["log"]'], to_restrict: ['perExtension.x.deny += ["log"]'], recommendation: 'Prompt mode keeps explicit approval with least privilege' });
  });
  it('without an id every perExtension suggestion is omitted; to_restrict is profile safe unless already safe', () => {
    assert.deepEqual(rem('safe', 'ui', null).to_allow, ['profile standard']);
    assert.deepEqual(rem('standard', 'read', null), { to_allow: [], to_restrict: ['profile safe'], recommendation: 'Already allowed; keep it only if the extension needs it' });
    assert.deepEqual(rem('safe', 'read', null).to_restrict, []);
  });
  it('every capability entry has its detail text', () => {
    const e = explainPolicy(presetPolicy('permissive'), null);
    assert.equal(e.capabilities[0].detail, 'Allowed because permissive mode allows everything not denied.');
    assert.equal(explainPolicy(presetPolicy('safe'), null).capabilities[5].detail, 'Not in the profile defaults; strict mode denies it.');
    assert.equal(explainPolicy(presetPolicy('standard'), null).capabilities[5].detail, 'Not in the profile defaults; the host will prompt (denied when no UI is available).');
  });
});

describe('explain human format', () => {
  it('prints the header, the capability table, mediation, broker, risk and warnings', () => {
    const text = formatExplainHuman(explainPolicy(resolveWith(WORKED_FILES, { PI_EXTENSION_POLICY: ' Balanced ' }).policy, ID));
    assert.match(text, /^Extension: +acme-git-helper$/m);
    assert.match(text, /^Profile: +standard \(requested " Balanced "\) from env \(PI_EXTENSION_POLICY\)$/m);
    assert.match(text, /allow_dangerous from project \(\.pi\/settings\.json\), profile standard, unblocked: exec, env/);
    assert.match(text, /^http +deny +extension_deny +1 extension_deny$/m);
    assert.match(text, /^Exec mediation: enabled, threshold critical, audit on$/m);
    assert.match(text, /disclosure allowlist: TURBO_CACHE_KEY/);
    assert.match(text, /alpha 0\.005 \(project\)/);
  });
  it('prints "cli (editor)" for the editor override', () => {
    const p = resolveWith({}, {}, { profile: 'standard', profileDetail: 'piSecurity.policy.profileOverride' }).policy;
    assert.match(formatExplainHuman(explainPolicy(p, null)), /from cli \(editor\) piSecurity\.policy\.profileOverride/);
  });
});
