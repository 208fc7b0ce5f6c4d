import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, sha256Hex } from '../../../shared/risk/canonical';
import { EMPTY_DATA_HASH, entryHash, LedgerInvalidError, replayLedgerText, RiskLedger, verifyArtifact, verifyJsonl, verifyLedgerText } from '../../../shared/risk/ledger';
import type { LedgerArtifact, LedgerEntry } from '../../../shared/risk/ledgerSchema';
import { VERIFICATION_CODES } from '../../../shared/risk/ledgerSchema';
import { prettyJson } from '../../../shared/common/json';
import { call, controller } from './helpers';

const VECTOR = '{"band_state":"allow","blocked":false,"call_id":"c1","capability":"log","conformal_quantile":0,"conformal_residual":0.06,"derived_state":"safe_fast","drift_detected":false,"e_process":0.611111111111,"e_threshold":100,"enforced":false,"expected_loss":{"allow":6.80453926464,"deny":16.8913300045,"harden":4.37249205629,"terminate":29.5826600091},"explanation_level":"standard","explanation_summary":"action=harden score=0.060 unsafe=0.047 suspicious=0.141 triggers=none","extension_id":"ext.vector","fallback_reason":null,"log_e_process":-0.492476485098,"loss_action":"harden","method":"log","outcome_error_code":null,"outcome_residual":0.188379482524,"params_hash":"f7875e2fe22adeea05f2fcf369c33128d627a2cd5f211664200e5710a78098a6","policy_profile":"permissive","policy_reason":"permissive","posterior":{"safe_fast":0.811620517476,"suspicious":0.141080344984,"unsafe":0.0472991375397},"prev_hash":null,"risk_score":0.06,"selected_action":"harden","seq":1,"top_contributors":[{"code":"expected_loss_delta_vs_allow","signed_impact":2.43204720835},{"code":"posterior_suspicious","signed_impact":0.0705401724921},{"code":"feature_base_score","signed_impact":0.06},{"code":"posterior_unsafe","signed_impact":0.0472991375397},{"code":"feature_burst_density_1s","signed_impact":0},{"code":"feature_prior_failure_streak","signed_impact":0},{"code":"feature_recent_error_rate","signed_impact":0},{"code":"feature_recent_mean_score","signed_impact":0}],"triggers":[],"ts_ms":1000}';

/** A small ledger: a mix of benign calls and an escalating exec sequence. */
function smallLedger(limit = 2048, n = 6): RiskLedger {
  const c = controller({ ledgerLimit: limit, windowSize: 16 });
  for (let i = 0; i < n; i++) {
    const exec = i % 3 === 2;
    const d = c.decide(call({
      extensionId: i % 2 === 0 ? 'a' : 'b', callId: `c${i}`, tsMs: 1000 + 250 * i,
      capability: exec ? 'exec' : 'log', method: exec ? 'exec' : 'log',
      params: exec ? { cmd: 'rm', args: ['-rf', '/'] } : { level: 'info', message: `m${i}` },
    }));
    c.recordOutcome(d, exec ? 'denied' : null);
  }
  return c.ledger;
}

describe('ledger test vector (§3.5)', () => {
  it('reproduces the canonical string, hash and data hash', () => {
    const c = controller({ alpha: 0.01, windowSize: 128 });
    const d = c.decide(call({ extensionId: 'ext.vector', callId: 'c1', capability: 'log', method: 'log', params: { level: 'info', message: 'hello' }, tsMs: 1000 }));
    const e = c.recordOutcome(d, null, 1000);
    const { hash, ...rest } = e;
    const canonical = canonicalJson(rest);
    assert.equal(canonical, VECTOR);
    assert.equal(canonical.length, 1469);
    assert.equal(hash, '83e61107e312d1d37e8d61ca40370e3f61a7df71d722a0565ce15341ea6a93ed');
    assert.equal(entryHash(rest), hash);
    assert.equal(c.ledger.dataHash(), 'ff7c6fae9f9f3f35e93a4dcdfe00c29af0ebc8abc6325a099df395aa0f378669');
  });
  it('an empty ledger has the SHA-256 of the empty string and verifies', () => {
    const l = new RiskLedger(32);
    assert.equal(l.dataHash(), EMPTY_DATA_HASH);
    assert.equal(sha256Hex(''), EMPTY_DATA_HASH);
    const v = verifyArtifact(l.artifact());
    assert.equal(v.valid, true, JSON.stringify(v.errors));
  });
});

