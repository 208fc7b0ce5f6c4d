/**
 * The calibration report view's HTML (risk.md §5.8), rendered from the report JSON only. Pure: the
 * editor puts the string into a webview with a strict content security policy (styles and the one
 * script only with the nonce, no remote resources); the charts are plain inline SVG.
 */
import { esc, webviewPage } from '../common/webviewPage';
import type { CalibrationReport, GridPoint } from './report';
import { worstExtensions } from './summary';

export interface CalibrationViewOptions {
  nonce: string;
  cspSource: string;
  reportPath?: string;
}

const W = 720;
const H = 280;
const PAD = { l: 52, r: 190, t: 16, b: 44 };
const COLORS = ['#3b82f6', '#a855f7', '#14b8a6', '#f97316', '#84cc16', '#ec4899'];

const fmtPct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => Number(x.toFixed(2));

function logScale(min: number, max: number, a: number, b: number): (v: number) => number {
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  return (v) => (hi === lo ? (a + b) / 2 : a + ((Math.log10(Math.max(v, min)) - lo) / (hi - lo)) * (b - a));
}

/** fpr_ext / fnr_ext per alpha, one pair of series per window size, SLO-10 and SLO-11 lines. */
export function rateChart(report: CalibrationReport): string {
  const alphas = [...new Set(report.grid.map((g) => g.alpha))].sort((a, b) => a - b);
  const windows = [...new Set(report.grid.map((g) => g.window_size))].sort((a, b) => a - b);
  const maxRate = Math.max(0.2, ...report.grid.map((g) => Math.max(g.metrics.fpr_ext, g.metrics.fnr_ext)));
  const x = logScale(alphas[0], alphas[alphas.length - 1], PAD.l + 10, W - PAD.r - 10);
  const y = (v: number) => H - PAD.b - (v / maxRate) * (H - PAD.t - PAD.b);
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}"/><line class="axis" x1="${PAD.l}" y1="${PAD.t}" x2="${PAD.l}" y2="${H - PAD.b}"/>`);
  for (const a of alphas) parts.push(`<text class="tick" x="${num(x(a))}" y="${H - PAD.b + 16}" text-anchor="middle">${esc(a)}</text>`);
  for (let k = 0; k <= 4; k++) {
    const v = (maxRate * k) / 4;
    parts.push(`<text class="tick" x="${PAD.l - 6}" y="${num(y(v)) + 4}" text-anchor="end">${fmtPct(v)}</text>`);
  }
  parts.push(`<text class="tick" x="${(PAD.l + W - PAD.r) / 2}" y="${H - 6}" text-anchor="middle">alpha (log scale)</text>`);
  parts.push(`<line class="slo slo10" x1="${PAD.l}" x2="${W - PAD.r}" y1="${num(y(report.slo.slo10_max_fpr))}" y2="${num(y(report.slo.slo10_max_fpr))}"/><text class="slo-label" x="${W - PAD.r + 4}" y="${num(y(report.slo.slo10_max_fpr)) + 4}">SLO-10 fpr ≤ 10%</text>`);
  parts.push(`<line class="slo slo11" x1="${PAD.l}" x2="${W - PAD.r}" y1="${num(y(report.slo.slo11_max_fnr))}" y2="${num(y(report.slo.slo11_max_fnr))}"/><text class="slo-label" x="${W - PAD.r + 4}" y="${num(y(report.slo.slo11_max_fnr)) + 4}">SLO-11 fnr ≤ 5%</text>`);
  windows.forEach((w, wi) => {
    const color = COLORS[wi % COLORS.length];
    const pts = report.grid.map((g, i) => ({ g, i })).filter(({ g }) => g.window_size === w).sort((a, b) => a.g.alpha - b.g.alpha);
    for (const [metric, dash] of [['fpr_ext', ''], ['fnr_ext', ' stroke-dasharray="5 4"']] as const) {
      const d = pts.map(({ g }) => `${num(x(g.alpha))},${num(y(g.metrics[metric]))}`).join(' ');
      parts.push(`<polyline class="series" fill="none" stroke="${color}" stroke-width="2"${dash} points="${d}"><title>${metric} (window ${w})</title></polyline>`);
      for (const { g, i } of pts) {
        parts.push(`<circle class="pt" cx="${num(x(g.alpha))}" cy="${num(y(g.metrics[metric]))}" r="3" fill="${color}"><title>#${i} alpha ${g.alpha}, window ${w}: ${metric} ${fmtPct(g.metrics[metric])}</title></circle>`);
      }
    }
    parts.push(`<text class="legend-t" x="${W - PAD.r + 4}" y="${PAD.t + 40 + wi * 16}" fill="${color}">window ${w}</text>`);
  });
  parts.push(`<text class="tick" x="${W - PAD.r + 4}" y="${PAD.t + 12}">solid: fpr_ext</text><text class="tick" x="${W - PAD.r + 4}" y="${PAD.t + 26}">dashed: fnr_ext</text>`);
  const cur = report.grid[report.current.grid_index];
  if (cur) parts.push(marker(x(cur.alpha), y(cur.metrics.fpr_ext), 'current', `current: alpha ${cur.alpha}, window ${cur.window_size}`));
  const ri = report.recommendation.grid_index;
  const rec = ri === null ? undefined : report.grid[ri];
  if (rec) parts.push(marker(x(rec.alpha), y(rec.metrics.fpr_ext), 'recommended', `recommended: alpha ${rec.alpha}, window ${rec.window_size}`));
  return `<svg class="chart" id="rate-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="False-positive and false-negative rates per alpha">${parts.join('')}</svg>`;
}

