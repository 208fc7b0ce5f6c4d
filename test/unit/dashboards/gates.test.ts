import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildCompatDashboard } from '../../../shared/dashboards/compat';
import { buildGateTable, HOST_GATE_ARTIFACTS, type GateTableInputs } from '../../../shared/dashboards/gates';
import { gateTableSchema, type GateRow, type GateTable } from '../../../shared/dashboards/gateSchema';
import type { WaiverAudit, WaiverAuditEntry, RawWaiver } from '../../../shared/dashboards/inputSchemas';
import { resolveThresholds } from '../../../shared/dashboards/thresholds';
import { audit, put, putJson, tablePolicy, tempDir } from './helpers';

const COMPAT = 'tests/security_compat/security_compat_dashboard.json';
const AUDIT = 'tests/full_suite_gate/waiver_audit.json';

function table(root: string, over: Partial<GateTableInputs> = {}, env: Record<string, string> = {}): GateTable {
  const { thresholds, problems } = resolveThresholds(env);
  return buildGateTable({
    lane: 'full',
    generatedAt: '2026-02-20T12:00:05.000Z',
    thresholds,
    thresholdProblems: problems,
    compatDashboardPath: COMPAT,
    waiverAuditPath: AUDIT,
    resolve: (rel) => join(root, rel),
    waivers: audit(),
    ...over,
  });
}

function gate(t: GateTable, id: string): GateRow {
  const g = t.gates.find((x) => x.id === id);
  assert.ok(g, `gate ${id}`);
  return g;
}

/** A workspace where every gate passes. */
function greenWorkspace(): string {
  const root = tempDir();
  putJson(root, COMPAT, buildCompatDashboard({ port: tablePolicy(), generatedAt: 'x', baseline: { kind: 'none' } }));
  putJson(root, HOST_GATE_ARTIFACTS.conformanceRegression, { status: 'pass' });
  putJson(root, HOST_GATE_ARTIFACTS.extMustPass, { status: 'pass', blocking_failures: 0 });
  put(root, HOST_GATE_ARTIFACTS.nonMockUnit, '{"rubric": []}\n');
  putJson(root, HOST_GATE_ARTIFACTS.conformanceSummary, { pass_rate_pct: 86.2, counts: { total: 224, pass: 193, fail: 21, na: 10 } });
  return root;
}

function waiver(gate_id: string, status: WaiverAuditEntry['status'], scope: 'full' | 'preflight' | 'both', days: number): [WaiverAuditEntry, RawWaiver] {
  const ok = status === 'active' || status === 'expiring_soon';
  return [
    {
      gate_id, status, detail: `${status}`, days_remaining: days, known_gate: true, scope,
      applies_in: ok ? (scope === 'both' ? ['preflight', 'full'] : [scope]) : [], problems: [],
    },
    {
      gate_id, owner: 'TopazForest', created: '2026-02-10', expires: '2026-03-05', bead: 'bd-2kle2.7',
      reason: 'Scanner update pending', scope, remove_when: 'fixed', renewal_note: null,
    },
  ];
}

function auditWith(list: [WaiverAuditEntry, RawWaiver][], verdict?: WaiverAudit['gate_verdict']): WaiverAudit {
  const a = audit({ waivers: list.map((x) => x[0]), raw_waivers: list.map((x) => x[1]) });
  return verdict ? { ...a, gate_verdict: verdict } : a;
}

