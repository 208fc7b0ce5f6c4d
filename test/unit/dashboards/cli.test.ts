import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import { fixedClock } from '../../../shared/common/clock';
import { DEFAULT_DASHBOARD_PATHS } from '../../../shared/settings/schema';
import { dashboardCommands } from '../../../server/src/cli/commands/dashboard';
import { runCli } from '../../../server/src/cli/main';
import { InputError, UsageError, type CliCommand } from '../../../server/src/cli/types';
import { HOST_GATE_ARTIFACTS } from '../../../shared/dashboards/gates';
import { NOW, put, putJson, sampleWorkspace, tempDir } from './helpers';

const P = DEFAULT_DASHBOARD_PATHS;

function cmd(target: string): CliCommand {
  const c = dashboardCommands.find((x) => x.name === `dashboard ${target}`);
  assert.ok(c);
  return c;
}

async function run(target: string, argv: string[], cwd: string, env: Record<string, string> = {}) {
  const c = cmd(target);
  const parsed = parseArgs({ args: argv, options: c.options, allowPositionals: true, strict: true });
  let stdout = '';
  let stderr = '';
  const code = await c.run(
    { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals },
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env, clock: fixedClock(NOW) },
  );
  return { code, stdout, stderr };
}

describe('pi-sec dashboard (CLI)', () => {
  it('registers compat, gates, summary and all', () => {
    assert.deepEqual(dashboardCommands.map((c) => c.name), ['dashboard compat', 'dashboard gates', 'dashboard summary', 'dashboard all']);
    for (const c of dashboardCommands) for (const o of ['out-dir', 'baseline', 'update-baseline', 'force', 'lane', 'presets-only', 'markdown', 'project-dir', 'global-dir']) assert.ok(o in c.options, `${c.name} --${o}`);
  });

  it('gates: writes the table, reads CI_GATE_* from the environment, exits 1 on fail', async () => {
    const ws = sampleWorkspace();
    let r = await run('gates', [], ws);
    // The compatibility dashboard is missing: security_compat fails closed.
    assert.equal(r.code, 1);
    assert.match(r.stdout, /wrote tests\/full_suite_gate\/security_gate_table\.json/);
    assert.match(r.stdout, /verdict: fail/);
    assert.match(r.stdout, /reproduce: pi-sec dashboard compat/);
    const table = JSON.parse(readFileSync(join(ws, P.gateTable), 'utf8'));
    assert.equal(table.lane, 'full');
    assert.equal(table.thresholds.source.min_pass_rate_pct, 'default');
    r = await run('gates', ['--lane', 'preflight'], ws, { CI_GATE_MIN_PASS_RATE_PCT: 'x' });
    const t2 = JSON.parse(readFileSync(join(ws, P.gateTable), 'utf8'));
    assert.equal(t2.lane, 'preflight');
    assert.equal(t2.thresholds.min_pass_rate_pct, null);
    assert.equal(t2.gates[5].detail, 'invalid CI_GATE_MIN_PASS_RATE_PCT="x"');
  });

  it('--project-dir, --out-dir and --markdown', async () => {
    const ws = sampleWorkspace();
    const out = tempDir();
    const r = await run('gates', ['--project-dir', ws, '--out-dir', out, '--markdown', join(out, 'summary.md')], tempDir());
    assert.equal(r.code, 1);
    assert.ok(existsSync(join(out, P.gateTable)));
    assert.ok(!existsSync(join(ws, P.gateTable)));
    assert.match(readFileSync(join(out, 'summary.md'), 'utf8'), /## CI gates \(lane full\)/);
  });

  it('summary writes the scanner summary and exits 0', async () => {
    const ws = sampleWorkspace();
    put(ws, '.pi/extensions/hello/index.js', 'export function activate(pi) { pi.log("hi"); }\n');
    const r = await run('summary', [], ws);
    assert.equal(r.code, 0);
    const s = JSON.parse(readFileSync(join(ws, P.scanSummary), 'utf8'));
    assert.equal(s.schema, 'pi.sec.scan_summary.v1');
    assert.equal(s.extensions[0].extension_id, 'hello');
    assert.equal(s.generated_at, '2026-02-20T12:00:00.000Z');
  });

  it('usage errors (exit 2) and input errors (exit 3)', async () => {
    const ws = sampleWorkspace();
    await assert.rejects(run('gates', ['--lane', 'nightly'], ws), UsageError);
    await assert.rejects(run('gates', ['--update-baseline'], ws), UsageError);
    await assert.rejects(run('compat', ['--force'], ws), UsageError);
    await assert.rejects(run('summary', ['extra'], ws), UsageError);
    await assert.rejects(run('gates', ['--project-dir', join(ws, 'nope')], ws), InputError);
    await assert.rejects(run('gates', ['--gates-file', join(ws, 'nope.json')], ws), InputError);
    put(ws, 'gates.json', '[{"id": "x"}]');
    await assert.rejects(run('gates', ['--gates-file', 'gates.json'], ws), /--gates-file .*gates\.json: 0\.name/);
    const dirWs = tempDir();
    put(dirWs, 'tests/suite_classification.toml/x', '');
    await assert.rejects(run('gates', [], dirWs), InputError);
  });

  it('--gates-file adds declared gates', async () => {
    const ws = sampleWorkspace();
    putJson(ws, 'gates.json', [{ id: 'sec_conformance', name: 'Security conformance', blocking: false, artifact: 'tests/sec.json', check: { kind: 'json_field_in', path: 'verdict', values: ['pass'] } }]);
    putJson(ws, 'tests/sec.json', { verdict: 'pass' });
    await run('gates', ['--gates-file', 'gates.json'], ws);
    const t = JSON.parse(readFileSync(join(ws, P.gateTable), 'utf8'));
    assert.equal(t.gates.at(-1).id, 'sec_conformance');
    assert.equal(t.gates.at(-1).status, 'pass');
  });

  it('compat: 24 checks, exit 1 on a regression, refused and forced baseline updates', async () => {
    const ws = sampleWorkspace();
    const g = tempDir();
    let r = await run('compat', ['--global-dir', g, '--update-baseline'], ws);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /compatibility \(configured\): 24\/24 checks pass/);
    assert.match(r.stdout, /baseline updated/);
    const base = readFileSync(join(ws, P.compatBaseline), 'utf8');
    putJson(ws, '.pi/settings.json', { extensionPolicy: { allowDangerous: true } });
    r = await run('compat', ['--global-dir', g, '--update-baseline'], ws);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^Baseline update refused: a regression is detected/m);
    assert.equal(readFileSync(join(ws, P.compatBaseline), 'utf8'), base);
    const d = JSON.parse(readFileSync(join(ws, P.compatDashboard), 'utf8'));
    assert.deepEqual(d.rate_regressions, [{ profile: 'standard', baseline_pct: 100, current_pct: 66.7 }]);
    assert.equal(d.baseline.path, P.compatBaseline);
    r = await run('compat', ['--global-dir', g, '--presets-only'], ws);
    assert.equal(r.code, 0);
    r = await run('compat', ['--global-dir', g, '--update-baseline', '--force'], ws);
    assert.equal(JSON.parse(readFileSync(join(ws, P.compatBaseline), 'utf8')).forced, true);
    r = await run('compat', ['--global-dir', g], ws, { PI_EXTENSION_ALLOW_DANGEROUS: 'false' });
    assert.equal(r.code, 0); // known failures accepted by the forced baseline
    await assert.rejects(run('compat', ['--global-dir', g, '--baseline', 'missing.json'], ws), InputError);
    put(ws, 'broken-baseline.json', '{');
    r = await run('compat', ['--global-dir', g, '--baseline', 'broken-baseline.json'], ws);
    assert.match(r.stderr, /^Baseline broken-baseline\.json ignored: not valid JSON/m);
    assert.equal(r.code, 1);
  });

  it('all: writes the four artifacts in order and exits 1 when the gate verdict fails', async () => {
    const ws = sampleWorkspace();
    const r = await run('all', ['--global-dir', tempDir(), '--markdown', 'summary.md'], ws);
    assert.deepEqual(r.stdout.split('\n').filter((l) => l.startsWith('wrote ')), [
      `wrote ${P.scanSummary}`, `wrote ${P.waiverAudit}`, `wrote ${P.compatDashboard}`, `wrote ${P.compatEvents}`, `wrote ${P.gateTable}`, 'wrote summary.md',
    ]);
    // sampleWorkspace: ext_must_pass fails but is waived; one waiver expires soon -> warn, exit 0.
    assert.match(r.stdout, /verdict: warn/);
    assert.equal(r.code, 0);
    put(ws, HOST_GATE_ARTIFACTS.conformanceRegression, '{"status": ');
    const r2 = await run('all', ['--global-dir', tempDir()], ws);
    assert.equal(r2.code, 1);
    assert.match(r2.stdout, /fail  conformance_regression  Artifact is not valid JSON/);
  });

  it('exit codes through the CLI entry point: 0, 1, 2, 3', async () => {
    const ws = sampleWorkspace();
    const g = tempDir();
    const io = (env: Record<string, string> = {}) => ({ stdout: () => undefined, stderr: () => undefined, cwd: ws, env: { PI_SEC_NOW_MS: String(NOW), ...env } });
    assert.equal(await runCli(['dashboard', 'summary'], io()), 0);
    assert.equal(await runCli(['dashboard', 'compat', '--global-dir', g], io()), 0);
    assert.equal(await runCli(['dashboard', 'gates', '--lane', 'nightly'], io()), 2);
    assert.equal(await runCli(['dashboard', 'gates', '--bogus'], io()), 2);
    assert.equal(await runCli(['dashboard', 'compat', '--global-dir', g, '--baseline', 'nope.json'], io()), 3);
    assert.equal(await runCli(['dashboard', 'all', '--global-dir', g], io()), 0);
    assert.equal(await runCli(['dashboard', 'all', '--global-dir', g], io({ CI_GATE_MAX_FAIL_COUNT: '3' })), 1);
    assert.equal(await runCli(['dashboard', 'gates'], io({ PI_SEC_NOW_MS: 'soon' })), 2);
  });
});
