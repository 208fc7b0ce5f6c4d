/** Property and fuzz tests: gate verdict invariants and arbitrary artifact bytes (dashboards.md §4). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseBaseline } from '../../../shared/dashboards/baseline';
import { buildGateTable, HOST_GATE_ARTIFACTS, summarise } from '../../../shared/dashboards/gates';
import type { GateRow } from '../../../shared/dashboards/gateSchema';
import { renderMarkdown } from '../../../shared/dashboards/markdown';
import { loadDashboardData } from '../../../shared/dashboards/model';
import { resolveThresholds } from '../../../shared/dashboards/thresholds';
import { renderDashboardHtml } from '../../../shared/dashboards/view';
import { DEFAULT_DASHBOARD_PATHS as P } from '../../../shared/settings/schema';
import { audit, put, tempDir } from './helpers';

const rowArb = fc.record({
  status: fc.constantFrom('pass', 'warn', 'fail', 'skip' as const),
  blocking: fc.boolean(),
  waived: fc.boolean(),
});

function rows(specs: { status: GateRow['status']; blocking: boolean; waived: boolean }[]): GateRow[] {
  return specs.map((s, i) => ({
    id: `g${i}`, name: `G${i}`, blocking: s.blocking, artifact_path: 'x', artifact_present: true, status: s.status,
    detail: null, fail_closed: false, checks: [], reproduce_command: 'x',
    // A waiver only ever attaches to a failing or warning gate (§4.4).
    waived: s.waived && (s.status === 'fail' || s.status === 'warn')
      ? { scope: 'full', status: 'active', expires: '2026-03-01', days_remaining: 9, bead: 'bd-1', owner: 'o', reason: 'r' }
      : null,
  }));
}

describe('gate verdict properties (§4.5)', () => {
  it('fail iff an unwaived blocking gate fails; counts add up; can_promote follows the verdict', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), (specs) => {
        const r = rows(specs);
        const s = summarise(r, audit());
        const blockingFail = r.some((g) => g.blocking && g.status === 'fail' && !g.waived);
        const anyWarn = r.some((g) => !g.waived && (g.status === 'warn' || (!g.blocking && g.status === 'fail')));
        assert.equal(s.verdict, blockingFail ? 'fail' : anyWarn ? 'warn' : 'pass');
        assert.equal(s.can_promote, s.verdict !== 'fail');
        const c = s.summary;
        assert.equal(c.passed + c.warned + c.failed + c.skipped + c.waived, c.total);
        assert.equal(c.blocking_pass, r.filter((g) => g.blocking && (g.status === 'pass' || g.waived)).length);
        assert.equal(s.conditions[0].startsWith('Blocking gates failing: '), blockingFail);
      }),
      { numRuns: 300 },
    );
  });
});

describe('arbitrary artifact bytes never crash (bad input)', () => {
  it('gate table, baseline, view and Markdown survive any content', () => {
    const ws = tempDir();
    const { thresholds, problems } = resolveThresholds({});
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 200 }), (bytes, text) => {
        for (const rel of [HOST_GATE_ARTIFACTS.extMustPass, HOST_GATE_ARTIFACTS.conformanceSummary, P.compatDashboard, P.waiverAudit, P.scanSummary, P.gateTable]) {
          put(ws, rel, Buffer.from(bytes));
        }
        put(ws, HOST_GATE_ARTIFACTS.conformanceRegression, text);
        const t = buildGateTable({
          lane: 'full', generatedAt: 'x', thresholds, thresholdProblems: problems, compatDashboardPath: P.compatDashboard,
          waiverAuditPath: P.waiverAudit, resolve: (rel) => join(ws, rel), waivers: audit(),
        });
        assert.equal(t.gates.length, 6);
        assert.ok(['pass', 'warn', 'fail'].includes(t.verdict));
        const b = parseBaseline(Buffer.from(bytes), 'b.json');
        assert.ok(b.kind === 'ignored' || b.kind === 'loaded');
        const data = loadDashboardData({ paths: P, resolve: (rel) => join(ws, rel), renderedAt: 'x', today: '2026-02-20', secretsCoverage: null });
        assert.match(renderMarkdown(data), /^# Pi Security dashboard/);
        assert.match(renderDashboardHtml(data, { nonce: 'n', cspSource: 'c' }), /<\/html>\n$/);
      }),
      { numRuns: 60 },
    );
  });

  it('deeply nested JSON is handled without a stack overflow', () => {
    const ws = tempDir();
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    put(ws, HOST_GATE_ARTIFACTS.conformanceRegression, deep);
    put(ws, P.compatDashboard, `{"schema":"pi.security.compat_dashboard.v1","checks":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const { thresholds, problems } = resolveThresholds({});
    const t = buildGateTable({
      lane: 'full', generatedAt: 'x', thresholds, thresholdProblems: problems, compatDashboardPath: P.compatDashboard,
      waiverAuditPath: P.waiverAudit, resolve: (rel) => join(ws, rel), waivers: audit(),
    });
    assert.equal(t.gates[1].status, 'warn');
    assert.equal(t.gates[1].detail, 'Missing field "status"');
    const data = loadDashboardData({ paths: P, resolve: (rel) => join(ws, rel), renderedAt: 'x', today: '2026-02-20', secretsCoverage: null });
    assert.equal(data.compat.ok, false);
  });
});