describe('gate table (dashboards.md §4)', () => {
  it('passes a green workspace, gates in the §4.2 order with reproduce commands', () => {
    const t = table(greenWorkspace());
    assert.ok(gateTableSchema.safeParse(t).success);
    assert.deepEqual(t.gates.map((g) => g.id), ['security_compat', 'conformance_regression', 'ext_must_pass', 'non_mock_unit', 'waiver_lifecycle', 'conformance_pass_rate']);
    assert.deepEqual(t.gates.map((g) => g.status), ['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    assert.equal(t.verdict, 'pass');
    assert.equal(t.can_promote, true);
    assert.deepEqual(t.conditions, ['All blocking gates pass (including waivers)']);
    assert.deepEqual(t.summary, { total: 6, passed: 6, warned: 0, failed: 0, skipped: 0, waived: 0, blocking_total: 6, blocking_pass: 6 });
    assert.equal(gate(t, 'ext_must_pass').reproduce_command, 'cargo test --test ext_conformance_generated --features ext-conformance -- --nocapture');
    assert.equal(gate(t, 'non_mock_unit').reproduce_command, 'cargo test --test ci_full_suite_gate -- --nocapture');
    assert.equal(gate(t, 'conformance_regression').reproduce_command, 'cargo test --test ci_full_suite_gate -- --nocapture');
    assert.equal(gate(t, 'security_compat').reproduce_command, 'pi-sec dashboard compat');
    assert.equal(gate(t, 'waiver_lifecycle').reproduce_command, 'pi-sec waivers');
    assert.equal(gate(t, 'conformance_pass_rate').reproduce_command, 'pi-sec dashboard gates');
    assert.deepEqual(gate(t, 'conformance_pass_rate').checks, [
      { id: 'total_positive', actual: 224, threshold: '> 0', ok: true },
      { id: 'pass_rate', actual: 86.2, threshold: '>= 80.0', ok: true },
      { id: 'fail_count', actual: 21, threshold: '<= 36', ok: true },
      { id: 'na_count', actual: 10, threshold: '<= 170', ok: true },
    ]);
    assert.deepEqual(Object.keys(t), ['schema', 'generated_at', 'lane', 'thresholds', 'gates', 'summary', 'verdict', 'can_promote', 'conditions']);
    assert.deepEqual(Object.keys(t.gates[0]), ['id', 'name', 'blocking', 'artifact_path', 'artifact_present', 'status', 'detail', 'fail_closed', 'checks', 'reproduce_command', 'waived']);
  });

  it('missing artifacts of blocking gates fail closed', () => {
    const t = table(tempDir());
    const g = gate(t, 'ext_must_pass');
    assert.equal(g.status, 'fail');
    assert.equal(g.artifact_present, false);
    assert.equal(g.fail_closed, true);
    assert.equal(g.detail, `Artifact not found: ${HOST_GATE_ARTIFACTS.extMustPass}; fail-closed: blocking gates cannot be skipped`);
    // waiver_lifecycle reads the TOML, so a missing audit file neither skips nor fails it.
    const w = gate(t, 'waiver_lifecycle');
    assert.equal(w.status, 'pass');
    assert.equal(w.artifact_present, false);
    assert.equal(w.fail_closed, false);
    assert.equal(t.verdict, 'fail');
    assert.equal(t.can_promote, false);
    assert.equal(t.conditions[0], 'Blocking gates failing: security_compat, conformance_regression, ext_must_pass, non_mock_unit, conformance_pass_rate');
  });

  it('invalid JSON, empty and truncated artifacts fail; directories fail with "Expected a file"', () => {
    const root = greenWorkspace();
    put(root, HOST_GATE_ARTIFACTS.conformanceRegression, '{"status": "pa');
    put(root, HOST_GATE_ARTIFACTS.extMustPass, '');
    put(root, HOST_GATE_ARTIFACTS.nonMockUnit, '');
    const root2 = tempDir();
    mkdirSync(join(root2, HOST_GATE_ARTIFACTS.conformanceSummary), { recursive: true });
    const t = table(root);
    assert.equal(gate(t, 'conformance_regression').status, 'fail');
    assert.match(gate(t, 'conformance_regression').detail ?? '', /^Artifact is not valid JSON: /);
    assert.equal(gate(t, 'ext_must_pass').status, 'fail');
    assert.equal(gate(t, 'ext_must_pass').detail, 'Artifact is not valid JSON: the file is empty');
    assert.equal(gate(t, 'non_mock_unit').status, 'warn');
    assert.equal(gate(t, 'non_mock_unit').detail, 'Artifact empty');
    const t2 = table(root2);
    assert.equal(gate(t2, 'conformance_pass_rate').status, 'fail');
    assert.equal(gate(t2, 'conformance_pass_rate').detail, 'Expected a file');
    assert.equal(gate(t2, 'conformance_pass_rate').fail_closed, false);
  });

  it('security_compat: schema, known failures, regressions', () => {
    const root = greenWorkspace();
    putJson(root, COMPAT, { schema: 'pi.other.v1' });
    assert.equal(gate(table(root), 'security_compat').detail, 'Unexpected schema "pi.other.v1"');
    assert.equal(gate(table(root), 'security_compat').status, 'fail');

    const weak = buildCompatDashboard({ port: tablePolicy({ allowDangerous: true }), generatedAt: 'x', baseline: { kind: 'none' } });
    putJson(root, COMPAT, weak);
    const g = gate(table(root), 'security_compat');
    assert.equal(g.status, 'fail');
    assert.equal(g.detail, 'Regression: standard:env:dangerous_denied, standard:env:ext_override_no_escalation, standard:exec:dangerous_denied, standard:exec:ext_override_no_escalation');

    putJson(root, COMPAT, { ...weak, regression_detected: false, regressions: [] });
    const k = gate(table(root), 'security_compat');
    assert.equal(k.status, 'warn');
    assert.equal(k.detail, '4 known failure(s) accepted by baseline');
    assert.equal(table(root).verdict, 'warn');

    const { regression_detected: _drop, ...noFlag } = weak;
    putJson(root, COMPAT, noFlag);
    assert.equal(gate(table(root), 'security_compat').detail, 'Missing field "regression_detected"');
    assert.equal(gate(table(root), 'security_compat').status, 'warn');
  });

  it('conformance_regression and ext_must_pass status rules', () => {
    const root = greenWorkspace();
    const cases: [unknown, string, string | null][] = [
      [{ status: 'warn' }, 'warn', 'status = "warn"'],
      [{ status: 'fail' }, 'fail', 'status = "fail"'],
      [{ verdict: 'pass' }, 'warn', 'Missing field "status"'],
      [[], 'warn', 'Missing field "status"'],
    ];
    for (const [value, status, detail] of cases) {
      putJson(root, HOST_GATE_ARTIFACTS.conformanceRegression, value);
      const g = gate(table(root), 'conformance_regression');
      assert.equal(g.status, status);
      assert.equal(g.detail, detail);
    }
    putJson(root, HOST_GATE_ARTIFACTS.extMustPass, { status: 'fail', blocking_failures: 3 });
    assert.equal(gate(table(root), 'ext_must_pass').detail, 'status = "fail"; 3 blocking failure(s)');
    putJson(root, HOST_GATE_ARTIFACTS.extMustPass, { status: 'warn' });
    assert.equal(gate(table(root), 'ext_must_pass').detail, 'status = "warn"');
    assert.equal(gate(table(root), 'ext_must_pass').status, 'fail');
    putJson(root, HOST_GATE_ARTIFACTS.extMustPass, {});
    assert.equal(gate(table(root), 'ext_must_pass').status, 'warn');
  });

  it('conformance_pass_rate sub-checks against thresholds from the environment', () => {
    const root = greenWorkspace();
    let t = table(root, {}, { CI_GATE_MIN_PASS_RATE_PCT: '90', CI_GATE_MAX_FAIL_COUNT: '20' });
    assert.deepEqual(t.thresholds, {
      min_pass_rate_pct: 90, max_fail_count: 20, max_na_count: 170,
      source: { min_pass_rate_pct: 'env', max_fail_count: 'env', max_na_count: 'default' },
    });
    let g = gate(t, 'conformance_pass_rate');
    assert.equal(g.status, 'fail');
    assert.equal(g.detail, 'pass_rate, fail_count outside thresholds');
    assert.equal(g.checks[1].threshold, '>= 90.0');

    putJson(root, HOST_GATE_ARTIFACTS.conformanceSummary, { pass_rate_pct: '86', counts: { total: 0, fail: 1 } });
    g = gate(table(root), 'conformance_pass_rate');
    assert.deepEqual(g.checks.map((c) => [c.id, c.actual, c.ok]), [['total_positive', 0, false], ['pass_rate', null, false], ['fail_count', 1, true], ['na_count', null, false]]);
    assert.equal(g.detail, 'total_positive, pass_rate, na_count outside thresholds');

    putJson(root, HOST_GATE_ARTIFACTS.conformanceSummary, { pass_rate_pct: 86.2, counts: { total: 224, fail: 21, na: 10 } });
    t = table(root, {}, { CI_GATE_MIN_PASS_RATE_PCT: 'eighty' });
    g = gate(t, 'conformance_pass_rate');
    assert.equal(t.thresholds.min_pass_rate_pct, null);
    assert.equal(t.thresholds.source.min_pass_rate_pct, 'env');
    assert.equal(g.status, 'fail');
    assert.equal(g.detail, 'invalid CI_GATE_MIN_PASS_RATE_PCT="eighty"');
    assert.equal(g.checks[1].threshold, null);
    assert.equal(t.verdict, 'fail');
  });

  it('an invalid threshold is named even when the summary artifact is missing', () => {
    const t = table(tempDir(), {}, { CI_GATE_MAX_NA_COUNT: '-3' });
    const g = gate(t, 'conformance_pass_rate');
    assert.equal(g.status, 'fail');
    assert.match(g.detail ?? '', /^invalid CI_GATE_MAX_NA_COUNT="-3"; Artifact not found: /);
  });

  it('applies waivers per lane (§4.4) and computes the verdict (§4.5)', () => {
    const root = greenWorkspace();
    const weak = buildCompatDashboard({ port: tablePolicy({ allowDangerous: true }), generatedAt: 'x', baseline: { kind: 'none' } });
    putJson(root, COMPAT, weak);
    put(root, HOST_GATE_ARTIFACTS.extMustPass, '');
    const list = [waiver('security_compat', 'active', 'full', 13), waiver('ext_must_pass', 'active', 'preflight', 13), waiver('ext_provider_compat', 'expiring_soon', 'preflight', 2)];
    const a = auditWith(list, { gate_id: 'waiver_lifecycle', status: 'warn', detail: '1 waiver(s) expiring within 3 days: ext_provider_compat (2d)' });
    const full = table(root, { waivers: a });
    assert.deepEqual(gate(full, 'security_compat').waived, {
      scope: 'full', status: 'active', expires: '2026-03-05', days_remaining: 13, bead: 'bd-2kle2.7', owner: 'TopazForest', reason: 'Scanner update pending',
    });
    assert.equal(gate(full, 'security_compat').status, 'fail');
    assert.equal(gate(full, 'ext_must_pass').waived, null);
    assert.equal(full.verdict, 'fail');
    assert.deepEqual(full.conditions, [
      'Blocking gates failing: ext_must_pass',
      'Waivers active for: security_compat (review before release)',
      '1 waiver(s) expire within 3 days',
    ]);
    assert.deepEqual(full.summary, { total: 6, passed: 3, warned: 1, failed: 1, skipped: 0, waived: 1, blocking_total: 6, blocking_pass: 4 });

    const pre = table(root, { waivers: a, lane: 'preflight' });
    assert.equal(gate(pre, 'security_compat').waived, null);
    assert.notEqual(gate(pre, 'ext_must_pass').waived, null);
    assert.equal(pre.conditions[0], 'Blocking gates failing: security_compat');
  });

  it('expired and invalid waivers never apply; waiver_lifecycle cannot be waived; passing gates are not marked', () => {
    const root = greenWorkspace();
    put(root, HOST_GATE_ARTIFACTS.extMustPass, '{}');
    const a = auditWith(
      [waiver('ext_must_pass', 'expired', 'both', -1), waiver('waiver_lifecycle', 'active', 'both', 10), waiver('conformance_regression', 'active', 'both', 10)],
      { gate_id: 'waiver_lifecycle', status: 'fail', detail: '1 expired, 0 invalid out of 3 waivers' },
    );
    const t = table(root, { waivers: a });
    assert.equal(gate(t, 'ext_must_pass').waived, null);
    assert.equal(gate(t, 'waiver_lifecycle').waived, null);
    assert.equal(gate(t, 'waiver_lifecycle').status, 'fail');
    assert.equal(gate(t, 'conformance_regression').waived, null);
    assert.equal(t.verdict, 'fail');
    assert.deepEqual(t.conditions, ['Blocking gates failing: waiver_lifecycle']);
  });

  it('a blocking warn (expiring waiver) makes the table warn, not fail', () => {
    const root = greenWorkspace();
    const a = auditWith([waiver('evidence_bundle', 'expiring_soon', 'full', 2)], {
      gate_id: 'waiver_lifecycle', status: 'warn', detail: '1 waiver(s) expiring within 3 days: evidence_bundle (2d)',
    });
    const t = table(root, { waivers: a });
    assert.equal(t.verdict, 'warn');
    assert.equal(t.can_promote, true);
    assert.deepEqual(t.conditions, ['All blocking gates pass (including waivers)', '1 waiver(s) expire within 3 days']);
  });

  it('a stale waiver_audit.json turns a computed pass into warn', () => {
    const root = greenWorkspace();
    const a = auditWith([waiver('evidence_bundle', 'active', 'full', 10)], { gate_id: 'waiver_lifecycle', status: 'pass', detail: '1 active waiver(s)' });
    putJson(root, AUDIT, a);
    assert.equal(gate(table(root, { waivers: a }), 'waiver_lifecycle').status, 'pass');
    assert.equal(gate(table(root, { waivers: a }), 'waiver_lifecycle').artifact_present, true);
    putJson(root, AUDIT, { ...a, total_waivers: 0, active: 0 });
    const g = gate(table(root, { waivers: a }), 'waiver_lifecycle');
    assert.equal(g.status, 'warn');
    assert.equal(g.detail, '1 active waiver(s); waiver_audit.json is stale; regenerate it');
    put(root, AUDIT, '{"trunc');
    assert.equal(gate(table(root, { waivers: a }), 'waiver_lifecycle').status, 'warn');
  });

  it('declared gates: present, json_field_in, json_number_min; non-blocking fail only warns', () => {
    const root = greenWorkspace();
    putJson(root, 'tests/sec/sec_conformance.json', { verdict: 'fail', score: 97 });
    const t = table(root, {
      extraGates: [
        { id: 'sec_conformance', name: 'Security conformance', blocking: false, artifact: 'tests/sec/sec_conformance.json', check: { kind: 'json_field_in', path: 'verdict', values: ['pass'] } },
        { id: 'score', name: 'Score', blocking: true, artifact: 'tests/sec/sec_conformance.json', check: { kind: 'json_number_min', path: 'score', min: 95 }, reproduce_command: 'make score' },
        { id: 'evidence_bundle', name: 'Evidence bundle', blocking: false, artifact: 'tests/evidence/bundle.json', check: { kind: 'present' } },
      ],
    });
    assert.equal(gate(t, 'sec_conformance').status, 'fail');
    assert.equal(gate(t, 'sec_conformance').detail, 'verdict = "fail"');
    assert.equal(gate(t, 'sec_conformance').reproduce_command, 'pi-sec dashboard gates');
    assert.equal(gate(t, 'score').status, 'pass');
    assert.equal(gate(t, 'score').reproduce_command, 'make score');
    assert.equal(gate(t, 'evidence_bundle').status, 'skip');
    assert.equal(gate(t, 'evidence_bundle').fail_closed, false);
    assert.equal(t.verdict, 'warn');
    assert.equal(t.summary.skipped, 1);
  });
});

describe('thresholds (dashboards.md §4.1)', () => {
  it('environment beats settings beats defaults; blank env counts as unset', () => {
    let r = resolveThresholds({}, {});
    assert.deepEqual(r.thresholds, { min_pass_rate_pct: 80, max_fail_count: 36, max_na_count: 170, source: { min_pass_rate_pct: 'default', max_fail_count: 'default', max_na_count: 'default' } });
    r = resolveThresholds({ CI_GATE_MAX_FAIL_COUNT: ' ' }, { minPassRatePct: 75.5, maxFailCount: 10 });
    assert.deepEqual(r.thresholds, { min_pass_rate_pct: 75.5, max_fail_count: 10, max_na_count: 170, source: { min_pass_rate_pct: 'settings', max_fail_count: 'settings', max_na_count: 'default' } });
    r = resolveThresholds({ CI_GATE_MIN_PASS_RATE_PCT: ' 85.5 ', CI_GATE_MAX_NA_COUNT: '0' }, { minPassRatePct: 75 });
    assert.equal(r.thresholds.min_pass_rate_pct, 85.5);
    assert.equal(r.thresholds.max_na_count, 0);
    assert.deepEqual(r.problems, []);
  });
  it('rejects unparsable values without falling back', () => {
    for (const [name, raw] of [['CI_GATE_MIN_PASS_RATE_PCT', '80%'], ['CI_GATE_MIN_PASS_RATE_PCT', 'NaN'], ['CI_GATE_MAX_FAIL_COUNT', '3.5'], ['CI_GATE_MAX_FAIL_COUNT', '-1'], ['CI_GATE_MAX_NA_COUNT', '1e3']]) {
      const r = resolveThresholds({ [name]: raw }, { minPassRatePct: 70, maxFailCount: 5, maxNaCount: 5 });
      assert.equal(r.problems.length, 1, `${name}=${raw}`);
      assert.equal(r.problems[0].message, `invalid ${name}="${raw}"`);
    }
  });
});
