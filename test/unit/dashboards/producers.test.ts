/** The dashboards read what the other parts of the core really produce (not only hand-written fixtures). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { calibrationReportSchema } from '../../../shared/dashboards/inputSchemas';
import { buildSloRollup } from '../../../shared/dashboards/slo';
import { runCalibration } from '../../../shared/risk/calibrate';

const SAMPLE = join(__dirname, '..', '..', '..', 'examples', 'workspace');

describe('dashboard readers against real producers', () => {
  it('reads the calibration report of the risk simulator (SLO-10/11 at the current grid point)', async () => {
    const traces = ['benign.jsonl', 'adversarial.jsonl'].map((f) => ({ path: `traces/${f}`, text: readFileSync(join(SAMPLE, 'traces', f), 'utf8') }));
    const report = await runCalibration({ traces, baseConfig: {}, alphaGrid: [0.01], noLatency: true, nowMs: Date.UTC(2026, 10, 24), toolVersion: 'test' });
    const parsed = calibrationReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    assert.ok(parsed.success, parsed.success ? '' : parsed.error.message);
    const rows = buildSloRollup({ scannerSlo: null, calibration: { ok: true, value: parsed.data }, secretsCoverage: null });
    const point = report.grid[report.current.grid_index];
    assert.equal(rows.find((r) => r.id === 'SLO-10')?.value, Math.round(point.metrics.fpr_ext * 1000) / 10);
    assert.equal(rows.find((r) => r.id === 'SLO-11')?.status, point.metrics.fnr_ext <= 0.05 ? 'pass' : 'fail');
    assert.equal(rows.find((r) => r.id === 'SLO-06')?.status, 'not_measured'); // --no-latency
  });
});