function marker(cx: number, cy: number, kind: 'current' | 'recommended', title: string): string {
  if (kind === 'current') return `<circle class="mark-current" cx="${num(cx)}" cy="${num(cy)}" r="13" fill="none" stroke-width="2"><title>${esc(title)}</title></circle>`;
  const s = 9;
  return `<polygon class="mark-recommended" points="${num(cx)},${num(cy - s)} ${num(cx + s)},${num(cy)} ${num(cx)},${num(cy + s)} ${num(cx - s)},${num(cy)}" fill="none" stroke-width="2"><title>${esc(title)}</title></polygon>`;
}

/** p50/p90/p99/max decision latency per grid point against the SLO-06 line (log scale). */
export function latencyChart(report: CalibrationReport): string {
  const pts = report.grid.map((g, i) => ({ g, i })).filter(({ g }) => g.metrics.latency_ms !== null);
  if (pts.length === 0) return `<p class="muted" id="latency-chart">Latency not measured (<code>--no-latency</code>); SLO-06 is not judged.</p>`;
  const slo = report.slo.slo06_p99_ms;
  const maxV = Math.max(slo * 2, ...pts.map(({ g }) => g.metrics.latency_ms!.max));
  const minV = Math.max(0.0005, Math.min(...pts.map(({ g }) => Math.max(g.metrics.latency_ms!.p50, 0.0005))) / 2);
  const y = logScale(minV, maxV, H - PAD.b, PAD.t);
  const band = (W - PAD.l - PAD.r) / pts.length;
  const parts: string[] = [`<line class="axis" x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}"/><line class="axis" x1="${PAD.l}" y1="${PAD.t}" x2="${PAD.l}" y2="${H - PAD.b}"/>`];
  for (const v of [0.001, 0.01, 0.1, 1, 10, 100, 1000]) {
    if (v < minV || v > maxV) continue;
    parts.push(`<text class="tick" x="${PAD.l - 6}" y="${num(y(v)) + 4}" text-anchor="end">${v} ms</text><line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${num(y(v))}" y2="${num(y(v))}"/>`);
  }
  const keys = ['p50', 'p90', 'p99', 'max'] as const;
  const shades = ['#60a5fa', '#3b82f6', '#1d4ed8', '#94a3b8'];
  pts.forEach(({ g, i }, k) => {
    const l = g.metrics.latency_ms!;
    const bw = Math.min(14, (band - 8) / 4);
    keys.forEach((key, j) => {
      const bx = PAD.l + k * band + 4 + j * bw;
      const top = y(l[key]);
      parts.push(`<rect class="lat ${key}" x="${num(bx)}" y="${num(top)}" width="${num(bw - 1)}" height="${num(H - PAD.b - top)}" fill="${shades[j]}"><title>#${i} alpha ${g.alpha}, window ${g.window_size}: ${key} ${l[key]} ms</title></rect>`);
    });
    const cx = num(PAD.l + k * band + band / 2);
    if (pts.length <= 12 || k % Math.ceil(pts.length / 12) === 0) parts.push(`<text class="tick" x="${cx}" y="${H - PAD.b + 14}" text-anchor="middle">#${i}</text>`);
    if (i === report.current.grid_index) parts.push(`<text class="tick mark-c" x="${cx}" y="${H - PAD.b + 27}" text-anchor="middle">○ current</text>`);
    if (i === report.recommendation.grid_index) parts.push(`<text class="tick mark-r" x="${cx}" y="${H - PAD.b + (i === report.current.grid_index ? 38 : 27)}" text-anchor="middle">◇ rec.</text>`);
  });
  parts.push(`<line class="slo slo06" x1="${PAD.l}" x2="${W - PAD.r}" y1="${num(y(slo))}" y2="${num(y(slo))}"/><text class="slo-label" x="${W - PAD.r + 4}" y="${num(y(slo)) + 4}">SLO-06 p99 ≤ ${slo} ms</text>`);
  keys.forEach((key, j) => parts.push(`<text class="legend-t" x="${W - PAD.r + 4}" y="${H - PAD.b - 70 + j * 16}" fill="${shades[j]}">${key}</text>`));
  return `<svg class="chart" id="latency-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Decision latency per grid point">${parts.join('')}</svg>`;
}

