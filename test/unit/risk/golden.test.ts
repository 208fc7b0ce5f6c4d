import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkGoldenDir, writeGoldenDir } from '../../../shared/risk/golden';
import type { SimulationOptions } from '../../../shared/risk/simulate';
import { verifyLedgerText } from '../../../shared/risk/ledger';

const ROOT = join(__dirname, '../../fixtures/risk-golden');
const TRACES = join(ROOT, 'traces');
const OPTS: SimulationOptions = { policyMode: 'permissive', promptAnswer: 'deny', simulateEnforcement: false };
const SETS: Record<string, { traces: string[]; config: Record<string, unknown> }> = {
  default: { traces: ['log-echo-log.jsonl', 'rm-rf-root.jsonl', 'vector.jsonl'], config: { enabled: true, enforce: false } },
  eviction: { traces: ['eviction.jsonl'], config: { enabled: true, enforce: false, windowSize: 16, ledgerLimit: 32 } },
};
const resolve = (p: string) => {
  const f = join(ROOT, p);
  return existsSync(f) ? readFileSync(f, 'utf8') : null;
};
const load = (names: string[]) => names.map((n) => ({ path: `traces/${n}`, text: readFileSync(join(TRACES, n), 'utf8') }));

// Regenerate on purpose only (the scoring algorithm changed): RISK_GOLDEN_WRITE=1 node --import tsx --test test/unit/risk/golden.test.ts
if (process.env.RISK_GOLDEN_WRITE === '1') {
  for (const [name, set] of Object.entries(SETS)) writeGoldenDir(join(ROOT, name), load(set.traces), set.config, OPTS, '0.1.0');
}

describe('golden fixtures (§5.7)', () => {
  for (const name of Object.keys(SETS)) {
    it(`${name}: re-simulation reproduces the committed ledgers`, () => {
      const r = checkGoldenDir(join(ROOT, name), resolve, OPTS);
      assert.ok(r.manifest);
      assert.deepEqual(r.mismatches, []);
    });
  }
  it('the committed golden ledgers verify, the vector matches §3.5 and eviction keeps the chain', () => {
    for (const name of Object.keys(SETS)) {
      for (const f of readdirSync(join(ROOT, name)).filter((x) => x.endsWith('.ledger.jsonl'))) {
        assert.deepEqual(verifyLedgerText(readFileSync(join(ROOT, name, f), 'utf8')).errors, [], f);
      }
    }
    const vector = readFileSync(join(ROOT, 'default/vector.ledger.jsonl'), 'utf8').trim().split('\n');
    assert.equal(JSON.parse(vector[1]).hash, '83e61107e312d1d37e8d61ca40370e3f61a7df71d722a0565ce15341ea6a93ed');
    const rm = readFileSync(join(ROOT, 'default/rm-rf-root.ledger.jsonl'), 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
    assert.ok(rm.some((e) => e.triggers.includes('quarantined')), 'the rm -rf / scenario reaches quarantine');
    const ev = readFileSync(join(ROOT, 'eviction/eviction.ledger.jsonl'), 'utf8').trim().split('\n');
    const header = JSON.parse(ev[0]);
    assert.equal(ev.length - 1, 32);
    assert.equal(header.first_seq, 19);
    assert.notEqual(header.anchor_hash, null);
  });
  it('reports the first differing seq and fields when the algorithm or config drifts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'risk-golden-'));
    try {
      writeGoldenDir(dir, load(['log-echo-log.jsonl']), { enabled: true, enforce: false }, OPTS, '0.1.0');
      const manifestPath = join(dir, 'manifest.json');
      const m = JSON.parse(readFileSync(manifestPath, 'utf8'));
      m.config.alpha = 0.05; // a different config → different e_threshold from seq 1 on
      writeFileSync(manifestPath, JSON.stringify(m));
      const r = checkGoldenDir(dir, (p) => readFileSync(join(TRACES, p.replace(/^traces\//, '')), 'utf8'), OPTS);
      assert.equal(r.mismatches.length, 1);
      assert.equal(r.mismatches[0].seq, 1);
      assert.ok(r.mismatches[0].fields.includes('e_threshold'), JSON.stringify(r.mismatches[0]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
