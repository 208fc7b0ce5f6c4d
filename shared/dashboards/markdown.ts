/** The Markdown summary (dashboards.md §5), rendered from the artifacts only. */
import type { DashboardData } from './model';
import type { GateStatus, WaiverStatus } from './inputSchemas';
import { formatDecimal } from './rates';

export const STATUS_ICON: Record<GateStatus, string> = { pass: '✔', warn: '⚠', fail: '✖', skip: '⏭' };
const SLO_ICON = { pass: '✔', fail: '✖', not_measured: '–' } as const;
export const WAIVER_STATUS_ORDER: readonly WaiverStatus[] = ['expired', 'invalid', 'expiring_soon', 'active'];
const RECOMMENDATION_ORDER = ['block', 'review', 'allow'] as const;

/** Escapes a table cell: pipes, newlines, and Markdown-active characters that would break the table. */
export function cell(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === '') return '—';
  return String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ').replace(/</g, '&lt;');
}

function code(text: string): string {
  const t = text.replace(/\r?\n|\r/g, ' ');
  const fence = t.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${t.replace(/\|/g, '\\|')}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function link(label: string, target: string): string {
  return `[${label.replace(/[[\]]/g, '\\$&')}](${encodeURI(target).replace(/[()]/g, (c) => encodeURIComponent(c))})`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function renderMarkdown(data: DashboardData): string {
  const out: string[] = ['# Pi Security dashboard', ''];

  // 1. Gate table
  const g = data.gates;
  if (g.ok) {
    const t = g.value;
    out.push(`## CI gates (lane ${t.lane}): ${STATUS_ICON[t.verdict]} ${t.verdict.toUpperCase()}${t.can_promote ? '' : ' — cannot promote'}`, '');
    out.push('| | Gate | Blocking | Status | Detail | Waiver | Reproduce |', '|---|---|---|---|---|---|---|');
    for (const r of t.gates) {
      const waiver = r.waived
        ? `waived (${r.waived.status}${r.waived.days_remaining === null ? '' : `, ${r.waived.days_remaining}d left`}; ${r.waived.bead ?? '?'}, ${r.waived.owner ?? '?'})`
        : null;
      out.push(`| ${STATUS_ICON[r.status]} | ${link(r.id, r.artifact_path)} | ${r.blocking ? 'yes' : 'no'} | ${r.status}${r.fail_closed ? ' (fail-closed)' : ''}${r.waived ? ' (waived)' : ''} | ${cell(r.detail)} | ${cell(waiver)} | ${code(r.reproduce_command)} |`);
    }
    const th = t.thresholds;
    out.push('', `Thresholds: pass rate ≥ ${th.min_pass_rate_pct === null ? 'invalid' : formatDecimal(th.min_pass_rate_pct)} (${th.source.min_pass_rate_pct}), failures ≤ ${th.max_fail_count ?? 'invalid'} (${th.source.max_fail_count}), N/A ≤ ${th.max_na_count ?? 'invalid'} (${th.source.max_na_count}).`, '');
    for (const c of t.conditions) out.push(`- ${c}`);
  } else {
    out.push('## CI gates', '', `> ✖ ${g.problem}`);
  }
  out.push('');

  // 2. Compatibility
  const c = data.compat;
  out.push('## Security compatibility', '');
  for (const n of data.compatNotices) out.push(`> ⚠ ${n}`, '');
  if (c.ok) {
    const d = c.value;
    const base = d.baseline ? `baseline ${d.baseline.path} (${d.baseline.generated_at})` : 'no baseline';
    out.push(`${d.mode === 'presets' ? 'Presets only' : 'Configured policy'} · ${d.total_passed}/${d.total_checks} checks pass (${d.overall_pass_rate_pct.toFixed(1)} %) · ${base} · regression detected: **${d.regression_detected ? 'yes' : 'no'}**`, '');
    if (d.mode === 'configured') {
      const used = d.config_sources.filter((x) => x.exists);
      out.push(`Config files: ${used.length ? used.map((x) => `${code(x.path)} (${x.layer})`).join(', ') : 'none (presets apply)'}`, '');
    }
    out.push('| Profile | Passed | Failed | Pass rate |', '|---|---|---|---|');
    for (const p of d.per_profile) out.push(`| ${cell(p.profile)} | ${p.passed} | ${p.failed} | ${p.pass_rate_pct.toFixed(1)} % |`);
    out.push('');
    const failing = d.checks.filter((x) => !x.passed);
    if (failing.length > 0) {
      out.push('Failing checks:', '');
      for (const f of failing) out.push(`- ${code(f.name)}: expected ${f.expected_decision}, got ${f.actual_decision} — ${cell(f.detail)}`);
      out.push('');
    }
    const list = (label: string, names: string[]) => out.push(`${label}: ${names.length ? names.map(code).join(', ') : 'none'}`);
    list('Regressions', d.regressions);
    for (const r of d.rate_regressions) out.push(`- ${r.profile} pass rate ${r.baseline_pct.toFixed(1)} % → ${r.current_pct.toFixed(1)} %`);
    out.push('');
    list('Improvements', d.improvements);
    out.push('');
    list('New checks', d.new_checks);
  } else {
    out.push(`> ✖ ${c.problem}`);
  }
  out.push('');

  // 3. Waivers
  const w = data.waivers;
  out.push('## Waivers', '');
  if (w.ok) {
    const a = w.value;
    out.push(`${a.total_waivers} waiver(s) on ${a.today}: ${a.active} active, ${a.expiring_soon} expiring soon, ${a.expired} expired, ${a.invalid} invalid · waiver_lifecycle ${STATUS_ICON[a.gate_verdict.status]} ${a.gate_verdict.status}: ${cell(a.gate_verdict.detail)}`, '');
    if (a.waivers.length > 0) {
      out.push('| Status | Gate | Days remaining | Expires | Owner | Detail |', '|---|---|---|---|---|---|');
      for (const status of WAIVER_STATUS_ORDER) {
        a.waivers.forEach((x, i) => {
          if (x.status !== status) return;
          const raw = a.raw_waivers[i];
          out.push(`| ${status} | ${cell(x.gate_id)} | ${x.days_remaining ?? '—'} | ${cell(raw?.expires)} | ${cell(raw?.owner)} | ${cell(x.detail)} |`);
        });
      }
    }
  } else {
    out.push(`> ✖ ${w.problem}`);
  }
  out.push('');

  // 4. Extensions
  const s = data.scan;
  out.push('## Extensions', '');
  if (s.ok) {
    const sum = s.value;
    const r = sum.totals.recommendations;
    out.push(`${plural(sum.totals.extensions, 'extension')}, ${plural(sum.totals.files, 'file')}: ${r.block} block, ${r.review} review, ${r.allow} allow · policy ${sum.policy.profile} (${sum.policy.profile_source})${sum.policy.allow_dangerous ? ', allowDangerous' : ''}`, '');
    if (sum.extensions.length > 0) {
      out.push('| Recommendation | Extension | Score | Top finding |', '|---|---|---|---|');
      for (const rec of RECOMMENDATION_ORDER) {
        for (const e of sum.extensions.filter((x) => x.verdict.recommendation === rec)) {
          const top = e.top_findings[0];
          out.push(`| ${rec.toUpperCase()} | ${cell(e.extension_id)} | ${e.verdict.score} | ${top ? cell(`${top.rule_id} (${top.tier}) ${top.file}:${top.line} ${top.message}`) : '—'} |`);
        }
      }
    }
  } else {
    out.push(`> ✖ ${s.problem}`);
  }
  out.push('');

  // 5. SLOs
  out.push('## SLOs', '', '| | SLO | Value | Target | Action |', '|---|---|---|---|---|');
  for (const row of data.slo) {
    out.push(`| ${SLO_ICON[row.status]} | ${row.id} ${row.name} | ${cell(row.display)}${row.note ? ` (${cell(row.note)})` : ''} | ${cell(row.target)} | ${cell(row.action)} |`);
  }
  out.push('');

  // 6. Footer
  const tool = s.ok ? `pi-sec ${s.value.tool.version} · rulebook ${s.value.tool.rulebook_version}` : 'tool version unknown (no scanner summary)';
  out.push('---', '', `Generated ${data.renderedAt} · ${tool}`, '');
  return out.join('\n');
}
