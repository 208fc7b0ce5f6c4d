/**
 * Dashboards benchmark (issue 7, README "Performance budgets": generating all artifacts for the
 * sample workspace ≤ 1 s):   npm run bench -- --only dashboards [--runs N] [--dir PATH]
 * Copies the workspace (default examples/workspace) to a temporary folder, then times
 * `dashboard all` (scanner summary → waiver audit → compatibility dashboard → gate table) plus the
 * Markdown summary and the view HTML, N times. Writes bench/results/dashboards.json.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../shared/common/clock';
import { generateDashboards } from '../shared/dashboards/generate';
import { loadDashboardData } from '../shared/dashboards/model';
import { createDashboardPorts } from '../shared/dashboards/ports';
import { renderDashboardHtml } from '../shared/dashboards/view';
import { DEFAULT_DASHBOARD_PATHS } from '../shared/settings/schema';

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(flag('--runs') ?? 10);
const source = flag('--dir') ?? join(ROOT, 'examples', 'workspace');
const BUDGET_MS = 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const ws = mkdtempSync(join(tmpdir(), 'pi-dash-bench-'));
cpSync(source, ws, { recursive: true });
const home = mkdtempSync(join(tmpdir(), 'pi-dash-home-'));
const clock = fixedClock(Date.now());
const all: number[] = [];
const gen: number[] = [];
const view: number[] = [];
let verdict = '';
try {
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const ports = createDashboardPorts({ workspace: ws, globalDir: join(home, 'agent'), homeDir: home, env: {}, clock, toolVersion: 'bench' });
    const r = generateDashboards({ target: 'all', workspace: ws, paths: { ...DEFAULT_DASHBOARD_PATHS }, env: {}, clock, markdownPath: join(ws, 'out', 'summary.md') }, ports);
    const t1 = performance.now();
    const data = loadDashboardData({ paths: DEFAULT_DASHBOARD_PATHS, resolve: (rel) => join(ws, rel), renderedAt: new Date().toISOString(), today: clock.today(), secretsCoverage: null });
    renderDashboardHtml(data, { nonce: 'bench', cspSource: 'bench' });
    const t2 = performance.now();
    gen.push(t1 - t0);
    view.push(t2 - t1);
    all.push(t2 - t0);
    verdict = r.gates?.verdict ?? '';
  }
} finally {
  rmSync(ws, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const stats = (xs: number[]) => {
  const s = sorted(xs);
  return { min: +s[0].toFixed(2), median: +percentile(s, 0.5).toFixed(2), p95: +percentile(s, 0.95).toFixed(2), max: +s[s.length - 1].toFixed(2) };
};
const result = {
  benchmark: 'dashboards',
  workspace: source.startsWith(ROOT) ? source.slice(ROOT.length + 1) : source,
  runs,
  budget_ms: BUDGET_MS,
  generate_all_ms: stats(gen),
  read_and_render_view_ms: stats(view),
  total_ms: stats(all),
  first_run_ms: +all[0].toFixed(2),
  within_budget: Math.max(...all) <= BUDGET_MS,
  gate_verdict: verdict,
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, platform: `${platform()} ${release()}` },
  measured_at: new Date().toISOString(),
};
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'dashboards.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`dashboards: generate all median ${result.generate_all_ms.median} ms (max ${result.generate_all_ms.max} ms, first ${result.first_run_ms} ms); view ${result.read_and_render_view_ms.median} ms; budget ${BUDGET_MS} ms: ${result.within_budget ? 'OK' : 'EXCEEDED'}`);
process.exitCode = result.within_budget ? 0 : 1;
