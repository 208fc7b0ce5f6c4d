import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { calibrationReportSchema } from '../../../shared/risk/report';
import { RiskLedger } from '../../../shared/risk/ledger';
import { generateTraces } from '../../../scripts/generate-traces';
import { call, controller } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'risk-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
for (const t of generateTraces(3, 0.06)) writeFileSync(join(dir, t.name), t.text);
cpSync(join(__dirname, '../../fixtures/risk-golden'), join(dir, 'golden'), { recursive: true });

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, env: { PI_SEC_NOW_MS: '0', HOME: dir } });
  return { code, out, err };
}

function ledgerFile(name: string): string {
  const c = controller({ ledgerLimit: 32 });
  for (let i = 0; i < 5; i++) c.recordOutcome(c.decide(call({ callId: `c${i}`, capability: 'log', method: 'log', params: { level: 'info', message: String(i) } })), null);
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify((c.ledger as RiskLedger).artifact()));
  return p;
}

describe('pi-sec calibrate', () => {
  it('writes a schema-valid report and prints JSON with --format json', async () => {
    const r = await cli('calibrate', '--trace', 'benign.jsonl', '--trace', 'adversarial.jsonl', '--no-latency', '--alpha-grid', '0.005,0.02', '--out', 'report.json', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const report = calibrationReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
    assert.deepEqual(report.grid.map((g) => g.alpha), [0.005, 0.01, 0.02]);
    assert.equal(report.generated_at, '1970-01-01T00:00:00.000Z');
    assert.deepEqual(JSON.parse(r.out), report);
    assert.match(r.err, /calibrate: 100%/);
  });
  it('usage errors exit 2', async () => {
    assert.equal((await cli('calibrate', '--trace', 'benign.jsonl', '--no-latency', '--require-slo')).code, 2);
    assert.equal((await cli('calibrate')).code, 2);
    assert.equal((await cli('calibrate', '--trace', 'benign.jsonl', '--alpha-grid', 'x')).code, 2);
    assert.equal((await cli('calibrate', '--trace', 'benign.jsonl', '--policy', 'weird')).code, 2);
    assert.equal((await cli('calibrate', '--trace', 'benign.jsonl', '--write-golden', 'a', '--check-golden', 'b')).code, 2);
  });
  it('a missing trace exits 3', async () => {
    const r = await cli('calibrate', '--trace', 'nope.jsonl', '--no-latency');
    assert.equal(r.code, 3);
    assert.match(r.err, /nope\.jsonl/);
  });
  it('--require-slo exits 1 when the SLOs are missed', async () => {
    // Only adversarial calls of one extension and a tiny grid: SLO-11 cannot be met with alpha alone.
    writeFileSync(join(dir, 'evasive.jsonl'), [
      '{"type":"header","schema":"pi.ext.hostcall_trace.v1","label":"adversarial"}',
      ...Array.from({ length: 30 }, (_, i) => JSON.stringify({ ts_ms: 1000 + i * 60000, extension_id: 'sneaky', call_id: `c${i}`, capability: 'read', method: 'fs', params_hash: 'a'.repeat(64), arg_signals: { delta: 0, flags: [] } })),
    ].join('\n'));
    const r = await cli('calibrate', '--trace', 'evasive.jsonl', '--require-slo', '--latency-runs', '1', '--alpha-grid', '0.01');
    assert.equal(r.code, 1, r.err);
  });
  it('--check-golden passes on the committed fixtures and fails (exit 1) on a changed config', async () => {
    const ok = await cli('calibrate', '--trace', 'golden/traces/log-echo-log.jsonl', '--no-latency', '--alpha-grid', '0.01', '--check-golden', 'golden/default');
    assert.equal(ok.code, 0, ok.out + ok.err);
    const m = JSON.parse(readFileSync(join(dir, 'golden/default/manifest.json'), 'utf8'));
    m.config.windowSize = 8;
    writeFileSync(join(dir, 'golden/default/manifest.json'), JSON.stringify(m));
    const bad = await cli('calibrate', '--trace', 'golden/traces/log-echo-log.jsonl', '--no-latency', '--alpha-grid', '0.01', '--check-golden', 'golden/default', '--format', 'json');
    assert.equal(bad.code, 1);
    assert.ok(JSON.parse(bad.out).golden.mismatches.length > 0);
  });
  it('--write-golden writes a manifest and ledgers that check clean', async () => {
    const w = await cli('calibrate', '--trace', 'golden/traces/rm-rf-root.jsonl', '--no-latency', '--alpha-grid', '0.01', '--write-golden', 'g2');
    assert.equal(w.code, 0, w.err);
    const c = await cli('calibrate', '--trace', 'golden/traces/rm-rf-root.jsonl', '--no-latency', '--alpha-grid', '0.01', '--check-golden', 'g2');
    assert.equal(c.code, 0, c.out);
  });
});

describe('pi-sec ledger verify|replay', () => {
  it('valid ledger → 0; tampered → 1 with the entry index; missing → 3', async () => {
    const p = ledgerFile('l.json');
    assert.equal((await cli('ledger', 'verify', p)).code, 0);
    const r = await cli('ledger', 'replay', p, '--format', 'json');
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.out).steps.length, 5);
    const a = JSON.parse(readFileSync(p, 'utf8'));
    a.entries[2].selected_action = 'deny';
    writeFileSync(p, JSON.stringify(a));
    const v = await cli('ledger', 'verify', p);
    assert.equal(v.code, 1);
    assert.match(v.out, /\[entry 2\] hash_mismatch/);
    assert.equal((await cli('ledger', 'replay', p)).code, 1);
    assert.equal((await cli('ledger', 'verify', 'missing.json')).code, 3);
    assert.equal((await cli('ledger', 'verify')).code, 2);
  });
});
