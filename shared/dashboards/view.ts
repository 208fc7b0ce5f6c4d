/**
 * The dashboard view's HTML (dashboards.md §5), rendered from the artifacts only. Pure: the editor
 * puts the string into a webview with a strict content security policy (scripts and styles only with
 * the nonce, no remote resources); every chart is plain inline SVG styled by the editor theme.
 */
import { parseIsoDate, formatEpochDay } from '../common/dates';
import type { DashboardData } from './model';
import type { GateStatus, WaiverStatus } from './inputSchemas';
import { formatDecimal } from './rates';
import { esc, webviewPage } from '../common/webviewPage';

export interface ViewOptions {
  nonce: string;
  /** The webview's `cspSource` (for completeness; the page loads no external resource). */
  cspSource: string;
  folder?: string;
}

const STATUS_LABEL: Record<GateStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

function pill(kind: string, text: string): string {
  return `<span class="pill ${esc(kind)}">${esc(text)}</span>`;
}

function problemBox(problem: string): string {
  return `<div class="problem" role="alert">${esc(problem)}</div>`;
}

function pct(n: number): string {
  return `${n.toFixed(1)} %`;
}

// ---------------------------------------------------------------- panel 1: compatibility

function compatPanel(data: DashboardData): string {
  const c = data.compat;
  const notices = data.compatNotices.map((n) => `<div class="notice">${esc(n)}</div>`).join('');
  if (!c.ok) return section('compat', 'Security compatibility', notices + problemBox(c.problem));
  const d = c.value;
  const rowH = 34;
  const width = 560;
  const barX = 96;
  const barW = 300;
  const bars = d.per_profile
    .map((p, i) => {
      const y = 8 + i * rowH;
      const w = Math.max(0, Math.min(barW, (barW * p.pass_rate_pct) / 100));
      const cls = p.failed === 0 ? 'ok' : 'bad';
      return (
        `<g><title>${esc(p.profile)}: ${p.passed} of ${p.total_checks} checks pass (${pct(p.pass_rate_pct)})</title>` +
        `<text x="0" y="${y + 17}" class="label">${esc(p.profile)}</text>` +
        `<rect x="${barX}" y="${y}" width="${barW}" height="22" rx="3" class="track"/>` +
        `<rect x="${barX}" y="${y}" width="${w.toFixed(1)}" height="22" rx="3" class="bar ${cls}"/>` +
        `<text x="${barX + barW + 10}" y="${y + 17}" class="value">${esc(pct(p.pass_rate_pct))} (${p.passed}/${p.total_checks})</text></g>`
      );
    })
    .join('');
  const svgH = 8 + d.per_profile.length * rowH;
  const chart = `<svg class="chart" role="img" aria-label="Pass rate per profile" width="${width}" height="${svgH}" viewBox="0 0 ${width} ${svgH}">${bars}</svg>`;
  const failing = d.checks.filter((x) => !x.passed);
  const failList = failing.length
    ? `<h3>Failing checks (${failing.length})</h3><ul class="checks">${failing
        .map((f) => `<li>${pill(d.regressions.includes(f.name) ? 'fail' : 'warn', d.regressions.includes(f.name) ? 'regression' : 'known')} <code>${esc(f.name)}</code> expected ${esc(f.expected_decision)}, got <strong>${esc(f.actual_decision)}</strong><div class="detail">${esc(f.detail)}</div></li>`)
        .join('')}</ul>`
    : '<p class="good">All checks pass.</p>';
  const names = (label: string, list: string[], kind: string) =>
    `<div class="names"><span class="names-label">${esc(label)}</span> ${list.length ? list.map((n) => `<span class="chip ${kind}">${esc(n)}</span>`).join(' ') : '<span class="muted">none</span>'}</div>`;
  const rate = d.rate_regressions.map((r) => `<div class="notice">${esc(r.profile)} pass rate dropped from ${esc(pct(r.baseline_pct))} to ${esc(pct(r.current_pct))}</div>`).join('');
  const base = d.baseline ? `against baseline <code>${esc(d.baseline.path)}</code> of ${esc(d.baseline.generated_at)}` : 'no baseline';
  const used = d.config_sources.filter((c) => c.exists);
  const sources = d.mode === 'presets' ? '' : `<div class="detail">Config files: ${used.length ? used.map((c) => `<code>${esc(c.path)}</code> (${esc(c.layer)})`).join(', ') : 'none (presets apply)'}</div>`;
  const head = `<p>${d.mode === 'presets' ? 'Presets only' : 'Configured policy'} · ${d.total_passed}/${d.total_checks} checks pass · ${base} · ${d.regression_detected ? pill('fail', 'REGRESSION') : pill('pass', 'no regression')}</p>${sources}`;
  return section(
    'compat',
    'Security compatibility',
    notices + head + chart + failList + rate + names('Regressions', d.regressions, 'fail') + names('Improvements', d.improvements, 'pass') + names('New checks', d.new_checks, 'info'),
  );
}

