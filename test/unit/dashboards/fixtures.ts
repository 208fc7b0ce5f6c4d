/** Input artifacts as their producers write them (dashboards.md §3, scanner.md §9.3, risk.md §5.6). */
import type { CalibrationReport, ScannerSlo, ScanSummary, ScanSummaryExtension } from '../../../shared/dashboards/inputSchemas';

export const GIT_HELPER: ScanSummaryExtension = {
  extension_id: 'git-helper', root: '.pi/extensions/git-helper', files: 3, skipped_symlinks: [],
  verdict: { recommendation: 'block', score: 0, composite_tier: 'critical', text: 'BLOCK: score 0/100 — 1 critical, 1 medium; 6 compat error(s)' },
  counts: { critical: 1, high: 0, medium: 1, low: 0, compat_errors: 6, compat_warnings: 0 },
  suppressed: { total: 1, expired: 0, by_rule: { 'SEC-CONSOLE-001': 1 } },
  parse: { tolerant: [], strip_failed: [], scan_failed: [] },
  capabilities: [
    { capability: 'exec', decision: 'deny', reason: 'deny_caps', layer: 2, sites: 3, first: { file: '.pi/extensions/git-helper/index.ts', line: 4, column: 25 } },
    { capability: 'env', decision: 'deny', reason: 'deny_caps', layer: 2, sites: 1, first: { file: '.pi/extensions/git-helper/index.ts', line: 12, column: 17 } },
  ],
  exec_commands: [{ file: '.pi/extensions/git-helper/index.ts', line: 20, preview: 'rm -rf /', classes: ['recursive_delete'], decision: 'deny' }],
  env_reads: [{ name: 'GITHUB_TOKEN', secret: true, match: 'exact', file: '.pi/extensions/git-helper/index.ts', line: 12 }],
  top_findings: [
    { rule_id: 'SEC-SPAWN-001', tier: 'critical', file: '.pi/extensions/git-helper/index.ts', line: 9, message: 'Direct process execution via child_process.exec (via alias "exec" declared on line 4)' },
  ],
};

export const WEATHER: ScanSummaryExtension = {
  extension_id: 'weather-widget', root: '.pi/extensions/weather-widget', files: 1, skipped_symlinks: [],
  verdict: { recommendation: 'allow', score: 100, composite_tier: 'low', text: 'ALLOW: score 100/100 — no security findings; compatible' },
  counts: { critical: 0, high: 0, medium: 0, low: 0, compat_errors: 0, compat_warnings: 0 },
  suppressed: { total: 0, expired: 0, by_rule: {} },
  parse: { tolerant: [], strip_failed: [], scan_failed: [] },
  capabilities: [
    { capability: 'http', decision: 'allow', reason: 'extension_allow', layer: 3, sites: 2, first: { file: '.pi/extensions/weather-widget/index.js', line: 3, column: 9 } },
    { capability: 'ui', decision: 'deny', reason: 'not_in_default_caps', layer: 5, sites: 1, first: { file: '.pi/extensions/weather-widget/index.js', line: 8, column: 3 } },
  ],
  exec_commands: [],
  env_reads: [],
  top_findings: [],
};

export function scanSummary(generatedAt = '2026-02-20T12:00:00.000Z'): ScanSummary {
  return {
    schema: 'pi.sec.scan_summary.v1',
    generated_at: generatedAt,
    tool: { version: '0.1.0', rulebook_version: '2026.02' },
    policy: { profile: 'safe', profile_source: 'project', allow_dangerous: false },
    totals: {
      extensions: 2, files: 4, recommendations: { block: 1, review: 0, allow: 1 },
      findings_by_tier: { critical: 1, high: 0, medium: 1, low: 0 },
      compat_errors: 6, compat_warnings: 0, suppressed: 1, expired_suppressions: 0, tolerant_parses: 0, scan_failures: 0,
    },
    extensions: [GIT_HELPER, WEATHER],
  };
}

export const SCANNER_SLO: ScannerSlo = {
  schema: 'pi.sec.scanner_slo.v1', generated_at: '2026-02-19T10:00:00.000Z', rulebook_version: '2026.02',
  detection_rate: 0.93, false_positive_rate: 0.02, slo02_min: 0.95, slo03_max: 0.05, pass: false,
  per_rule: [{ rule: 'SEC-EVAL-001', expected: 10, found: 9 }], misses: [{ file: 'adversarial/eval-indirect/index.js', line: 3, rule: 'SEC-EVAL-001' }],
  false_positive_units: [],
};

export function calibration(fprExt = 0.127, fnrExt = 0.02, p99: number | null = 0.092): CalibrationReport {
  return {
    schema: 'pi.ext.runtime_risk_calibration_report.v1',
    generated_at: '2026-02-18T10:00:00.000Z',
    tool_version: '0.1.0',
    slo: { slo06_p99_ms: 5, slo10_max_fpr: 0.1, slo11_max_fnr: 0.05 },
    grid: [
      { alpha: 0.005, window_size: 128, metrics: { fpr_ext: 0.04, fnr_ext: 0.0, latency_ms: { p99: 0.08 } } },
      { alpha: 0.01, window_size: 128, metrics: { fpr_ext: fprExt, fnr_ext: fnrExt, latency_ms: p99 === null ? null : { p99 } } },
    ],
    current: { alpha: 0.01, window_size: 128, grid_index: 1 },
  };
}
