import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';

const SAMPLE = join(__dirname, '..', '..', '..', 'examples', 'workspace');

async function cli(argv: string[], cwd = SAMPLE, env: Record<string, string> = { PI_SEC_NOW_MS: String(Date.UTC(2026, 10, 24, 12)) }) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env });
  return { code, stdout, stderr };
}

function tempUnit(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pi-sec-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('pi-sec CLI framework', () => {
  it('prints help and exits 0; no command is a usage error', async () => {
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^pi-sec .*\n\nUsage: pi-sec <command>/);
    assert.match(help.stdout, /\n {2}scan +Scan extension sources/);
    assert.equal((await cli([])).code, 2);
  });

  it('exits 2 on an unknown command, an unknown flag or a bad flag value', async () => {
    assert.equal((await cli(['frobnicate'])).code, 2);
    const flag = await cli(['scan', '--no-such-flag']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^pi-sec: Unknown option '--no-such-flag'/);
    assert.equal((await cli(['scan', '--format', 'xml'])).code, 2);
    assert.equal((await cli(['scan', '--fail-on', 'sometimes'])).code, 2);
  });

  it('exits 2 on a malformed PI_SEC_TODAY or PI_SEC_NOW_MS', async () => {
    const today = await cli(['scan'], SAMPLE, { PI_SEC_TODAY: '2026-02-30' });
    assert.equal(today.code, 2);
    assert.match(today.stderr, /PI_SEC_TODAY must be a real date/);
    assert.equal((await cli(['scan'], SAMPLE, { PI_SEC_NOW_MS: 'soon' })).code, 2);
  });

  it('exits 3 when a path does not exist', async () => {
    const r = await cli(['scan', 'no/such/dir']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /no such file or directory: no\/such\/dir/);
  });
});

describe('pi-sec scan', () => {
  it('reports the forbidden import of a unit in human format with 1-based positions and a closing line', async () => {
    const dir = tempUnit({ '.pi/extensions/demo/index.js': '// demo\nconst v = require("node:vm");\n', '.pi/extensions/clean/index.js': 'export const x = 1;\n' });
    const r = await cli(['scan'], dir);
    assert.equal(r.code, 0, 'a compat error makes REVIEW, which does not reach the default --fail-on block');
    assert.deepEqual(r.stdout.trimEnd().split('\n'), [
      '.pi/extensions/demo/index.js:2:19: critical CMP-FORBIDDEN-001 Import of forbidden builtin "node:vm" — Arbitrary code execution; use hostcalls only',
      'demo: REVIEW: score 85/100 — no security findings; 1 compat error(s)',
      'clean: ALLOW: score 100/100 — no security findings; compatible',
      '2 file(s), 1 finding(s) (0 suppressed), 0 block, 1 review, 1 allow',
    ]);
    assert.equal((await cli(['scan', '--fail-on', 'review'], dir)).code, 1);
    assert.equal((await cli(['scan', '--fail-on', 'error'], dir)).code, 1);
    assert.equal((await cli(['scan', '--fail-on', 'never'], dir)).code, 0);
  });

  it('prints exactly one JSON document with the pi.sec.scan_result.v1 fields', async () => {
    const dir = tempUnit({ '.pi/extensions/demo/package.json': '{"name":" demo-ext "}', '.pi/extensions/demo/a.ts': 'import type {X} from "vm";\nexport * from "worker_threads";\n' });
    const r = await cli(['scan', '--format', 'json'], dir);
    const doc = JSON.parse(r.stdout) as { schema: string; generated_at: string; extensions: { extension_id: string; files: number }[]; findings: { rule_id: string; line: number; column: number; end_column: number; fingerprint: string; extension_id: string }[] };
    assert.equal(doc.schema, 'pi.sec.scan_result.v1');
    assert.equal(doc.generated_at, '2026-11-24T12:00:00.000Z');
    assert.deepEqual(doc.extensions.map((e) => [e.extension_id, e.files]), [['demo-ext', 1]]);
    assert.deepEqual(doc.findings.map((f) => [f.rule_id, f.line, f.column, f.end_column, f.extension_id]), [['CMP-FORBIDDEN-001', 2, 15, 31, 'demo-ext']]);
    assert.match(doc.findings[0].fingerprint, /^[0-9a-f]{16}$/);
  });

  it('selects the unit a file lies in, and scans a loose file as its own unit', async () => {
    const dir = tempUnit({ '.pi/extensions/demo/lib/deep.js': 'require("repl")', '.pi/extensions/demo/index.js': '', 'loose/tool.js': 'require("v8")' });
    const unit = await cli(['scan', '.pi/extensions/demo/lib/deep.js'], dir);
    assert.match(unit.stdout, /^demo: /m);
    assert.match(unit.stdout, /^2 file\(s\)/m);
    const loose = await cli(['scan', 'loose/tool.js', '--fail-on', 'review'], dir);
    assert.equal(loose.code, 1);
    assert.match(loose.stdout, /^tool: REVIEW/m);
  });

  it('scans every unit of the bundled sample workspace, extensions in summary order (block, review, allow)', async () => {
    const r = await cli(['scan', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { extensions: { extension_id: string; verdict: { recommendation: string; score: number } }[] };
    assert.deepEqual(doc.extensions.map((e) => e.extension_id).sort(), ['git-helper', 'legacy-formatter', 'metrics-beacon', 'todo-notes', 'weather-widget']);
    const rank = { block: 0, review: 1, allow: 2 } as Record<string, number>;
    const keys = doc.extensions.map((e) => rank[e.verdict.recommendation] * 1000 + e.verdict.score);
    assert.deepEqual(keys, [...keys].sort((a, b) => a - b));
  });
});
