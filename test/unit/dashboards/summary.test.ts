import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixedClock } from '../../../shared/common/clock';
import { generateDashboards } from '../../../shared/dashboards/generate';
import { cell, renderMarkdown } from '../../../shared/dashboards/markdown';
import { loadDashboardData } from '../../../shared/dashboards/model';
import { buildSloRollup, RECALIBRATE, UPDATE_PATTERNS } from '../../../shared/dashboards/slo';
import { DEFAULT_DASHBOARD_PATHS } from '../../../shared/settings/schema';
import { calibration, SCANNER_SLO } from './fixtures';
import { NOW, ports, put, putJson, sampleWorkspace, tempDir } from './helpers';

const P = DEFAULT_DASHBOARD_PATHS;
const SNAPSHOT = join(__dirname, 'snapshots', 'summary.md');

function data(ws: string) {
  return loadDashboardData({
    paths: P,
    resolve: (rel) => join(ws, rel),
    renderedAt: '2026-02-20T12:00:10.000Z',
    today: '2026-02-20',
    secretsCoverage: { covered: 119, total: 121, coverage_pct: 98.3 },
  });
}

describe('SLO roll-up (dashboards.md §6)', () => {
  it('reads SLO-02/03 from the scanner SLO file and 06/10/11 at the current grid point', () => {
    const rows = buildSloRollup({ scannerSlo: { ok: true, value: SCANNER_SLO }, calibration: { ok: true, value: calibration() }, secretsCoverage: { covered: 119, total: 121, coverage_pct: 98.3 } });
    assert.deepEqual(rows.map((r) => [r.id, r.value, r.status, r.action]), [
      ['SLO-02', 93, 'fail', UPDATE_PATTERNS],
      ['SLO-03', 2, 'pass', null],
      ['SLO-06', 0.092, 'pass', null],
      ['SLO-07', 98.3, 'pass', null],
      ['SLO-10', 12.7, 'fail', RECALIBRATE],
      ['SLO-11', 2, 'pass', null],
    ]);
    assert.equal(rows[0].display, '93.0 %');
    assert.equal(rows[2].display, '0.092 ms');
    const fnr = buildSloRollup({ scannerSlo: null, calibration: { ok: true, value: calibration(0.05, 0.0625) }, secretsCoverage: null });
    assert.equal(fnr.find((r) => r.id === 'SLO-11')?.action, RECALIBRATE);
    assert.equal(fnr.find((r) => r.id === 'SLO-10')?.status, 'pass');
  });

  it('shows "not measured" for missing or unusable inputs', () => {
    const rows = buildSloRollup({ scannerSlo: null, calibration: { ok: false, problem: 'Artifact empty: x' }, secretsCoverage: null });
    assert.ok(rows.every((r) => r.status === 'not_measured' && r.display === 'not measured' && r.value === null));
    assert.equal(rows.find((r) => r.id === 'SLO-10')?.note, 'Artifact empty: x');
    const noLatency = buildSloRollup({ scannerSlo: null, calibration: { ok: true, value: calibration(0.05, 0.01, null) }, secretsCoverage: null });
    assert.equal(noLatency.find((r) => r.id === 'SLO-06')?.status, 'not_measured');
    const badIndex = { ...calibration(), current: { alpha: 0.01, window_size: 128, grid_index: 9 } };
    const bad = buildSloRollup({ scannerSlo: null, calibration: { ok: true, value: badIndex }, secretsCoverage: null });
    assert.match(bad.find((r) => r.id === 'SLO-10')?.note ?? '', /grid point 9 is missing/);
  });
});

describe('dashboard data and Markdown summary (dashboards.md §5)', () => {
  it('each bad artifact affects only its own panel', () => {
    const ws = sampleWorkspace();
    generateDashboards({ target: 'all', workspace: ws, paths: { ...P }, env: {}, clock: fixedClock(NOW) }, ports(ws));
    put(ws, P.waiverAudit, '');
    put(ws, P.scanSummary, '{"schema": "pi.sec.scan_summary.v1", "extensions": [');
    putJson(ws, P.compatDashboard, { schema: 'pi.security.compat_dashboard.v1', checks: 'nope' });
    put(ws, P.scannerSlo, '{}');
    const d = data(ws);
    assert.equal(d.gates.ok, true);
    assert.deepEqual(d.waivers.ok ? null : d.waivers.problem, `Artifact empty: ${P.waiverAudit}`);
    assert.match(d.scan.ok ? '' : d.scan.problem, /^Artifact is not valid JSON: /);
    assert.match(d.compat.ok ? '' : d.compat.problem, /does not match pi\.security\.compat_dashboard\.v1/);
    assert.equal(d.slo[0].status, 'not_measured');
    const md = renderMarkdown(d);
    assert.match(md, /## Waivers\n\n> ✖ Artifact empty/);
    assert.match(md, /## CI gates \(lane full\)/);
  });

  it('renders from missing artifacts without crashing', () => {
    const md = renderMarkdown(data(tempDir()));
    assert.match(md, /> ✖ Artifact not found: tests\/full_suite_gate\/security_gate_table\.json/);
    assert.match(md, /tool version unknown/);
  });

  it('escapes table cells', () => {
    assert.equal(cell('a|b\nc'), 'a\\|b c');
    assert.equal(cell(null), '—');
    assert.equal(cell('<script>'), '&lt;script>');
  });

  it('matches the reviewed snapshot (test/unit/dashboards/snapshots/summary.md)', () => {
    const ws = sampleWorkspace();
    putJson(ws, P.scannerSlo, SCANNER_SLO);
    putJson(ws, P.calibrationReport, calibration());
    generateDashboards({ target: 'all', workspace: ws, paths: { ...P }, env: { CI_GATE_MAX_NA_COUNT: '5' }, clock: fixedClock(NOW) }, ports(ws, { allowDangerous: true }));
    const md = renderMarkdown(data(ws));
    // Review the snapshot by eye after regenerating it with UPDATE_SNAPSHOTS=1.
    if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(SNAPSHOT, md);
    assert.ok(existsSync(SNAPSHOT), 'snapshot missing; run with UPDATE_SNAPSHOTS=1 and review it');
    assert.equal(md, readFileSync(SNAPSHOT, 'utf8'));
  });
});