// ---------------------------------------------------------------- panel 2: gates

function gatesPanel(data: DashboardData): string {
  const g = data.gates;
  if (!g.ok) return section('gates', 'CI gates', problemBox(g.problem));
  const t = g.value;
  const rows = t.gates
    .map((r) => {
      const waiver = r.waived
        ? `${pill(r.waived.status === 'expiring_soon' ? 'warn' : 'info', r.waived.status === 'expiring_soon' ? 'waived · expiring' : 'waived')}<div class="detail">until ${esc(r.waived.expires)}${r.waived.days_remaining === null ? '' : ` (${r.waived.days_remaining}d)`} · ${esc(r.waived.bead)} · ${esc(r.waived.owner)}<br>${esc(r.waived.reason)}</div>`
        : '<span class="muted">—</span>';
      const checks = r.checks.length
        ? `<ul class="subchecks">${r.checks.map((c) => `<li class="${c.ok ? 'ok' : 'bad'}">${c.ok ? '✔' : '✖'} ${esc(c.id)}: ${esc(c.actual ?? 'missing')} ${esc(c.threshold ?? '(invalid threshold)')}</li>`).join('')}</ul>`
        : '';
      return `<tr class="gate ${esc(r.status)}${r.waived ? ' waived' : ''}">
<td>${pill(r.status, STATUS_LABEL[r.status])}${r.fail_closed ? '<div class="detail">fail-closed</div>' : ''}</td>
<td><strong>${esc(r.name)}</strong><div class="detail"><code>${esc(r.id)}</code>${r.blocking ? ' · blocking' : ''}</div><div class="detail path">${esc(r.artifact_path)}${r.artifact_present ? '' : ' (missing)'}</div></td>
<td>${esc(r.detail ?? '')}${checks}</td>
<td>${waiver}</td>
</tr>
<tr class="repro ${esc(r.status)}"><td></td><td colspan="3"><span class="muted">Reproduce:</span> <code class="cmd">${esc(r.reproduce_command)}</code> <button class="copy" data-copy="${esc(r.reproduce_command)}" title="Copy the reproduce command">Copy</button></td></tr>`;
    })
    .join('');
  const s = t.summary;
  const head = `<div class="verdict ${esc(t.verdict)}">Verdict ${pill(t.verdict, t.verdict.toUpperCase())} · lane <strong>${esc(t.lane)}</strong> · ${t.can_promote ? 'can promote' : 'cannot promote'}
<span class="muted">· ${s.passed} pass, ${s.warned} warn, ${s.failed} fail, ${s.skipped} skip, ${s.waived} waived</span></div>
<ul class="conditions">${t.conditions.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`;
  const th = t.thresholds;
  const thresholds = `<p class="muted">Thresholds: pass rate ≥ ${esc(th.min_pass_rate_pct === null ? 'invalid' : formatDecimal(th.min_pass_rate_pct))} (${esc(th.source.min_pass_rate_pct)}), failures ≤ ${esc(th.max_fail_count ?? 'invalid')} (${esc(th.source.max_fail_count)}), N/A ≤ ${esc(th.max_na_count ?? 'invalid')} (${esc(th.source.max_na_count)})</p>`;
  return section(
    'gates',
    'CI gates',
    `${head}<table class="gates"><thead><tr><th>Status</th><th>Gate</th><th>Detail</th><th>Waiver</th></tr></thead><tbody>${rows}</tbody></table>${thresholds}`,
  );
}

// ---------------------------------------------------------------- panel 3: waiver timeline

interface TimelineRow {
  gate: string;
  status: WaiverStatus;
  start: number;
  end: number;
  days: number | undefined;
  owner: string | null;
  bead: string | null;
}