function gridTable(report: CalibrationReport): string {
  const yes = (b: boolean | null) => (b === null ? '<span class="muted">n/a</span>' : b ? '<span class="ok">✓</span>' : '<span class="bad">✗</span>');
  const row = (g: GridPoint, i: number) => {
    const cls = [i === report.current.grid_index ? 'current' : '', i === report.recommendation.grid_index ? 'recommended' : ''].join(' ').trim();
    const tag = [i === report.current.grid_index ? 'current' : '', i === report.recommendation.grid_index ? 'recommended' : ''].filter(Boolean).join(', ');
    return `<tr class="${cls}"><td>#${i}</td><td>${esc(g.alpha)}</td><td>${g.window_size}</td><td>${fmtPct(g.metrics.fpr_ext)}</td><td>${fmtPct(g.metrics.fnr_ext)}</td><td>${fmtPct(g.metrics.fpr_call)}</td><td>${fmtPct(g.metrics.fnr_call)}</td><td>${g.metrics.latency_ms ? g.metrics.latency_ms.p99 : '–'}</td><td>${yes(g.meets.slo06)} ${yes(g.meets.slo10)} ${yes(g.meets.slo11)}</td><td>${esc(tag)}</td></tr>`;
  };
  return `<table id="grid"><thead><tr><th></th><th>alpha</th><th>window</th><th>fpr_ext</th><th>fnr_ext</th><th>fpr_call</th><th>fnr_call</th><th>p99 ms</th><th>SLO 06/10/11</th><th></th></tr></thead><tbody>${report.grid.map(row).join('')}</tbody></table>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 24px; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
.muted { opacity: 0.7; } .ok { color: #16a34a; } .bad { color: #dc2626; font-weight: 600; }
.pill { display: inline-block; padding: 2px 8px; border-radius: 10px; font-weight: 600; margin-right: 6px; }
.pill.pass { background: #16a34a33; color: #16a34a; } .pill.fail { background: #dc262633; color: #dc2626; }
table { border-collapse: collapse; margin: 6px 0; } th, td { padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); text-align: left; }
tr.current td { font-weight: 600; } tr.recommended td { background: #16a34a22; }
svg.chart { max-width: 100%; height: auto; } svg .axis { stroke: currentColor; opacity: 0.6; } svg .grid { stroke: currentColor; opacity: 0.12; }
svg .tick, svg .legend-t, svg .slo-label { font-size: 11px; } svg .tick { fill: currentColor; } svg .legend-t { font-weight: 600; }
svg .slo { stroke: #dc2626; stroke-width: 1.5; stroke-dasharray: 6 3; } svg .slo-label { fill: #dc2626; }
svg .mark-current { stroke: var(--vscode-foreground); } svg .mark-recommended { stroke: #16a34a; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 5px 12px; margin: 4px 6px 4px 0; cursor: pointer; border-radius: 2px; }
button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
code, pre { font-family: var(--vscode-editor-font-family); } pre { background: var(--vscode-textCodeBlock-background, #8882); padding: 8px; }
ul.rationale li { margin: 4px 0; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-action]') : null;
  if (!target) return;
  vscode.postMessage({ type: target.getAttribute('data-action') });
});
`;

export function renderCalibrationHtml(report: CalibrationReport, opts: CalibrationViewOptions): string {
  const r = report.recommendation;
  const cur = report.grid[report.current.grid_index];
  const rationale = r.rationale.length === 0
    ? '<p class="muted">The current point is recommended; no symptom of the playbook\'s table fires.</p>'
    : `<ul class="rationale">${r.rationale.map((x) => `<li><b>${esc(x.symptom)}</b> → ${esc(x.adjustment)}: <code>${esc(x.parameter)}</code> ${esc(x.from)} → <b>${esc(x.to)}</b> <span class="muted">(${esc(x.evidence)}${x.not_simulated ? ', not simulated' : ''})</span>${x.note ? `<br><span class="muted">${esc(x.note)}</span>` : ''}</li>`).join('')}</ul>`;
  const traces = report.inputs.traces.map((t) => `<li><code>${esc(t.path)}</code>: ${t.rejected ? '<span class="bad">rejected</span>' : `${t.calls} calls, ${t.extensions} extensions, ${t.invalid_requests} invalid requests, ${t.policy_denied} policy-denied`}${t.warnings_total > 0 ? ` · ${t.warnings_total} problem(s): ${t.warnings.slice(0, 3).map((w) => `${esc(w.code)} line ${w.line}`).join(', ')}` : ''}</li>`).join('');
  const worst = worstExtensions(report).map((e) => `<tr><td>${esc(e.trace)}</td><td>${esc(e.extension_id)}</td><td>${esc(e.label)}</td><td>${e.calls}</td><td>${e.flagged}</td><td>${e.detected}</td><td>${e.quarantined_at_seq ?? '–'}</td><td>${e.max_score.toFixed(3)}</td></tr>`).join('');
  const rr = report.rollout_readiness;
  const body = `<h1>Risk controller calibration</h1>
<p><span class="pill ${r.meets_slos ? 'pass' : 'fail'}" id="verdict">${r.meets_slos ? 'meets SLO-06/10/11' : 'SLOs not met'}</span>
<span class="muted">${esc(report.generated_at)} · ${esc(report.inputs.policy_mode)} policy · ${report.inputs.simulate_enforcement ? 'simulated enforcement' : 'shadow'}${opts.reportPath ? ` · ${esc(opts.reportPath)}` : ''}</span></p>
<h2>Recommendation</h2>
<p id="recommendation">alpha <b>${esc(r.alpha)}</b>, windowSize <b>${r.window_size}</b>, decisionTimeoutMs <b>${r.decision_timeout_ms}</b>, ledgerLimit <b>${r.ledger_limit}</b>
<span class="muted">(current: alpha ${esc(report.current.alpha)}, windowSize ${report.current.window_size})</span></p>
${rationale}
<pre id="patch">${esc(JSON.stringify(r.settings_patch, null, 2))}</pre>
<button data-action="apply" id="apply" title="Minimal edit of .pi/settings.json; enforce stays false until you enable it">Apply to .pi/settings.json (shadow mode)</button>
<button class="secondary" data-action="openReport">Open report JSON</button>
<button class="secondary" data-action="openMarkdown">Markdown summary</button>
<h2>False positives and false negatives per alpha</h2>
${rateChart(report)}
<p class="muted">Lower alpha → fewer false positives (alpha is a Type-I error budget); higher alpha → earlier escalation, fewer missed threats. ○ current point, ◇ recommended point.</p>
<h2>Decision latency</h2>
${latencyChart(report)}
<h2>Grid</h2>
${gridTable(report)}
<h2>Rollout readiness</h2>
<p id="rollout">${rr.would_rollback ? `<span class="bad">In enforce_all the rollback trigger would fire at sample ${rr.at_sample}</span>: ${esc(rr.reason)}` : '<span class="ok">No rollback trigger would fire in enforce_all.</span>'}
${cur ? `<span class="muted"> Current point: ${cur.metrics.actions.harden} harden, ${cur.metrics.harden_blocking} blocking, ${cur.metrics.quarantined_extensions} quarantined extension(s); ${fmtPct(cur.metrics.fp_cold_start_share)} of false positives in the cold start.</span>` : ''}</p>
<h2>Worst extensions (recommended point)</h2>
<table id="worst"><thead><tr><th>trace</th><th>extension</th><th>label</th><th>calls</th><th>flagged</th><th>detected</th><th>quarantined at</th><th>max score</th></tr></thead><tbody>${worst}</tbody></table>
<h2>Inputs</h2>
<ul>${traces}</ul>`;
  return webviewPage({ title: 'Risk controller calibration', nonce: opts.nonce, cspSource: opts.cspSource, style: STYLE, body, script: SCRIPT });
}
