import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfigText, type ConfigDiagnostic, type ConfigFormat } from '../../../shared/policy/config/load';
import { evaluate } from '../../../shared/policy/evaluate';
import { resolvePolicy } from '../../../shared/policy/resolve';
import { GLOBAL_JSON, GLOBAL_TOML, PROJECT_JSON, PROJECT_TOML, resolveWith } from './helpers';

function diags(text: string, format: ConfigFormat): ConfigDiagnostic[] {
  return loadConfigText(text, format).diagnostics;
}
function one(text: string, format: ConfigFormat, code: string): ConfigDiagnostic & { at: string } {
  const found = diags(text, format).filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(diags(text, format))}`);
  return { ...found[0], at: text.slice(found[0].span.start, found[0].span.end) };
}
function applyFix(text: string, d: ConfigDiagnostic): string {
  assert.ok(d.fix, 'expected a quick fix');
  let out = text;
  for (const e of [...d.fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('CFG-001 syntax errors fail closed (policy.md §6.1)', () => {
  it('JSON: one error at the parser position', () => {
    const text = '{\n  "extensionPolicy": {\n    "profile": "permissive",\n  }\n}';
    const all = diags(text, 'json');
    assert.equal(all.length, 1);
    assert.equal(all[0].code, 'CFG-001');
    assert.equal(all[0].severity, 'error');
    assert.match(all[0].message, /^Syntax error: .+; the policy fails closed to the safe profile$/);
    assert.equal(text.slice(all[0].span.start, all[0].span.end), '}');
  });
  it('TOML: one error at the parser position', () => {
    const text = '[extension_policy]\nprofile = "standard"\nallow_dangerous = tru\n';
    const all = diags(text, 'toml');
    assert.equal(all.length, 1);
    assert.equal(all[0].code, 'CFG-001');
    const line = text.slice(0, all[0].span.start).split('\n').length;
    assert.equal(line, 3);
  });
  it('the effective policy falls back to safe whatever the other layers, env and CLI say; extension deny lists still apply; risk still read', () => {
    const r = resolveWith(
      {
        [GLOBAL_JSON]: '{"extensionPolicy":{"profile":"permissive","allowDangerous":true,"perExtension":{"a":{"deny":["read"],"allow":["ui"]}}},"extensionRisk":{"alpha":0.02}}',
        [PROJECT_TOML]: '[extension_policy\nprofile = "standard"',
      },
      { PI_EXTENSION_POLICY: 'permissive', PI_EXTENSION_ALLOW_DANGEROUS: 'true' },
      { profile: 'permissive', allowDangerous: true },
    );
    const p = r.policy;
    assert.equal(p.failedClosed, true);
    assert.deepEqual([p.profile.effective, p.profile.source, p.profile.fallback], ['safe', 'default', true]);
    assert.equal(p.allowDangerous.value, false);
    assert.deepEqual(p.denyCaps, ['exec', 'env']);
    assert.equal(evaluate(p, 'read', 'a').reason, 'extension_deny');
    assert.equal(evaluate(p, 'ui', 'a').reason, 'not_in_default_caps');
    assert.equal(p.extensionRisk.alpha, 0.02);
    assert.deepEqual(p.warnings.filter((w) => w.code === 'CFG-001').map((w) => w.message), ['CFG-001 in .pi/config.toml: the policy fails closed to the safe profile']);
    assert.equal(p.configSources.find((s) => s.path === '.pi/config.toml')?.error !== undefined, true);
  });
  it('an empty file is an empty config', () => {
    for (const f of ['json', 'toml'] as const) assert.deepEqual(loadConfigText('  \n', f).diagnostics, []);
    assert.equal(resolveWith({ [PROJECT_JSON]: '' }).policy.failedClosed, false);
  });
  it('binary, deeply nested and hostile input gives CFG-001, never a crash', () => {
    assert.equal(one('{"a":\u0000}', 'json', 'CFG-001').code, 'CFG-001');
    assert.equal(one('['.repeat(100000), 'json', 'CFG-001').code, 'CFG-001');
    assert.equal(one('a = ' + '['.repeat(100000), 'toml', 'CFG-001').code, 'CFG-001');
    assert.equal(one('{"a": 1} // comment', 'json', 'CFG-001').code, 'CFG-001');
  });
});

describe('CFG-002..CFG-014 messages, severities and ranges (policy.md §7)', () => {
  it('CFG-002 unknown key (JSON and TOML), on the key', () => {
    const j = one('{"extensionPolicy": {"profil": "safe"}}', 'json', 'CFG-002');
    assert.deepEqual([j.severity, j.at], ['warning', '"profil"']);
    assert.match(j.message, /^Unknown key "profil"/);
    const t = one('[extension_policy]\nprofil = "safe"\n', 'toml', 'CFG-002');
    assert.equal(t.at, 'profil');
    const nested = one('{"extensionRisk": {"rollbackTrigger": {"windowSize": 100, "speed": 1}}}', 'json', 'CFG-002');
    assert.equal(nested.at, '"speed"');
  });
  it('CFG-002 flags misspelt top-level sections but not the agent\'s other settings', () => {
    assert.equal(one('{"extensionPolicyy": {}}', 'json', 'CFG-002').at, '"extensionPolicyy"');
    assert.deepEqual(diags('{"defaultModel": "x", "theme": "dark"}', 'json'), []);
  });
  it('CFG-003 wrong type, Error, on the value', () => {
    const d = one('{"extensionPolicy": {"allowDangerous": "yes"}}', 'json', 'CFG-003');
    assert.deepEqual([d.severity, d.message, d.at], ['error', '"extensionPolicy.allowDangerous" must be a boolean; value ignored', '"yes"']);
    const t = one('[extension_risk]\nwindow_size = "big"\n', 'toml', 'CFG-003');
    assert.deepEqual([t.message, t.at], ['"extension_risk.window_size" must be an integer; value ignored', '"big"']);
    const el = one('{"extensionPolicy": {"perExtension": {"a": {"allow": ["read", 5]}}}}', 'json', 'CFG-003');
    assert.equal(el.at, '5');
    const th = one('{"extensionPolicy": {"execMediation": {"denyThreshold": "extreme"}}}', 'json', 'CFG-003');
    assert.equal(th.message, '"extensionPolicy.execMediation.denyThreshold" must be one of low, medium, high, critical; value ignored');
  });
  it('CFG-004 unknown profile with a nearest-name quick fix', () => {
    const text = '{"extensionPolicy": {"profile": "standrd"}}';
    const d = one(text, 'json', 'CFG-004');
    assert.deepEqual([d.severity, d.message, d.at], ['warning', 'Unknown profile "standrd"; the safe profile is used', '"standrd"']);
    assert.equal(applyFix(text, d), '{"extensionPolicy": {"profile": "standard"}}');
    const t = '[extension_policy]\nprofile = "balancd"\n';
    assert.equal(applyFix(t, one(t, 'toml', 'CFG-004')), '[extension_policy]\nprofile = "balanced"\n');
    assert.equal(one('{"extensionPolicy": {"profile": "paranoid"}}', 'json', 'CFG-004').fix, undefined);
  });
  it('CFG-005 clamping, truncation and non-finite numbers', () => {
    const d = one('{"extensionRisk": {"alpha": 0.9}}', 'json', 'CFG-005');
    assert.deepEqual([d.message, d.at], ['extensionRisk.alpha = 0.9 is outside 0.000001..0.5; 0.5 is used', '0.9']);
    assert.equal(one('{"extensionRisk": {"windowSize": 100.7}}', 'json', 'CFG-005').message, 'extensionRisk.windowSize = 100.7 is not an integer; 100 is used');
    assert.equal(one('[extension_risk]\nalpha = nan\n', 'toml', 'CFG-005').message, 'extension_risk.alpha = NaN is not a finite number; ignored');
    const r = resolveWith({ [PROJECT_JSON]: '{"extensionRisk": {"ledgerLimit": 5, "decisionTimeoutMs": 99999}}' }).policy.extensionRisk;
    assert.deepEqual([r.ledgerLimit, r.decisionTimeoutMs], [32, 2000]);
  });
  it('CFG-006 unknown capability with a quick fix to the nearest name', () => {
    const text = '{"extensionPolicy": {"perExtension": {"a": {"allow": ["exce", "gpu"]}}}}';
    const all = diags(text, 'json').filter((d) => d.code === 'CFG-006');
    assert.deepEqual(all.map((d) => d.message), [
      'Unknown capability "exce" (known: read, write, http, events, session, ui, exec, env, tool, log)',
      'Unknown capability "gpu" (known: read, write, http, events, session, ui, exec, env, tool, log)',
    ]);
    assert.equal(applyFix(text, all[0]), text.replace('"exce"', '"exec"'));
    assert.equal(all[1].fix, undefined);
  });
  it('CFG-007 camelCase and snake_case both set: camelCase wins, quick fix removes the snake key', () => {
    const text = '{\n  "extensionPolicy": {\n    "allowDangerous": false,\n    "allow_dangerous": true\n  }\n}';
    const d = one(text, 'json', 'CFG-007');
    assert.deepEqual([d.message, d.at], ['Both "allowDangerous" and "allow_dangerous" are set; "allowDangerous" is used', '"allow_dangerous"']);
    const fixed = applyFix(text, d);
    assert.deepEqual(JSON.parse(fixed), { extensionPolicy: { allowDangerous: false } });
    assert.equal(resolveWith({ [PROJECT_JSON]: text }).policy.allowDangerous.value, false);
  });
  it('CFG-007 and CFG-014 quick fixes in TOML remove the whole line / the array element', () => {
    const t = '[extension_policy]\nallowDangerous = false\nallow_dangerous = true\nprofile = "safe"\n';
    assert.equal(applyFix(t, one(t, 'toml', 'CFG-007')), '[extension_policy]\nallowDangerous = false\nprofile = "safe"\n');
    const p = '[extension_policy.exec_mediation]\ndeny_patterns = ["*", "curl"]\n';
    assert.equal(applyFix(p, one(p, 'toml', 'CFG-014')), '[extension_policy.exec_mediation]\ndeny_patterns = ["curl"]\n');
  });
  it('CFG-008 the same field in settings.json and config.toml of one layer: JSON wins', () => {
    const r = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy": {"profile": "standard"}}', [PROJECT_TOML]: '[extension_policy]\nprofile = "permissive"\n' });
    assert.equal(r.policy.profile.effective, 'standard');
    const toml = r.files.find((f) => f.absPath === PROJECT_TOML)!;
    const d = toml.diagnostics.find((x) => x.code === 'CFG-008')!;
    assert.equal(d.message, 'extensionPolicy.profile is set in both settings.json and config.toml; settings.json wins');
    assert.equal(toml.loaded!.text.slice(d.span.start, d.span.end), 'profile');
  });
  it('CFG-009 information on the allowDangerous: true line', () => {
    const d = one('{"extensionPolicy": {"allowDangerous": true}}', 'json', 'CFG-009');
    assert.deepEqual([d.severity, d.at], ['information', '"allowDangerous": true']);
    assert.equal(d.message, 'allowDangerous removes exec and env from the deny list for all extensions (audited); under safe they stay denied unless a per-extension allow grants them');
    assert.equal(one('[extension_policy]\nallow_dangerous = true\n', 'toml', 'CFG-009').at, 'allow_dangerous = true');
  });
  it('CFG-010 profile and defaultPermissive disagree', () => {
    const d = one('{"extensionPolicy": {"profile": "standard", "defaultPermissive": true}}', 'json', 'CFG-010');
    assert.deepEqual([d.message, d.at], ['profile and defaultPermissive disagree; profile is used', '"defaultPermissive"']);
    assert.equal(diags('{"extensionPolicy": {"profile": "permissive", "defaultPermissive": true}}', 'json').length, 0);
  });
  it('defaultPermissive is a layer-local profile shorthand', () => {
    const r = resolveWith({ [GLOBAL_JSON]: '{"extensionPolicy":{"profile":"standard"}}', [PROJECT_JSON]: '{"extensionPolicy":{"defaultPermissive":true}}' });
    assert.deepEqual([r.policy.profile.effective, r.policy.profile.source], ['permissive', 'project']);
  });
  it('CFG-011 rolloutPhase disagrees with enforce: the phase wins', () => {
    const text = '{"extensionRisk": {"enforce": true, "rolloutPhase": "shadow"}}';
    const d = one(text, 'json', 'CFG-011');
    assert.deepEqual([d.message, d.at], ['rolloutPhase "shadow" implies enforce=false; the phase is used', '"shadow"']);
    assert.equal(resolveWith({ [PROJECT_JSON]: text }).policy.extensionRisk.enforce, false);
  });
  it('CFG-012 the same capability allowed and denied; quick fix removes it from allow', () => {
    const text = '{"extensionPolicy": {"perExtension": {"a": {"allow": ["ui", "http"], "deny": ["http"]}}}}';
    const d = one(text, 'json', 'CFG-012');
    assert.deepEqual([d.message, d.at], ['"http" is both allowed and denied for "a"; the deny wins (layer 1)', '"http"']);
    assert.deepEqual(JSON.parse(applyFix(text, d)), { extensionPolicy: { perExtension: { a: { allow: ['ui'], deny: ['http'] } } } });
    const t = '[extension_policy.per_extension."a"]\nallow = ["http", "ui"]\ndeny = ["HTTP"]\n';
    const td = one(t, 'toml', 'CFG-012');
    assert.equal(applyFix(t, td), '[extension_policy.per_extension."a"]\nallow = ["ui"]\ndeny = ["HTTP"]\n');
  });
  it('CFG-013 a dangerous per-extension allow that stays denied (evaluated with the effective allowDangerous)', () => {
    const text = '{"extensionPolicy": {"perExtension": {"git": {"allow": ["exec"]}}}}';
    const r = resolveWith({ [PROJECT_JSON]: text });
    const f = r.files.find((x) => x.absPath === PROJECT_JSON)!;
    const d = f.diagnostics.find((x) => x.code === 'CFG-013')!;
    assert.equal(d.message, 'perExtension.git.allow grants "exec", but it stays denied by the global deny list (deny_caps, layer 2) because allowDangerous is false');
    assert.equal(text.slice(d.span.start, d.span.end), '"exec"');
    const withEnv = resolveWith({ [PROJECT_JSON]: text }, { PI_EXTENSION_ALLOW_DANGEROUS: 'yes' });
    assert.equal(withEnv.files.find((x) => x.absPath === PROJECT_JSON)!.diagnostics.some((x) => x.code === 'CFG-013'), false);
  });
  it('CFG-014 ignored patterns with a remove quick fix', () => {
    const text = '{"extensionPolicy": {"execMediation": {"denyPatterns": ["git push --force", "  ", "*", "echo \\"x"]}}}';
    const all = diags(text, 'json').filter((d) => d.code === 'CFG-014');
    assert.deepEqual(all.map((d) => d.message), [
      'Pattern "  " is ignored: empty',
      'Pattern "*" is ignored: matches every command',
      'Pattern "echo "x" is ignored: cannot be parsed: unbalanced double quote',
    ]);
    assert.deepEqual(JSON.parse(applyFix(text, all[1])).extensionPolicy.execMediation.denyPatterns, ['git push --force', '  ', 'echo "x']);
    const p = resolveWith({ [PROJECT_JSON]: text }).policy;
    assert.deepEqual(p.execMediation.denyPatterns, ['git push --force']);
  });
});

describe('configuration sources and merge rules (policy.md §6)', () => {
  it('precedence for scalars: CLI > env > project > global > default', () => {
    const files = { [GLOBAL_JSON]: '{"extensionPolicy":{"profile":"permissive"}}', [PROJECT_JSON]: '{"extensionPolicy":{"profile":"standard"}}' };
    assert.deepEqual(pick(resolveWith(files).policy), ['standard', 'project', '.pi/settings.json']);
    assert.deepEqual(pick(resolveWith({ [GLOBAL_JSON]: files[GLOBAL_JSON] }).policy), ['permissive', 'global', '~/.pi/agent/settings.json']);
    assert.deepEqual(pick(resolveWith(files, { PI_EXTENSION_POLICY: 'safe' }).policy), ['safe', 'env', 'PI_EXTENSION_POLICY']);
    assert.deepEqual(pick(resolveWith(files, { PI_EXTENSION_POLICY: 'safe' }, { profile: 'permissive' }).policy), ['permissive', 'cli', '--extension-policy']);
    assert.deepEqual(
      pick(resolveWith(files, {}, { profile: 'standard', profileDetail: 'piSecurity.policy.profileOverride' }).policy),
      ['standard', 'cli', 'piSecurity.policy.profileOverride'],
    );
    function pick(p: ReturnType<typeof resolveWith>['policy']) {
      return [p.profile.effective, p.profile.source, p.profile.sourceDetail];
    }
  });
  it('an empty PI_EXTENSION_POLICY counts as set (resolves to safe via fallback)', () => {
    const p = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"profile":"standard"}}' }, { PI_EXTENSION_POLICY: '' }).policy;
    assert.deepEqual([p.profile.effective, p.profile.source, p.profile.fallback], ['safe', 'env', true]);
    assert.ok(p.warnings.some((w) => w.code === 'CFG-004'));
  });
  it('per-extension allow/deny lists are unions across layers (a project cannot drop a global deny)', () => {
    const r = resolveWith({
      [GLOBAL_JSON]: '{"extensionPolicy":{"perExtension":{"a":{"deny":["http"],"allow":["ui"]}}}}',
      [PROJECT_JSON]: '{"extensionPolicy":{"perExtension":{"a":{"deny":[],"allow":["tool"],"mode":"prompt"}}}}',
    }).policy;
    const o = r.perExtension.get('a')!;
    assert.deepEqual([o.allow, o.deny, o.mode], [['ui', 'tool'], ['http'], 'prompt']);
    assert.equal(evaluate(r, 'http', 'a').reason, 'extension_deny');
  });
  it('exec patterns are unions across layers; scalars from the effective preset unless configured', () => {
    const r = resolveWith({
      [GLOBAL_JSON]: '{"extensionPolicy":{"execMediation":{"denyPatterns":["curl"],"denyThreshold":"High"}}}',
      [PROJECT_JSON]: '{"extensionPolicy":{"profile":"standard","execMediation":{"denyPatterns":["wget","curl"]}}}',
    }).policy.execMediation;
    assert.deepEqual([r.denyPatterns, r.denyThreshold, r.auditAllClassified, r.sources.denyThreshold], [['curl', 'wget'], 'high', true, 'global']);
    const preset = resolveWith({}, { PI_EXTENSION_POLICY: 'permissive' }).policy.execMediation;
    assert.deepEqual([preset.denyThreshold, preset.auditAllClassified], ['critical', false]);
  });
  it('snake_case aliases and the TOML form (§6.5) load the same model', () => {
    const toml = `[extension_policy]
