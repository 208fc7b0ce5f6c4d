import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { evidenceEntrySchema, scanSummarySchema, scannerSloSchema } from '../../../shared/scanner/report/schemas';

const NOW = Date.UTC(2026, 10, 24, 12);

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pi-sec-scan-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env: { PI_SEC_NOW_MS: String(NOW), HOME: cwd } });
  return { code, stdout, stderr };
}

describe('pi-sec scan: summary, policy options, fail-on', () => {
  const dir = tree({
    '.pi/extensions/runner/index.js': 'export default function (pi) {\n  pi.exec("rm", ["-rf", "/"]);\n}\n',
    '.pi/extensions/quiet/index.js': 'export const x = 1;\n',
  });

  it('writes a schema-valid scanner summary with --summary', async () => {
    const r = await cli(['scan', '--summary', 'out/summary.json', '--fail-on', 'never', '--global-dir', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    const summary = scanSummarySchema.parse(JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf8')));
    assert.equal(summary.generated_at, '2026-11-24T12:00:00.000Z');
    assert.deepEqual(summary.extensions.map((e) => e.extension_id), ['runner', 'quiet']);
    const runner = summary.extensions[0];
    assert.equal(runner.capabilities[0].capability, 'exec');
    assert.equal(runner.capabilities[0].decision, 'deny');
    assert.deepEqual(runner.exec_commands.map((c) => [c.preview, c.decision]), [['rm -rf /', 'deny']]);
    assert.equal(summary.policy.profile, 'safe');
  });

  it('applies the effective policy: POL-EXEC-001 and POL-CAP-001 under safe; --extension-policy is the CLI layer', async () => {
    const safe = JSON.parse((await cli(['scan', '--format', 'json', '--fail-on', 'never', '--global-dir', '.'], dir)).stdout) as { findings: { rule_id: string }[]; policy: { profile: string; profile_source: string } };
    const ids = safe.findings.map((f) => f.rule_id);
    assert.ok(ids.includes('POL-EXEC-001'), ids.join());
    assert.ok(ids.includes('POL-CAP-001'), ids.join());
    const permissive = JSON.parse((await cli(['scan', '--format', 'json', '--fail-on', 'never', '--extension-policy', 'permissive', '--global-dir', '.'], dir)).stdout) as typeof safe;
    assert.equal(permissive.policy.profile, 'permissive');
    assert.equal(permissive.policy.profile_source, 'cli');
  });

  it('writes evidence JSONL in report order, one schema-valid line per finding, without snippets', async () => {
    const r = await cli(['scan', '--evidence-jsonl', 'ev.jsonl', '--format', 'json', '--fail-on', 'never', '--global-dir', '.'], dir);
    const json = JSON.parse(r.stdout) as { findings: { rule_id: string; fingerprint: string; line: number }[] };
    const lines = readFileSync(join(dir, 'ev.jsonl'), 'utf8').trimEnd().split('\n').map((l) => evidenceEntrySchema.parse(JSON.parse(l)));
    assert.equal(lines.length, json.findings.length);
    assert.deepEqual(lines.map((l) => [l.entry_index, l.rule_id, l.fingerprint]), json.findings.map((f, i) => [i, f.rule_id, f.fingerprint]));
    assert.ok(!readFileSync(join(dir, 'ev.jsonl'), 'utf8').includes('rm -rf'));
  });

  it('fail-on: POL hits make REVIEW (not BLOCK), a Critical POL-EXEC-001 trips error; missing policy dirs are exit 3', async () => {
    assert.equal((await cli(['scan', '--global-dir', '.'], dir)).code, 0);
    assert.equal((await cli(['scan', '--global-dir', '.', '--fail-on', 'review'], dir)).code, 1);
    assert.equal((await cli(['scan', '--global-dir', '.', '--fail-on', 'error'], dir)).code, 1);
    assert.equal((await cli(['scan', '--global-dir', '.', '--fail-on', 'error', '.pi/extensions/quiet'], dir)).code, 0);
    assert.equal((await cli(['scan', '--global-dir', 'nope'], dir)).code, 3);
    assert.equal((await cli(['scan', '--project-dir', 'nope'], dir)).code, 3);
  });
});

describe('pi-sec scan --expect (scanner.md §9.3)', () => {
  const dir = tree({
    'corpus/adv/a/index.js': '// pi-expect: SEC-EVAL-001\neval(x);\n',
    'corpus/adv/b.js': 'const run = eval;\nrun(code); // pi-expect: SEC-EVAL-001\n',
    'corpus/ben/c/index.js': '// pi-expect: clean\nconst s = "eval(x)";\n',
    'corpus/ben/d.js': 'export const add = (a, b) => a + b;\n',
    'corpus/bad-ben/e.js': 'eval(y);\n',
  });

  it('passes on a satisfied corpus and prints/writes pi.sec.scanner_slo.v1', async () => {
    const r = await cli(['scan', '--expect', '--corpus', 'adversarial=corpus/adv', '--corpus', 'benign=corpus/ben', '--format', 'json', '--global-dir', '.'], dir);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const slo = scannerSloSchema.parse(JSON.parse(r.stdout));
    assert.equal(slo.detection_rate, 1);
    assert.equal(slo.false_positive_rate, 0);
    assert.deepEqual(slo.per_rule, [{ rule: 'SEC-EVAL-001', expected: 2, found: 2 }]);
    const written = await cli(['scan', '--expect', '--corpus', 'adversarial=corpus/adv', '--output', 'slo.json', '--global-dir', '.'], dir);
    assert.equal(written.code, 0);
    assert.match(written.stdout, /^detection rate \(SLO-02\): 100\.00 %/);
    assert.equal(scannerSloSchema.parse(JSON.parse(readFileSync(join(dir, 'slo.json'), 'utf8'))).pass, true);
  });

  it('measures the rulebook without policy by default; an explicit policy option adds POL rules', async () => {
    const capDir = tree({ 'ben/ui.js': 'export default function (pi) {\n  // pi-expect: clean\n  pi.exec("ls");\n}\n' });
    assert.equal((await cli(['scan', '--expect', '--corpus', 'benign=ben'], capDir)).code, 0);
    const withPolicy = await cli(['scan', '--expect', '--corpus', 'benign=ben', '--extension-policy', 'safe', '--global-dir', '.'], capDir);
    assert.equal(withPolicy.code, 1);
    assert.match(withPolicy.stdout, /POL-CAP-001/);
  });

  it('exits 1 when the false-positive ceiling is broken', async () => {
    const r = await cli(['scan', '--expect', '--corpus', 'benign=corpus/bad-ben', '--global-dir', '.'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /false positive: e: SEC-EVAL-001 corpus\/bad-ben\/e\.js:1/);
  });

  it('usage errors: positional paths, no corpus, malformed corpus; missing corpus dir is exit 3', async () => {
    assert.equal((await cli(['scan', '--expect', '--corpus', 'benign=corpus/ben', 'x'], dir)).code, 2);
    assert.equal((await cli(['scan', '--expect'], dir)).code, 2);
    assert.equal((await cli(['scan', '--expect', '--corpus', 'weird=corpus'], dir)).code, 2);
    assert.equal((await cli(['scan', '--corpus', 'benign=corpus/ben'], dir)).code, 2);
    assert.equal((await cli(['scan', '--expect', '--corpus', 'benign=nope'], dir)).code, 3);
  });
});
