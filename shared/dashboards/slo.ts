/** The SLO roll-up (dashboards.md §6): informational only, it never affects a verdict. */
import type { CalibrationReport, ScannerSlo } from './inputSchemas';

export type SloStatus = 'pass' | 'fail' | 'not_measured';

export interface SloRow {
  id: string;
  name: string;
  /** The measured value in its display unit (percent or ms), null when not measured. */
  value: number | null;
  display: string;
  target: string;
  status: SloStatus;
  /** The playbook action for a failed SLO, else null. */
  action: string | null;
  /** Why it is not measured, or where the value comes from. */
  note: string | null;
}

export interface SecretsCoverage {
  covered: number;
  total: number;
  coverage_pct: number;
}

/** An input of the roll-up: the parsed value or the reason it could not be used (null = file missing). */
export type SloInput<T> = { ok: true; value: T } | { ok: false; problem: string } | null;

export const RECALIBRATE = 'recalibrate (playbook: Risk Controller Calibration)';
export const UPDATE_PATTERNS = 'add or update scanner patterns (playbook: Scanner Rule Maintenance)';

function pct(rate: number): number {
  return Math.round(rate * 1000) / 10;
}

function notMeasured(id: string, name: string, target: string, note: string | null): SloRow {
  return { id, name, value: null, display: 'not measured', target, status: 'not_measured', action: null, note };
}

function measured(id: string, name: string, value: number, unit: string, target: string, ok: boolean, action: string | null, note: string | null): SloRow {
  return { id, name, value, display: `${value.toFixed(unit === 'ms' ? 3 : 1)} ${unit}`, target, status: ok ? 'pass' : 'fail', action: ok ? null : action, note };
}

export function buildSloRollup(inputs: {
  scannerSlo: SloInput<ScannerSlo>;
  calibration: SloInput<CalibrationReport>;
  secretsCoverage: SecretsCoverage | null;
}): SloRow[] {
  const rows: SloRow[] = [];
  const s = inputs.scannerSlo;
  const sNote = s === null ? null : s.ok ? null : s.problem;
  if (s && s.ok) {
    const det = pct(s.value.detection_rate);
    const fp = pct(s.value.false_positive_rate);
    rows.push(measured('SLO-02', 'Scanner detection rate', det, '%', '≥ 95 %', s.value.detection_rate >= 0.95, UPDATE_PATTERNS, null));
    rows.push(measured('SLO-03', 'Scanner false-positive rate', fp, '%', '≤ 5 %', s.value.false_positive_rate <= 0.05, null, null));
  } else {
    rows.push(notMeasured('SLO-02', 'Scanner detection rate', '≥ 95 %', sNote));
    rows.push(notMeasured('SLO-03', 'Scanner false-positive rate', '≤ 5 %', sNote));
  }

  const c = inputs.calibration;
  let point: CalibrationReport['grid'][number] | undefined;
  let cNote: string | null = c === null ? null : c.ok ? null : c.problem;
  if (c && c.ok) {
    point = c.value.grid[c.value.current.grid_index];
    if (!point) cNote = `current grid point ${c.value.current.grid_index} is missing from the report`;
  }
  const where = point && c && c.ok ? `alpha ${c.value.current.alpha}, window ${c.value.current.window_size}` : null;
  const p99 = point?.metrics.latency_ms?.p99;
  rows.push(
    point && typeof p99 === 'number'
      ? measured('SLO-06', 'Risk decision latency p99', p99, 'ms', '≤ 5 ms', p99 <= 5, RECALIBRATE, where)
      : notMeasured('SLO-06', 'Risk decision latency p99', '≤ 5 ms', point ? 'latency not measured in the report' : cNote),
  );

  const cov = inputs.secretsCoverage;
  rows.push(
    cov
      ? measured('SLO-07', 'Secret broker coverage', cov.coverage_pct, '%', '≥ 90 % (goal 100 %)', cov.coverage_pct >= 90, null, `${cov.covered}/${cov.total} canonical names`)
      : notMeasured('SLO-07', 'Secret broker coverage', '≥ 90 % (goal 100 %)', null),
  );

  if (point) {
    rows.push(measured('SLO-10', 'Risk controller FPR (extensions)', pct(point.metrics.fpr_ext), '%', '≤ 10 %', point.metrics.fpr_ext <= 0.1, RECALIBRATE, where));
    rows.push(measured('SLO-11', 'Risk controller FNR (extensions)', pct(point.metrics.fnr_ext), '%', '≤ 5 %', point.metrics.fnr_ext <= 0.05, RECALIBRATE, where));
  } else {
    rows.push(notMeasured('SLO-10', 'Risk controller FPR (extensions)', '≤ 10 %', cNote));
    rows.push(notMeasured('SLO-11', 'Risk controller FNR (extensions)', '≤ 5 %', cNote));
  }
  return rows;
}