function waiversPanel(data: DashboardData): string {
  const w = data.waivers;
  if (!w.ok) return section('waivers', 'Waivers', problemBox(w.problem));
  const a = w.value;
  const today = parseIsoDate(data.today) ?? parseIsoDate(a.today) ?? 0;
  const rows: TimelineRow[] = [];
  const invalid: string[] = [];
  a.waivers.forEach((x, i) => {
    const raw = a.raw_waivers[i];
    const start = raw?.created ? parseIsoDate(raw.created) : undefined;
    const end = raw?.expires ? parseIsoDate(raw.expires) : undefined;
    if (x.status === 'invalid') {
      invalid.push(`<li>${pill('fail', 'invalid')} <code>${esc(x.gate_id)}</code> <span class="detail">${esc(x.detail)}</span></li>`);
      return;
    }
    if (start === undefined || end === undefined) return;
    rows.push({ gate: x.gate_id, status: x.status, start, end, days: x.days_remaining, owner: raw?.owner ?? null, bead: raw?.bead ?? null });
  });
  const counts = `<p>${a.total_waivers} waiver(s): ${pill('info', `${a.active} active`)} ${pill('warn', `${a.expiring_soon} expiring soon`)} ${pill('fail', `${a.expired} expired`)} ${pill('fail', `${a.invalid} invalid`)} · waiver_lifecycle ${pill(a.gate_verdict.status, a.gate_verdict.status.toUpperCase())} <span class="detail">${esc(a.gate_verdict.detail)}</span></p>`;
  let chart = '';
  if (rows.length > 0) {
    const lo = Math.min(today, ...rows.map((r) => r.start)) - 2;
    const hi = Math.max(today, ...rows.map((r) => r.end + 1)) + 2;
    const labelW = 190;
    const plotW = 520;
    const width = labelW + plotW + 110;
    const rowH = 26;
    const top = 26;
    const height = top + rows.length * rowH + 24;
    const x = (day: number) => labelW + ((day - lo) / (hi - lo)) * plotW;
    const span = hi - lo;
    const step = span <= 21 ? 7 : span <= 70 ? 14 : 30;
    const ticks: string[] = [];
    for (let d = lo + 1; d < hi; d++) {
      if ((d - (lo + 1)) % step !== 0) continue;
      ticks.push(`<line x1="${x(d).toFixed(1)}" y1="${top - 4}" x2="${x(d).toFixed(1)}" y2="${height - 20}" class="grid"/><text x="${x(d).toFixed(1)}" y="${height - 6}" class="tick" text-anchor="middle">${formatEpochDay(d).slice(5)}</text>`);
    }
    const bars = rows
      .map((r, i) => {
        const y = top + i * rowH;
        const x0 = x(r.start);
        const x1 = x(r.end + 1);
        const left = r.days === undefined ? '' : r.days < 0 ? `expired ${-r.days}d ago` : r.days === 0 ? 'expires today' : `${r.days}d left`;
        return `<g class="waiver ${esc(r.status)}"><title>${esc(r.gate)}: ${esc(formatEpochDay(r.start))} → ${esc(formatEpochDay(r.end))} (${esc(r.status)}; ${esc(r.owner)}, ${esc(r.bead)})</title>
<text x="${labelW - 8}" y="${y + 15}" class="label" text-anchor="end">${esc(r.gate)}</text>
<rect x="${x0.toFixed(1)}" y="${y + 3}" width="${Math.max(2, x1 - x0).toFixed(1)}" height="16" rx="3" class="wbar ${esc(r.status)}"/>
<text x="${(x1 + 6).toFixed(1)}" y="${y + 15}" class="value">${esc(left)}</text></g>`;
      })
      .join('');
    const tx = x(today + 0.5);
    const todayMark = `<line x1="${tx.toFixed(1)}" y1="${top - 8}" x2="${tx.toFixed(1)}" y2="${height - 20}" class="today"/><text x="${tx.toFixed(1)}" y="${top - 12}" class="today-label" text-anchor="middle">today ${esc(formatEpochDay(today))}</text>`;
    chart = `<svg class="chart timeline" role="img" aria-label="Waivers from created to expires, today marked" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${ticks.join('')}${bars}${todayMark}</svg>
<div class="legend">${pill('info', 'active')} ${pill('warn', 'expiring soon (≤ 3 days)')} ${pill('fail', 'expired')}</div>`;
  } else {
    chart = '<p class="muted">No waiver with valid dates to draw.</p>';
  }
  const inv = invalid.length ? `<h3>Invalid waivers</h3><ul class="checks">${invalid.join('')}</ul>` : '';
  return section('waivers', 'Waivers', counts + chart + inv);
}

// ---------------------------------------------------------------- panel 4: scanner

const DECISION_CLASS: Record<string, string> = { allow: 'pass', prompt: 'warn', deny: 'fail' };
const REC_CLASS: Record<string, string> = { allow: 'pass', review: 'warn', block: 'fail' };

