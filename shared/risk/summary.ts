/** Human and Markdown summaries of a calibration report (risk.md §5.6, §5.8). */
import type { CalibrationReport, PerExtension } from './report';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number | undefined | null) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));

export function worstExtensions(report: CalibrationReport, n = 10): PerExtension[] {
  return [...report.per_extension].sort((a, b) => b.flagged - a.flagged || b.max_score - a.max_score || (a.extension_id < b.extension_id ? -1 : 1)).slice(0, n);
}

function gridRows(report: CalibrationReport): string[][] {
  return report.grid.map((g, i) => {
    const mark = (i === report.current.grid_index ? 'C' : '') + (i === report.recommendation.grid_index ? 'R' : '');
    const yes = (b: boolean | null) => (b === null ? '–' : b ? 'yes' : 'NO');
    return [
      String(i),
      mark,
      String(g.alpha),
      String(g.window_size),
      pct(g.metrics.fpr_ext),
      pct(g.metrics.fnr_ext),
      pct(g.metrics.fpr_call),
      pct(g.metrics.fnr_call),
      ms(g.metrics.latency_ms?.p99),
      `${yes(g.meets.slo06)}/${yes(g.meets.slo10)}/${yes(g.meets.slo11)}`,
    ];
  });
}

const HEAD = ['#', '', 'alpha', 'window', 'fpr_ext', 'fnr_ext', 'fpr_call', 'fnr_call', 'p99 ms', 'SLO 06/10/11'];

function table(rows: string[][]): string {
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(HEAD), ...rows.map(line)].join('\n');
}

export function formatCalibrationHuman(report: CalibrationReport): string {
  const out: string[] = [];
  out.push(`Risk controller calibration (${report.inputs.policy_mode} policy, ${report.inputs.simulate_enforcement ? 'simulated enforcement' : 'shadow'})`);
  for (const t of report.inputs.traces) {
    out.push(`  ${t.path}: ${t.rejected ? 'REJECTED' : `${t.calls} calls, ${t.extensions} extensions, ${t.invalid_requests} invalid, ${t.policy_denied} policy-denied`}${t.warnings_total > 0 ? `, ${t.warnings_total} problem(s)` : ''}`);
    for (const w of t.warnings.slice(0, 5)) out.push(`    ${w.code} line ${w.line}: ${w.message}`);
  }
  out.push('');
  out.push(table(gridRows(report)));
  out.push('  (C = current, R = recommended; SLO-06 p99 ≤ 5 ms, SLO-10 fpr_ext ≤ 10 %, SLO-11 fnr_ext ≤ 5 %)');
  out.push('');
  const r = report.recommendation;
  out.push(`Recommendation: alpha ${r.alpha}, windowSize ${r.window_size}, decisionTimeoutMs ${r.decision_timeout_ms}, ledgerLimit ${r.ledger_limit} — ${r.meets_slos ? 'meets all SLOs' : 'does NOT meet all SLOs'}`);
  for (const x of r.rationale) out.push(`  - ${x.symptom}: ${x.adjustment} (${x.parameter} ${x.from} → ${x.to}; ${x.evidence})${x.note ? ` — ${x.note}` : ''}`);
  out.push(`  settings patch (.pi/settings.json): ${JSON.stringify(r.settings_patch)}`);
  const rr = report.rollout_readiness;
  out.push(`Rollout readiness (enforce_all): ${rr.would_rollback ? `would roll back at sample ${rr.at_sample} (${rr.reason})` : 'no rollback trigger'}`);
  if (report.golden.mode !== 'none') out.push(`Golden fixtures (${report.golden.mode} ${report.golden.dir}): ${report.golden.mismatches.length === 0 ? 'ok' : `${report.golden.mismatches.length} mismatch(es)`}`);
  for (const m of report.golden.mismatches) out.push(`  ${m.trace}: first differing seq ${m.seq ?? '–'} [${m.fields.join(', ')}] ${m.message}`);
  return out.join('\n') + '\n';
}

export function formatCalibrationMarkdown(report: CalibrationReport): string {
  const rows = gridRows(report);
  const out: string[] = ['# Risk controller calibration', '', `| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
  const r = report.recommendation;
  out.push(`**Recommendation:** alpha ${r.alpha}, windowSize ${r.window_size}, decisionTimeoutMs ${r.decision_timeout_ms}, ledgerLimit ${r.ledger_limit} (${r.meets_slos ? 'meets all SLOs' : 'does not meet all SLOs'}).`, '');
  for (const x of r.rationale) out.push(`- ${x.symptom} → ${x.adjustment}: \`${x.parameter}\` ${x.from} → ${x.to} (${x.evidence})`);
  out.push('', '```json', JSON.stringify(r.settings_patch, null, 2), '```', '', '## Worst extensions', '', '| trace | extension | label | calls | flagged | detected | max score |', '|---|---|---|---|---|---|---|');
  for (const e of worstExtensions(report)) out.push(`| ${e.trace} | ${e.extension_id} | ${e.label} | ${e.calls} | ${e.flagged} | ${e.detected} | ${e.max_score.toFixed(3)} |`);
  return out.join('\n') + '\n';
}