describe('ledger verification (§3.6)', () => {
  it('a fresh artifact and its JSONL form verify', () => {
    const l = smallLedger();
    assert.deepEqual(verifyArtifact(l.artifact()).errors, []);
    assert.deepEqual(verifyLedgerText(l.toJsonl()).errors, []);
    assert.deepEqual(verifyLedgerText(prettyJson(l.artifact())).errors, []);
  });

  const tamper = (mutate: (a: LedgerArtifact & Record<string, unknown>) => void) => {
    const a = JSON.parse(JSON.stringify(smallLedger().artifact())) as LedgerArtifact & Record<string, unknown>;
    mutate(a);
    return verifyArtifact(a);
  };
  const codes = (v: ReturnType<typeof verifyArtifact>) => new Set(v.errors.map((e) => e.code));
  const cases: Record<(typeof VERIFICATION_CODES)[number], [(a: LedgerArtifact & Record<string, unknown>) => void, number | null]> = {
    schema_mismatch: [(a) => { a.schema = 'pi.ext.runtime_risk_ledger.v1' as never; }, null],
    entry_count_mismatch: [(a) => { a.entry_count = 5; }, null],
    head_hash_mismatch: [(a) => { a.head_hash = a.tail_hash; }, 0],
    tail_hash_mismatch: [(a) => { a.tail_hash = a.head_hash; }, 5],
    anchor_mismatch: [(a) => { a.entries.shift(); a.entry_count = 5; a.first_seq = 2; a.head_hash = a.entries[0].hash; a.evicted_count = 1; a.anchor_hash = 'f'.repeat(64); }, 0],
    genesis_mismatch: [(a) => { a.entries[0].prev_hash = 'a'.repeat(64); }, 0],
    seq_gap: [(a) => { a.entries[3].seq = 9; }, 3],
    prev_hash_mismatch: [(a) => { a.entries[2].prev_hash = a.entries[0].hash; }, 2],
    hash_mismatch: [(a) => { a.entries[4].risk_score = 0.5; }, 4],
    data_hash_mismatch: [(a) => { a.data_hash = 'b'.repeat(64); }, null],
    entry_invalid: [(a) => { (a.entries[1] as unknown as Record<string, unknown>).blocked = 'no'; }, 1],
  };
  for (const code of VERIFICATION_CODES) {
    it(`reports ${code} with the entry index`, () => {
      const [mutate, index] = cases[code];
      const v = tamper(mutate);
      assert.equal(v.valid, false);
      assert.ok(codes(v).has(code), `${code} not in ${[...codes(v)].join(',')}`);
      assert.ok(v.errors.some((e) => e.code === code && e.index === index), `${code} at index ${index}: ${JSON.stringify(v.errors)}`);
    });
  }

  it('every single-byte change of a small JSONL ledger is detected', () => {
    const text = smallLedger(2048, 3).toJsonl();
    const bytes = Buffer.from(text, 'utf8');
    let checked = 0;
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0x01, 0x20]) {
        const copy = Buffer.from(bytes);
        copy[i] ^= mask;
        const v = verifyLedgerText(copy.toString('latin1'));
        assert.equal(v.valid, false, `byte ${i} ^ ${mask} (${JSON.stringify(text[i])}) went undetected`);
        checked++;
      }
    }
    assert.ok(checked > 2 * 3000);
  });

  it('every single-byte change of a small artifact is detected (except the unhashed generated_at_ms value)', () => {
    const text = prettyJson(smallLedger(4, 5).artifact(0));
    const gen = text.indexOf('"generated_at_ms": ') + '"generated_at_ms": '.length;
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i++) {
      if (i === gen) continue; // informational timestamp, not covered by the chain (§3.4)
      for (const mask of [0x01, 0x20]) {
        const copy = Buffer.from(bytes);
        copy[i] ^= mask;
        assert.equal(verifyLedgerText(copy.toString('latin1')).valid, false, `byte ${i} ^ ${mask} (${JSON.stringify(text[i])}) went undetected`);
      }
    }
  });
});