function scannerPanel(data: DashboardData): string {
  const s = data.scan;
  if (!s.ok) return section('scanner', 'Extensions (scanner summary)', problemBox(s.problem));
  const sum = s.value;
  const r = sum.totals.recommendations;
  const head = `<p>${sum.totals.extensions} extension(s), ${sum.totals.files} file(s): ${pill('fail', `${r.block} block`)} ${pill('warn', `${r.review} review`)} ${pill('pass', `${r.allow} allow`)} · policy <strong>${esc(sum.policy.profile)}</strong> (${esc(sum.policy.profile_source)})${sum.policy.allow_dangerous ? ` ${pill('warn', 'allowDangerous')}` : ''}</p>`;
  const rows = sum.extensions
    .map((e) => {
      const rec = e.verdict.recommendation;
      const score = Math.max(0, Math.min(100, e.verdict.score));
      const scoreSvg = `<svg class="score" width="104" height="12" viewBox="0 0 104 12" role="img" aria-label="score ${score} of 100"><rect x="0" y="1" width="100" height="10" rx="2" class="track"/><rect x="0" y="1" width="${score}" height="10" rx="2" class="bar ${REC_CLASS[rec] ?? ''}"/></svg>`;
      const caps = e.capabilities.length
        ? e.capabilities.map((c) => `<span class="chip ${DECISION_CLASS[c.decision] ?? 'info'}" title="${esc(`${c.decision} (${c.reason}, layer ${c.layer}); ${c.sites} site(s), first at ${c.first.file}:${c.first.line}`)}">${esc(c.capability)}: ${esc(c.decision)}</span>`).join(' ')
        : '<span class="muted">no capabilities</span>';
      const top = e.top_findings[0];
      return `<tr><td>${pill(REC_CLASS[rec] ?? 'info', rec.toUpperCase())}</td><td><strong>${esc(e.extension_id ?? '(no id)')}</strong><div class="detail path">${esc(e.root)}</div></td><td class="num">${e.verdict.score}<br>${scoreSvg}</td><td>${caps}</td><td>${top ? `<code>${esc(top.rule_id)}</code> ${esc(top.message)}<div class="detail path">${esc(top.file)}:${top.line}</div>` : '<span class="muted">—</span>'}</td></tr>`;
    })
    .join('');
  return section(
    'scanner',
    'Extensions (scanner summary)',
    `${head}<table><thead><tr><th>Verdict</th><th>Extension</th><th>Score</th><th>Capabilities (decision)</th><th>Top finding</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

// ---------------------------------------------------------------- panel 5: SLOs

function sloPanel(data: DashboardData): string {
  const rows = data.slo
    .map((r) => {
      const kind = r.status === 'pass' ? 'pass' : r.status === 'fail' ? 'fail' : 'skip';
      return `<tr><td>${pill(kind, r.status === 'not_measured' ? 'not measured' : r.status.toUpperCase())}</td><td><strong>${esc(r.id)}</strong> ${esc(r.name)}</td><td>${esc(r.display)}${r.note ? `<div class="detail">${esc(r.note)}</div>` : ''}</td><td>${esc(r.target)}</td><td>${esc(r.action ?? '')}</td></tr>`;
    })
    .join('');
  return section('slo', 'SLO roll-up', `<table><thead><tr><th>Status</th><th>SLO</th><th>Value</th><th>Target</th><th>Action</th></tr></thead><tbody>${rows}</tbody></table><p class="muted">Informational: SLOs never change a gate verdict.</p>`);
}

function section(id: string, title: string, body: string): string {
  return `<section id="${esc(id)}" class="panel"><h2>${esc(title)}</h2>${body}</section>`;
}

const STYLE = `
:root { color-scheme: light dark; --ok: var(--vscode-testing-iconPassed, #2ea043); --bad: var(--vscode-testing-iconFailed, #d73a49);
  --warn: var(--vscode-editorWarning-foreground, #bf8700); --info: var(--vscode-textLink-foreground, #3794ff); --muted: var(--vscode-descriptionForeground, #888); }
body { font-family: var(--vscode-font-family, sans-serif); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground, CanvasText); background: var(--vscode-editor-background, Canvas); margin: 0; padding: 12px 20px 40px; }
header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: 8px; }
header h1 { font-size: 1.4em; margin: 0; }
nav a { color: var(--info); margin-right: 10px; }
.panel { margin-top: 18px; padding: 12px 14px; border: 1px solid var(--vscode-panel-border, #8884); border-radius: 6px; }
.panel h2 { margin: 0 0 8px; font-size: 1.15em; }
.panel h3 { font-size: 1em; margin: 12px 0 4px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
th { font-weight: 600; color: var(--muted); }
td.num { text-align: right; white-space: nowrap; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.pill.pass { color: var(--ok); } .pill.fail { color: var(--bad); } .pill.warn { color: var(--warn); } .pill.skip, .pill.info { color: var(--info); }
.chip { display: inline-block; padding: 0 6px; margin: 1px 0; border-radius: 4px; font-size: 0.85em; border: 1px solid currentColor; }
.chip.pass { color: var(--ok); } .chip.fail { color: var(--bad); } .chip.warn { color: var(--warn); } .chip.info { color: var(--info); }
.detail { color: var(--muted); font-size: 0.9em; margin-top: 2px; }
.path { font-family: var(--vscode-editor-font-family, monospace); }
.muted { color: var(--muted); } .good { color: var(--ok); }
.problem { border-left: 4px solid var(--bad); padding: 6px 10px; background: var(--vscode-inputValidation-errorBackground, #d73a4922); }
.notice { border-left: 4px solid var(--warn); padding: 4px 10px; margin: 4px 0; }
.verdict { font-size: 1.1em; margin-bottom: 4px; }
.conditions { margin: 4px 0 10px; }
tr.gate td { border-bottom: none; } tr.repro td { padding-top: 0; }
table.gates td:nth-child(4) { min-width: 180px; }
code { font-family: var(--vscode-editor-font-family, monospace); }
code.cmd { background: var(--vscode-textCodeBlock-background, #8882); padding: 1px 4px; border-radius: 3px; word-break: break-all; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 3px 10px; border-radius: 3px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.copy { padding: 1px 8px; font-size: 0.85em; }
ul.checks, ul.subchecks { margin: 4px 0; padding-left: 18px; }
ul.subchecks li.ok { color: var(--ok); } ul.subchecks li.bad { color: var(--bad); }
.names { margin: 6px 0; } .names-label { font-weight: 600; margin-right: 6px; }
svg.chart { display: block; margin: 8px 0; max-width: 100%; height: auto; overflow: visible; }
svg text { fill: currentColor; font-size: 12px; font-family: var(--vscode-font-family, sans-serif); }
svg text.tick { fill: var(--muted); font-size: 11px; }
svg .track { fill: var(--vscode-editorWidget-border, #8884); opacity: 0.35; }
svg .bar.ok, svg .bar.pass { fill: var(--ok); } svg .bar.bad, svg .bar.fail { fill: var(--bad); } svg .bar.warn { fill: var(--warn); }
svg .grid { stroke: var(--vscode-panel-border, #8884); stroke-width: 1; stroke-dasharray: 2 3; }
svg .wbar.active { fill: var(--info); } svg .wbar.expiring_soon { fill: var(--warn); stroke: var(--bad); stroke-width: 1.5; }
svg .wbar.expired { fill: var(--bad); opacity: 0.75; }
svg .today { stroke: var(--bad); stroke-width: 2; } svg .today-label { fill: var(--bad); font-weight: 600; }
svg.score { display: inline-block; margin-top: 2px; }
.legend { margin-top: 2px; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-copy],[data-action]') : null;
  if (!target) return;
  const copy = target.getAttribute('data-copy');
  if (copy !== null) { vscode.postMessage({ type: 'copy', text: copy }); target.textContent = 'Copied'; setTimeout(() => { target.textContent = 'Copy'; }, 1200); return; }
  vscode.postMessage({ type: target.getAttribute('data-action') });
});
`;

export function renderDashboardHtml(data: DashboardData, opts: ViewOptions): string {
  const gateVerdict = data.gates.ok ? pill(data.gates.value.verdict, `gates ${data.gates.value.verdict.toUpperCase()}`) : pill('fail', 'gates unavailable');
  const compat = data.compat.ok ? pill(data.compat.value.regression_detected ? 'fail' : 'pass', data.compat.value.regression_detected ? 'compat REGRESSION' : 'compat OK') : pill('fail', 'compat unavailable');
  const body = `<header><h1>Pi Security dashboard</h1>${gateVerdict} ${compat}
<span class="muted">${opts.folder ? `${esc(opts.folder)} · ` : ''}rendered ${esc(data.renderedAt)}</span>
<button data-action="regenerate" title="Write every artifact again">Regenerate</button>
<button data-action="openMarkdown" title="Open pi-sec:/dashboard.md">Markdown summary</button></header>
<nav><a href="#compat">Compatibility</a><a href="#gates">Gates</a><a href="#waivers">Waivers</a><a href="#scanner">Extensions</a><a href="#slo">SLOs</a></nav>
${compatPanel(data)}
${gatesPanel(data)}
${waiversPanel(data)}
${scannerPanel(data)}
${sloPanel(data)}`;
  return webviewPage({ title: 'Pi Security dashboard', nonce: opts.nonce, cspSource: opts.cspSource, style: STYLE, body, script: SCRIPT });
}