profile = "standard"
allow_dangerous = false

[extension_policy.per_extension."acme-git-helper"]
allow = ["exec"]
deny = ["http"]

[extension_policy.per_extension."acme-git-helper".quota]
max_hostcalls_per_second = 10

[extension_policy.exec_mediation]
deny_threshold = "high"
deny_patterns = ["git push --force"]

[extension_policy.secret_broker]
disclosure_allowlist = ["TURBO_CACHE_KEY"]

[extension_risk]
enabled = true
enforce = false
alpha = 0.005
`;
    const r = resolveWith({ [PROJECT_TOML]: toml });
    // The spec's own example grants exec without allowDangerous, so only CFG-013 is expected.
    assert.deepEqual(r.files.find((f) => f.absPath === PROJECT_TOML)!.diagnostics.map((d) => d.code), ['CFG-013']);
    const p = r.policy;
    assert.equal(p.profile.effective, 'standard');
    assert.deepEqual(p.perExtension.get('acme-git-helper'), { allow: ['exec'], deny: ['http'], mode: null, quota: { maxHostcallsPerSecond: 10 }, sources: { allow: 'project', deny: 'project', 'quota.maxHostcallsPerSecond': 'project' } });
    assert.deepEqual([p.execMediation.denyThreshold, p.execMediation.denyPatterns], ['high', ['git push --force']]);
    assert.deepEqual(p.secretBroker.disclosureAllowlist, ['TURBO_CACHE_KEY']);
    assert.deepEqual([p.extensionRisk.enabled, p.extensionRisk.enforce, p.extensionRisk.alpha, p.extensionRisk.rolloutPhase], [true, false, 0.005, 'shadow']);
    const json = resolveWith({ [PROJECT_JSON]: '{"extension_policy":{"per_extension":{"x":{"allow":["UI "]}},"secret_broker":{"secret_exact":["A"]}},"extension_risk":{"window_size":256,"rollback_trigger":{"max_latency_ms":50}}}' }).policy;
    assert.deepEqual([json.perExtension.get('x')!.allow, json.secretBroker.secretExact.at(-1), json.extensionRisk.windowSize, json.extensionRisk.rollbackTrigger.maxLatencyMs], [['ui'], 'A', 256, 50]);
  });
  it('env: allowDangerous and risk variables with boolean/number parsing and warnings', () => {
    const p = resolveWith({}, {
      PI_EXTENSION_ALLOW_DANGEROUS: ' ON ',
      PI_EXTENSION_RISK_ENABLED: 'yes',
      PI_EXTENSION_RISK_ENFORCE: 'maybe',
      PI_EXTENSION_RISK_ALPHA: ' 0.02 ',
      PI_EXTENSION_RISK_WINDOW: 'abc',
      PI_EXTENSION_RISK_LEDGER_LIMIT: '999999',
      PI_EXTENSION_RISK_DECISION_TIMEOUT_MS: '',
      PI_EXTENSION_RISK_FAIL_CLOSED: '0',
    }).policy;
    assert.deepEqual([p.allowDangerous.value, p.allowDangerous.source, p.allowDangerous.sourceDetail], [true, 'env', 'PI_EXTENSION_ALLOW_DANGEROUS']);
    const r = p.extensionRisk;
    assert.deepEqual([r.enabled, r.enforce, r.alpha, r.windowSize, r.ledgerLimit, r.decisionTimeoutMs, r.failClosed], [true, true, 0.02, 128, 20000, 50, false]);
    assert.deepEqual([r.sources.enabled, r.sources.enforce, r.sources.alpha], ['env', 'default', 'env']);
    assert.deepEqual(p.warnings.map((w) => w.code), ['ENV-001', 'ENV-002', 'CFG-005']);
  });
  it('--allow-dangerous=false from the CLI beats env and files', () => {
    const p = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"allowDangerous":true}}' }, { PI_EXTENSION_ALLOW_DANGEROUS: '1' }, { allowDangerous: false }).policy;
    assert.deepEqual([p.allowDangerous.value, p.allowDangerous.source, p.denyCaps, p.audit], [false, 'cli', ['exec', 'env'], []]);
  });
  it('global dir: explicit dir, else PI_CODING_AGENT_DIR, else ~/.pi/agent', () => {
    const files: Record<string, string> = { '/custom/settings.json': '{"extensionPolicy":{"profile":"standard"}}', '/alt/config.toml': '[extension_policy]\nprofile = "permissive"\n' };
    const run = (globalDir: string | null, env: Record<string, string>) =>
      resolvePolicy({ env, projectDir: null, globalDir, homeDir: '/home/u', cwd: '/', readFile: (p) => files[p] ?? null }).policy.profile;
    assert.deepEqual([run('/custom', { PI_CODING_AGENT_DIR: '/alt' }).effective, run('/custom', {}).sourceDetail], ['standard', '/custom/settings.json']);
    assert.equal(run(null, { PI_CODING_AGENT_DIR: '/alt' }).effective, 'permissive');
    assert.equal(run(null, {}).source, 'default');
  });
  it('PI_CONFIG_PATH replaces both file layers with one file (layer config_path)', () => {
    const files: Record<string, string> = { [PROJECT_JSON]: '{"extensionPolicy":{"profile":"permissive"}}', '/ws/conf/pi.toml': '[extension_policy]\nprofile = "standard"\n' };
    const r = resolvePolicy({ env: { PI_CONFIG_PATH: 'conf/pi.toml' }, projectDir: '/ws', homeDir: '/home/u', cwd: '/ws', readFile: (p) => files[p] ?? null });
    assert.deepEqual([r.policy.profile.effective, r.policy.profile.source, r.policy.profile.sourceDetail], ['standard', 'config_path', 'conf/pi.toml']);
    assert.deepEqual(r.policy.configSources, [{ layer: 'config_path', path: 'conf/pi.toml', exists: true, format: 'toml' }]);
  });
  it('a PI_CONFIG_PATH that names a missing file fails closed', () => {
    const r = resolvePolicy({ env: { PI_CONFIG_PATH: 'missing.json' }, projectDir: '/ws', homeDir: '/home/u', cwd: '/ws', cli: { profile: 'permissive' }, readFile: () => null });
    assert.deepEqual([r.policy.failedClosed, r.policy.profile.effective, r.policy.configSources[0].error], [true, 'safe', 'no such file (PI_CONFIG_PATH)']);
  });
  it('an unreadable config file fails closed like a syntax error', () => {
    const r = resolvePolicy({
      env: {}, projectDir: '/ws', homeDir: '/home/u', cwd: '/ws', cli: { profile: 'permissive' },
      readFile: (p) => {
        if (p === PROJECT_JSON) throw new Error('EACCES');
        return null;
      },
    });
    assert.deepEqual([r.policy.failedClosed, r.policy.profile.effective], [true, 'safe']);
  });
  it('a quota replaces the mode defaults field by field; GLOBAL_TOML is read as the global TOML file', () => {
    const r = resolveWith({ [GLOBAL_TOML]: '[extension_policy.per_extension.a.quota]\nmax_subprocesses = 2\n' }).policy;
    assert.deepEqual(r.perExtension.get('a')!.quota, { maxSubprocesses: 2 });
  });
});