describe('eviction (§3.3)', () => {
  it('keeps the chain verifiable through the anchor, with seq never reset', () => {
    const l = smallLedger(32, 50);
    assert.equal(l.size, 32);
    assert.equal(l.evictedCount, 18);
    const a = l.artifact();
    assert.equal(a.first_seq, 19);
    assert.equal(a.entries[0].prev_hash, a.anchor_hash);
    assert.deepEqual(verifyArtifact(a).errors, []);
    assert.deepEqual(verifyJsonl(l.toJsonl()).errors, []);
    // Without the header the anchor is taken from the first entry.
    const headerless = l.toJsonl().split('\n').slice(1).join('\n');
    assert.deepEqual(verifyJsonl(headerless).errors, []);
  });
  it('stays green for every ledger length around the limit', () => {
    for (let n = 30; n <= 36; n++) assert.equal(verifyArtifact(smallLedger(32, n).artifact()).valid, true, `n=${n}`);
  });
});

describe('replay (§3.7)', () => {
  it('projects each entry after verifying', () => {
    const l = smallLedger();
    const r = replayLedgerText(l.toJsonl());
    assert.equal(r.schema, 'pi.ext.runtime_risk_replay.v2');
    assert.equal(r.entry_count, 6);
    assert.equal(r.tail_hash, l.tailHash);
    assert.equal(r.source_data_hash, l.dataHash());
    assert.deepEqual(r.steps.map((s) => s.seq), [1, 2, 3, 4, 5, 6]);
    assert.equal(r.steps[2].selected_action, (l.entries()[2] as LedgerEntry).selected_action);
  });
  it('fails on a tampered ledger listing up to 3 errors', () => {
    const a = JSON.parse(JSON.stringify(smallLedger().artifact())) as LedgerArtifact;
    for (const e of a.entries) e.risk_score = 0.123;
    assert.throws(() => replayLedgerText(JSON.stringify(a)), (err: unknown) => err instanceof LedgerInvalidError && /hash_mismatch/.test(err.message) && /more\)/.test(err.message));
  });
});

describe('metrics-only ledger', () => {
  it('measures exactly the entry sizes the full ledger writes, without hashing', () => {
    const run = (hashing: boolean, limit = 32) => {
      const c = controller({ ledgerLimit: limit });
      (c as unknown as { ledger: RiskLedger }).ledger = new RiskLedger(limit, { hashing });
      for (let i = 0; i < 40; i++) {
        const d = c.decide(call({ callId: `c${i}`, tsMs: 1000 + i * 10, capability: i % 2 ? 'exec' : 'log', method: i % 2 ? 'exec' : 'log', params: i % 2 ? { cmd: 'ls' } : { level: 'info', message: 'x' } }));
        c.recordOutcome(d, null);
      }
      return c.ledger;
    };
    const full = run(true);
    const light = run(false);
    assert.equal(light.meanEntryBytes, full.meanEntryBytes);
    assert.equal(light.evictedCount, full.evictedCount);
    assert.equal(light.size, 0);
    const all = run(true, 64);
    const exact = all.entries().reduce((s, e) => s + canonicalJson(e).length, 0) / all.size;
    assert.ok(Math.abs(all.meanEntryBytes - exact) < 1e-9, `${all.meanEntryBytes} vs ${exact}`);
    assert.equal(run(false, 64).meanEntryBytes, all.meanEntryBytes);
  });
});

describe('fast quantised number printing', () => {
  it('equals String(Number(x.toPrecision(12))) for arbitrary doubles', async () => {
    const fc = await import('fast-check');
    const { qn } = await import('../../../shared/risk/ledger');
    const { qnum } = await import('../../../shared/risk/canonical');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => qn(x) === qnum(x)),
      { numRuns: 20000 },
    );
    for (const x of [0.06, -0.49247648509779, 1e-7, 1.5e-6, 123456789012.5, 1e21 + 0.5, 0.1 + 0.2, -1e-300, 5e-324, 0.000001, 999999999999.5, 29.58266000905]) {
      assert.equal(qn(x), qnum(x), String(x));
    }
  });
});
