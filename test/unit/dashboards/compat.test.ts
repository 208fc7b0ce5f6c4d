import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCompatDashboard, COMPAT_CHECKS, runChecks } from '../../../shared/dashboards/compat';
import { compatDashboardSchema, type CompatDashboard } from '../../../shared/dashboards/compatSchema';
import { decideBaselineUpdate, parseBaseline, baselineNotice, loadBaseline, type BaselineState } from '../../../shared/dashboards/baseline';
import { passRatePct } from '../../../shared/dashboards/rates';
import { put, tablePolicy, tempDir } from './helpers';

const NOW = '2026-02-20T12:00:00.000Z';
const NONE: BaselineState = { kind: 'none' };

function dash(config = {}, baseline: BaselineState = NONE, mode: 'configured' | 'presets' = 'configured'): CompatDashboard {
  return buildCompatDashboard({ port: tablePolicy(config, mode), generatedAt: NOW, baseline });
}

function asBaseline(d: CompatDashboard, path = 'tests/security_compat/security_compat_baseline.json'): BaselineState {
  return parseBaseline(Buffer.from(JSON.stringify(d, null, 2) + '\n'), path);
}

describe('compat checks (dashboards.md §2.2)', () => {
  it('defines 24 checks in the specified order, safe first', () => {
    const names = COMPAT_CHECKS.map((c) => c.name);
    const twelve = [
      'read:benign_access', 'write:benign_access', 'http:benign_access', 'events:benign_access', 'session:benign_access',
      'exec:dangerous_denied', 'env:dangerous_denied',
      'read:ext_override_benign', 'write:ext_override_benign', 'http:ext_override_benign',
      'exec:ext_override_no_escalation', 'env:ext_override_no_escalation',
    ];
    assert.deepEqual(names, [...twelve.map((n) => `safe:${n}`), ...twelve.map((n) => `standard:${n}`)]);
    for (const c of COMPAT_CHECKS) assert.equal(c.extensionId, c.kind.startsWith('ext_override') ? 'benign-test-ext' : null);
  });

  it('passes all 24 checks under pure presets', () => {
    const d = dash({}, NONE, 'presets');
    assert.equal(d.mode, 'presets');
    assert.deepEqual(d.config_sources, []);
    assert.equal(d.total_checks, 24);
    assert.equal(d.total_passed, 24);
    assert.equal(d.total_failed, 0);
    assert.equal(d.overall_pass_rate_pct, 100);
    assert.deepEqual(d.per_profile.map((p) => [p.profile, p.passed, p.failed, p.pass_rate_pct]), [['safe', 12, 0, 100], ['standard', 12, 0, 100]]);
    assert.equal(d.regression_detected, false);
    assert.deepEqual(d.regressions, []);
    for (const c of d.checks) assert.equal(c.detail, null);
    const read = d.checks[0];
    assert.deepEqual(read, {
      name: 'safe:read:benign_access', profile: 'safe', capability: 'read', extension_id: null,
      expected_decision: 'Allow', actual_decision: 'Allow', actual_reason: 'default_caps', actual_layer: 4, passed: true, detail: null,
    });
    const ovr = d.checks.find((c) => c.name === 'standard:exec:ext_override_no_escalation');
    assert.equal(ovr?.actual_reason, 'deny_caps');
    assert.equal(ovr?.actual_layer, 2);
    assert.ok(compatDashboardSchema.safeParse(d).success);
  });

  it('reproduces the §2.5 example: allowDangerous weakens standard only', () => {
    const d = dash({ allowDangerous: true });
    assert.equal(d.total_passed, 20);
    assert.equal(d.total_failed, 4);
    assert.equal(d.overall_pass_rate_pct, 83.3);
    assert.deepEqual(d.per_profile, [
      { profile: 'safe', total_checks: 12, passed: 12, failed: 0, pass_rate_pct: 100 },
      { profile: 'standard', total_checks: 12, passed: 8, failed: 4, pass_rate_pct: 66.7 },
    ]);
    const exec = d.checks.find((c) => c.name === 'standard:exec:dangerous_denied');
    assert.equal(exec?.actual_decision, 'Prompt');
    assert.equal(exec?.detail, 'SECURITY: dangerous capability not denied (decision=Prompt, reason=prompt_required, layer=5)');
    const esc = d.checks.find((c) => c.name === 'standard:env:ext_override_no_escalation');
    assert.equal(esc?.detail, 'SECURITY: dangerous capability allowed via extension override (reason=prompt_required, layer=5)');
    // Under safe strict mode still denies exec/env outside the defaults.
    const safeExec = d.checks.find((c) => c.name === 'safe:exec:dangerous_denied');
    assert.equal(safeExec?.passed, true);
    assert.equal(safeExec?.actual_reason, 'not_in_default_caps');
    // No baseline: regressions are the failed names, sorted.
    assert.equal(d.baseline, null);
    assert.deepEqual(d.regressions, [
      'standard:env:dangerous_denied', 'standard:env:ext_override_no_escalation',
      'standard:exec:dangerous_denied', 'standard:exec:ext_override_no_escalation',
    ]);
    assert.equal(d.regression_detected, true);
  });

  it('the injected override replaces a configured entry for benign-test-ext', () => {
    const d = dash({ allowDangerous: true, perExtension: { 'benign-test-ext': { allow: ['exec', 'env'] } } });
    // The configured exec/env allow is gone: the override allows only read/write/http.
    const esc = d.checks.find((c) => c.name === 'safe:exec:ext_override_no_escalation');
    assert.equal(esc?.passed, true);
  });

  it('standard benign_access accepts Prompt, safe does not; ext_override_benign needs Allow', () => {
    const d = dash({ extraDeny: ['events'] });
    const safeEvents = d.checks.find((c) => c.name === 'safe:events:benign_access');
    assert.equal(safeEvents?.passed, false);
    assert.equal(safeEvents?.detail, 'reason=deny_caps layer=2');
    const port = tablePolicy();
    const prompting = { ...port, evaluatorFor: () => () => ({ decision: 'prompt' as const, reason: 'prompt_required', layer: 5 }) };
    const checks = runChecks(prompting);
    const byName = new Map(checks.map((c) => [c.name, c]));
    assert.equal(byName.get('standard:read:benign_access')?.passed, true);
    assert.equal(byName.get('safe:read:benign_access')?.passed, false);
    assert.equal(byName.get('standard:read:ext_override_benign')?.passed, false);
    assert.equal(byName.get('standard:read:ext_override_benign')?.detail, 'reason=prompt_required layer=5');
  });

  it('a per-extension allow of exec for benign-test-ext elsewhere does not leak; a global weakening does', () => {
    const d = dash({ allowDangerous: true, perExtension: { other: { allow: ['exec'] } } });
    assert.equal(d.checks.find((c) => c.name === 'safe:exec:ext_override_no_escalation')?.passed, true);
    const permissiveOverride = dash({ allowDangerous: true, perExtension: {} });
    assert.equal(permissiveOverride.total_failed, 4);
  });

  it('rounds pass rates to one decimal, 100.0 for no checks', () => {
    assert.equal(passRatePct(0, 0), 100);
    assert.equal(passRatePct(20, 24), 83.3);
    assert.equal(passRatePct(8, 12), 66.7);
    assert.equal(passRatePct(1, 16), 6.3);
    assert.equal(passRatePct(2, 3), 66.7);
  });
});

