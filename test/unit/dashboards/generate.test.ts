import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixedClock } from '../../../shared/common/clock';
import { gateTableSchema } from '../../../shared/dashboards/gateSchema';
import { compatDashboardSchema } from '../../../shared/dashboards/compatSchema';
import { DashboardCancelledError, DashboardInputError, generateDashboards, type GenerateRequest } from '../../../shared/dashboards/generate';
import { serializeArtifact, EmptyPayloadError } from '../../../shared/dashboards/output';
import { DEFAULT_DASHBOARD_PATHS } from '../../../shared/settings/schema';
import { NOW, ports, put, putJson, sampleWorkspace, tempDir } from './helpers';

const P = DEFAULT_DASHBOARD_PATHS;

function req(workspace: string, over: Partial<GenerateRequest> = {}): GenerateRequest {
  return { target: 'all', workspace, paths: { ...P }, env: {}, clock: fixedClock(NOW), ...over };
}

describe('generateDashboards (dashboards.md §1)', () => {
  it('writes every artifact in order, pretty-printed, with generated_at from the clock', () => {
    const ws = sampleWorkspace();
    const steps: string[] = [];
    const r = generateDashboards(req(ws, { progress: (m) => steps.push(m) }), ports(ws));
    assert.deepEqual(r.written.map((w) => w.artifact), ['scanSummary', 'waiverAudit', 'compatDashboard', 'compatEvents', 'gateTable']);
    assert.deepEqual(steps, ['Writing the scanner summary', 'Writing the waiver audit', 'Writing the compatibility dashboard', 'Writing the gate table']);
    for (const w of r.written.filter((x) => x.artifact !== 'compatEvents')) {
      const text = readFileSync(w.path, 'utf8');
      assert.ok(text.endsWith('}\n'));
      assert.equal(text, JSON.stringify(JSON.parse(text), null, 2) + '\n');
      assert.equal(JSON.parse(text).generated_at, '2026-02-20T12:00:00.000Z');
    }
    const gates = gateTableSchema.parse(JSON.parse(readFileSync(join(ws, P.gateTable), 'utf8')));
    // ext_must_pass fails but its active waiver (scope both) applies in the full lane.
    const emp = gates.gates.find((g) => g.id === 'ext_must_pass');
    assert.equal(emp?.status, 'fail');
    assert.equal(emp?.waived?.bead, 'bd-1f42.4.4');
    assert.equal(emp?.waived?.days_remaining, 13);
    assert.equal(gates.gates.find((g) => g.id === 'waiver_lifecycle')?.status, 'warn');
    assert.equal(gates.verdict, 'warn');
    assert.equal(r.exitCode, 0);
    assert.deepEqual(gates.conditions, [
      'All blocking gates pass (including waivers)',
      'Waivers active for: ext_must_pass (review before release)',
      '1 waiver(s) expire within 3 days',
    ]);
    compatDashboardSchema.parse(JSON.parse(readFileSync(join(ws, P.compatDashboard), 'utf8')));
  });

  it('is byte-identical for identical inputs', () => {
    const ws = sampleWorkspace();
    generateDashboards(req(ws), ports(ws));
    const first = Object.values(P).filter((p) => existsSync(join(ws, p))).map((p) => readFileSync(join(ws, p), 'utf8'));
    generateDashboards(req(ws), ports(ws));
    const second = Object.values(P).filter((p) => existsSync(join(ws, p))).map((p) => readFileSync(join(ws, p), 'utf8'));
    assert.equal(first.length, 5);
    assert.deepEqual(second, first);
  });

  it('--out-dir writes there and the gate table reads the fresh files from it', () => {
    const ws = sampleWorkspace();
    putJson(ws, P.compatDashboard, { schema: 'pi.stale.v0' });
    const out = tempDir();
    const r = generateDashboards(req(ws, { outDir: out }), ports(ws));
    assert.ok(r.written.every((w) => w.path.startsWith(out)));
    assert.equal(JSON.parse(readFileSync(join(ws, P.compatDashboard), 'utf8')).schema, 'pi.stale.v0');
    assert.equal(r.gates?.gates[0].status, 'pass');
    assert.equal(r.gates?.gates[0].artifact_path, P.compatDashboard);
    // `gates` alone with --out-dir reads the workspace's (stale) dashboard.
    const g = generateDashboards(req(ws, { target: 'gates', outDir: out }), ports(ws));
    assert.equal(g.gates?.gates[0].detail, 'Unexpected schema "pi.stale.v0"');
    assert.equal(g.exitCode, 1);
    assert.deepEqual(g.written.map((w) => w.artifact), ['gateTable']);
  });

  it('compat exits 1 on a regression and refuses a baseline update unless forced', () => {
    const ws = sampleWorkspace();
    // Clean baseline first.
    const first = generateDashboards(req(ws, { target: 'compat', updateBaseline: true }), ports(ws));
    assert.equal(first.exitCode, 0);
    assert.equal(first.baselineUpdate?.written, true);
    const basePath = join(ws, P.compatBaseline);
    const baseText = readFileSync(basePath, 'utf8');
    assert.equal(JSON.parse(baseText).forced, undefined);

    const weak = generateDashboards(req(ws, { target: 'compat', updateBaseline: true }), ports(ws, { allowDangerous: true }));
    assert.equal(weak.exitCode, 1);
    assert.equal(weak.compat?.regression_detected, true);
    assert.equal(weak.compat?.baseline?.path, P.compatBaseline);
    assert.equal(weak.baselineUpdate?.written, false);
    assert.match(weak.notices.join('\n'), /^Baseline update refused: a regression is detected/m);
    assert.equal(readFileSync(basePath, 'utf8'), baseText);

    const forced = generateDashboards(req(ws, { target: 'compat', updateBaseline: true, force: true }), ports(ws, { allowDangerous: true }));
    assert.equal(forced.baselineUpdate?.written, true);
    assert.equal(JSON.parse(readFileSync(basePath, 'utf8')).forced, true);
    assert.equal(forced.exitCode, 1); // the regression against the old baseline still fails this run
    const after = generateDashboards(req(ws, { target: 'compat' }), ports(ws, { allowDangerous: true }));
    assert.equal(after.compat?.regression_detected, false);
    assert.equal(after.compat?.total_failed, 4);
    assert.equal(after.exitCode, 0);
  });

  it('an unusable baseline is ignored with a notice; a missing --baseline is an input error', () => {
    const ws = sampleWorkspace();
    put(ws, P.compatBaseline, '{"schema": "pi.security.compat_dashboard.v1", "checks": [');
    const r = generateDashboards(req(ws, { target: 'compat' }), ports(ws));
    assert.equal(r.compat?.baseline, null);
    assert.match(r.notices[0], /^Baseline tests\/security_compat\/security_compat_baseline\.json ignored: not valid JSON/);
    assert.deepEqual(r.compatNotices, r.notices);
    assert.throws(() => generateDashboards(req(ws, { target: 'compat', baselinePath: join(ws, 'nope.json') }), ports(ws)), DashboardInputError);
    const other = join(ws, 'other-baseline.json');
    writeFileSync(other, readFileSync(join(ws, P.compatDashboard)));
    const r2 = generateDashboards(req(ws, { target: 'compat', baselinePath: other }), ports(ws));
    assert.equal(r2.compat?.baseline?.path, 'other-baseline.json');
  });

  it('--presets-only ignores the configuration', () => {
    const ws = sampleWorkspace();
    const r = generateDashboards(req(ws, { target: 'compat', presetsOnly: true }), ports(ws, { allowDangerous: true }));
    assert.equal(r.compat?.mode, 'presets');
    assert.equal(r.compat?.total_failed, 0);
    assert.deepEqual(r.compat?.config_sources, []);
  });

  it('gates exits 1 on a fail verdict and reads thresholds from the environment', () => {
    const ws = sampleWorkspace();
    generateDashboards(req(ws), ports(ws));
    const r = generateDashboards(req(ws, { target: 'gates', env: { CI_GATE_MIN_PASS_RATE_PCT: '90.5' } }), ports(ws));
    assert.equal(r.gates?.thresholds.min_pass_rate_pct, 90.5);
    assert.equal(r.gates?.verdict, 'fail');
    assert.equal(r.exitCode, 1);
    const pre = generateDashboards(req(ws, { target: 'gates', lane: 'preflight' }), ports(ws));
    assert.equal(pre.gates?.lane, 'preflight');
  });

  it('writes the Markdown summary when asked, and stops when cancelled', () => {
    const ws = sampleWorkspace();
    const md = join(ws, 'out/summary.md');
    const r = generateDashboards(req(ws, { markdownPath: md }), ports(ws));
    assert.equal(readFileSync(md, 'utf8'), r.markdown);
    assert.match(r.markdown ?? '', /^# Pi Security dashboard/);
    let n = 0;
    assert.throws(() => generateDashboards(req(ws, { isCancelled: () => n++ > 1 }), ports(ws)), DashboardCancelledError);
  });

  it('summary without a scanner summary producer is an input error; all continues with a notice', () => {
    const ws = sampleWorkspace();
    const p = { ...ports(ws), scanSummary: null };
    assert.throws(() => generateDashboards(req(ws, { target: 'summary' }), p), DashboardInputError);
    const r = generateDashboards(req(ws), p);
    assert.match(r.notices[0], /Scanner summary not written/);
  });

  it('refuses empty payloads', () => {
    assert.throws(() => serializeArtifact(null), EmptyPayloadError);
    assert.throws(() => serializeArtifact({}), EmptyPayloadError);
    assert.equal(serializeArtifact({ a: 1 }), '{\n  "a": 1\n}\n');
  });

  it('writes the events file: one line per check in order, same ts, rebuildable (§2.6)', () => {
    const ws = sampleWorkspace();
    const r = generateDashboards(req(ws, { target: 'compat' }), ports(ws, { allowDangerous: true }));
    const lines = readFileSync(join(ws, P.compatEvents), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 24);
    assert.ok(lines.every((e) => e.schema === 'pi.security.compat_event.v1' && e.ts === r.compat?.generated_at));
    assert.deepEqual(lines.map((e) => [e.name, e.expected, e.actual, e.passed]), r.compat?.checks.map((c) => [c.name, c.expected_decision, c.actual_decision, c.passed]));
    assert.deepEqual(Object.keys(lines[0]), ['schema', 'name', 'profile', 'capability', 'expected', 'actual', 'passed', 'ts']);
  });
});
