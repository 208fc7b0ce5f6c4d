/**
 * Waiver validator benchmark (waivers.md §9: ≤ 10 ms per change for a typical file, ≤ 30 ms for a
 * 1,000-waiver file). Run by `npm run bench` (bench/run.ts) or directly:
 * `node --import tsx bench/waivers.ts` → writes bench/results/waivers.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { DEFAULT_KNOWN_GATES } from '../shared/settings/schema';
import { buildWaiverAudit } from '../shared/waivers/audit';
import { lensTitle } from '../shared/waivers/editor';
import { validateWaiverFile } from '../shared/waivers/validate';

const TODAY = '2026-02-20';

/** A realistic file: suites, then `n` waivers in the three forms, some with defects. */
export function makeWaiverFile(n: number): string {
  const lines: string[] = ['# Test suite classification', '[suite.unit]', 'files = ["a_test", "b_test"]', '', '[suite.vcr]', 'files = ["c_test"]', '', '[suite.e2e]', 'files = ["d_test"]', ''];
  for (let i = 0; i < n; i++) {
    const gate = i < DEFAULT_KNOWN_GATES.length ? DEFAULT_KNOWN_GATES[i] : `gate_${i}`;
    const created = `2026-02-${String(1 + (i % 20)).padStart(2, '0')}`;
    const expires = `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`;
    lines.push(
      `# waiver ${i}`,
      `[waiver.${gate}]`,
      `owner = "owner-${i}"`,
      i % 17 === 0 ? `created = ${created}` : `created = "${created}"`,
      `expires = "${expires}"`,
      `bead = "bd-${(i * 7919).toString(36)}.${i % 5}"`,
      `reason = "Reason number ${i} with some words in it"`,
      `scope = "${['full', 'preflight', 'both'][i % 3]}"`,
      ...(i % 11 === 0 ? [] : [`remove_when = "Condition ${i} holds and the gate passes"`]),
      '',
    );
  }
  return lines.join('\n');
}

function measure(fn: () => void, runs: number, warmup: number): { median_ms: number; p95_ms: number; min_ms: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { median_ms: round(times[times.length >> 1]), p95_ms: round(times[Math.floor(times.length * 0.95)]), min_ms: round(times[0]) };
}

export interface WaiverBenchResult {
  area: 'waivers';
  note: string;
  machine: { cpu: string; cores: number; node: string; load_average_1m: number };
  cases: { name: string; waivers: number; bytes: number; budget_ms: number; median_ms: number; p95_ms: number; min_ms: number; within_budget: boolean }[];
}

export function runWaiverBench(): WaiverBenchResult {
  const cases: WaiverBenchResult['cases'] = [];
  const add = (name: string, n: number, budget: number, work: (text: string) => void): void => {
    const text = makeWaiverFile(n);
    const m = measure(() => work(text), 60, 15);
    cases.push({ name, waivers: n, bytes: text.length, budget_ms: budget, ...m, within_budget: m.median_ms <= budget });
  };
  const validate = (text: string): void => {
    const r = validateWaiverFile(text, { today: TODAY, knownGates: DEFAULT_KNOWN_GATES });
    if (r.syntax) throw new Error('benchmark file must be valid TOML');
  };
  add('validate (diagnostics) — typical file', 20, 10, validate);
  add('validate (diagnostics) — 1,000 waivers', 1000, 30, validate);
  add('validate + CodeLens + audit — 1,000 waivers', 1000, 30, (text) => {
    const r = validateWaiverFile(text, { today: TODAY, knownGates: DEFAULT_KNOWN_GATES });
    r.waivers.map(lensTitle);
    buildWaiverAudit({ result: r, sourcePath: 'tests/suite_classification.toml', today: TODAY, nowMs: 0 });
  });
  return {
    area: 'waivers',
    note: 'within_budget compares the median with the budget. The machine is shared: when load_average_1m exceeds the core count, min_ms is the better estimate of the unloaded cost.',
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, load_average_1m: Math.round(loadavg()[0] * 100) / 100 },
    cases,
  };
}

export function writeWaiverBench(result: WaiverBenchResult, root = join(dirname(new URL(import.meta.url).pathname), '..')): string {
  const path = join(root, 'bench/results/waivers.json');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(result, null, 2) + '\n');
  return path;
}

if (process.argv[1] && /bench[\\/]waivers\.ts$/.test(process.argv[1])) {
  const result = runWaiverBench();
  for (const c of result.cases) console.log(`${c.within_budget ? 'ok  ' : 'SLOW'} ${c.name}: median ${c.median_ms} ms, p95 ${c.p95_ms} ms (budget ${c.budget_ms} ms)`);
  console.log(`written ${writeWaiverBench(result)}`);
}