describe('baseline regression detection (dashboards.md §2.4)', () => {
  it('reproduces the §2.5 example against a clean baseline', () => {
    const base = asBaseline({ ...dash(), generated_at: '2026-02-01T08:00:00.000Z' });
    const d = dash({ allowDangerous: true }, base);
    assert.equal(d.baseline?.path, 'tests/security_compat/security_compat_baseline.json');
    assert.equal(d.baseline?.generated_at, '2026-02-01T08:00:00.000Z');
    assert.match(d.baseline?.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.deepEqual(d.regressions, [
      'standard:env:dangerous_denied', 'standard:env:ext_override_no_escalation',
      'standard:exec:dangerous_denied', 'standard:exec:ext_override_no_escalation',
    ]);
    assert.deepEqual(d.rate_regressions, [{ profile: 'standard', baseline_pct: 100, current_pct: 66.7 }]);
    assert.deepEqual(d.improvements, []);
    assert.deepEqual(d.new_checks, []);
    assert.equal(d.regression_detected, true);
  });

  it('known failures (failed in both) are not regressions but still count', () => {
    const base = asBaseline(dash({ allowDangerous: true }));
    const d = dash({ allowDangerous: true }, base);
    assert.equal(d.total_failed, 4);
    assert.deepEqual(d.regressions, []);
    assert.deepEqual(d.rate_regressions, []);
    assert.equal(d.regression_detected, false);
  });

  it('reports improvements, new checks and checks missing now', () => {
    const weak = dash({ allowDangerous: true });
    const trimmed: CompatDashboard = {
      ...weak,
      checks: [
        ...weak.checks.filter((c) => c.name !== 'safe:read:benign_access' && c.name !== 'safe:session:benign_access'),
        { ...weak.checks[0], name: 'safe:legacy:benign_access', capability: 'legacy' },
      ],
    };
    const d = dash({}, asBaseline(trimmed));
    assert.deepEqual(d.improvements, [
      'standard:env:dangerous_denied', 'standard:env:ext_override_no_escalation',
      'standard:exec:dangerous_denied', 'standard:exec:ext_override_no_escalation',
    ]);
    assert.deepEqual(d.new_checks, ['safe:read:benign_access', 'safe:session:benign_access']);
    assert.deepEqual(d.regressions, ['safe:legacy:benign_access']);
    assert.equal(d.regression_detected, true);
  });

  it('sorts names by UTF-16 code units, not locale', () => {
    const weak = dash({ allowDangerous: true });
    const base: CompatDashboard = { ...weak, checks: [...weak.checks, { ...weak.checks[0], name: 'Z:upper' }, { ...weak.checks[0], name: 'a:lower' }] };
    const d = dash({ allowDangerous: true }, asBaseline(base));
    assert.deepEqual(d.regressions, ['Z:upper', 'a:lower']);
  });

  it('a rate drop alone is a regression', () => {
    const clean = dash();
    const base: CompatDashboard = { ...clean, checks: [], per_profile: clean.per_profile };
    const d = dash({ allowDangerous: true }, asBaseline(base));
    assert.deepEqual(d.regressions, []);
    assert.equal(d.new_checks.length, 24);
    assert.deepEqual(d.rate_regressions.map((r) => r.profile), ['standard']);
    assert.equal(d.regression_detected, true);
  });

  it('ignores empty, invalid and foreign baselines with a notice', () => {
    const p = 'b.json';
    const cases: [Buffer, RegExp][] = [
      [Buffer.alloc(0), /the file is empty/],
      [Buffer.from('{"schema": "pi.security.compat_dashboard.v1", "checks": ['), /not valid JSON/],
      [Buffer.from('{"schema": "pi.other.v1"}'), /schema "pi\.other\.v1" is not "pi\.security\.compat_dashboard\.v1"/],
      [Buffer.from('[1,2]'), /schema null/],
      [Buffer.from('{"schema": "pi.security.compat_dashboard.v1", "checks": 3}'), /does not match/],
    ];
    for (const [bytes, re] of cases) {
      const st = parseBaseline(bytes, p);
      assert.equal(st.kind, 'ignored');
      assert.match(baselineNotice(st) ?? '', new RegExp(`^Baseline b\\.json ignored: ${re.source}`));
      const d = dash({ allowDangerous: true }, st);
      assert.equal(d.baseline, null);
      assert.equal(d.regressions.length, 4);
    }
  });

  it('loads from disk: missing file means no baseline; a directory is ignored', () => {
    const dir = tempDir();
    assert.deepEqual(loadBaseline(`${dir}/nope.json`, 'nope.json'), { kind: 'none' });
    assert.equal(loadBaseline(dir, 'dir').kind, 'ignored');
    put(dir, 'ok.json', JSON.stringify(dash()));
    assert.equal(loadBaseline(`${dir}/ok.json`, 'ok.json').kind, 'loaded');
  });

  it('refuses a baseline update on regressions or failing dangerous checks unless forced', () => {
    const clean = dash();
    const ok = decideBaselineUpdate(clean, false);
    assert.equal(ok.allowed, true);
    assert.equal(ok.baseline?.forced, undefined);
    assert.equal('forced' in (ok.baseline ?? {}), false);

    const weak = dash({ allowDangerous: true });
    const refused = decideBaselineUpdate(weak, false);
    assert.equal(refused.allowed, false);
    assert.equal(refused.baseline, null);
    assert.equal(refused.refusals.length, 2);
    assert.match(refused.refusals[0], /regression/);
    assert.match(refused.refusals[1], /standard:exec:dangerous_denied/);

    // Known dangerous failures accepted by a baseline still refuse the update.
    const known = dash({ allowDangerous: true }, asBaseline(weak));
    assert.equal(known.regression_detected, false);
    const refusedKnown = decideBaselineUpdate(known, false);
    assert.equal(refusedKnown.allowed, false);
    assert.equal(refusedKnown.refusals.length, 1);

    // A benign failure that is known does not refuse.
    const benign = dash({ extraDeny: ['session'] });
    const benignKnown = dash({ extraDeny: ['session'] }, asBaseline(benign));
    assert.equal(decideBaselineUpdate(benignKnown, false).allowed, true);

    const forced = decideBaselineUpdate(weak, true);
    assert.equal(forced.allowed, true);
    assert.equal(forced.baseline?.forced, true);
    assert.deepEqual(Object.keys(forced.baseline ?? {}).slice(-2), ['regression_detected', 'forced']);
  });

  it('keeps the key order of §2.3', () => {
    assert.deepEqual(Object.keys(dash()), [
      'schema', 'generated_at', 'bead', 'mode', 'config_sources', 'profiles_tested', 'total_checks', 'total_passed',
      'total_failed', 'overall_pass_rate_pct', 'per_profile', 'checks', 'baseline', 'regressions', 'rate_regressions',
      'improvements', 'new_checks', 'regression_detected',
    ]);
  });
});
