import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paramsHash } from '../../../shared/risk/canonical';
import { parseTrace } from '../../../shared/risk/trace';

const H = 'f7875e2fe22adeea05f2fcf369c33128d627a2cd5f211664200e5710a78098a6';
const header = (label = 'benign', ext?: string) => JSON.stringify({ type: 'header', schema: 'pi.ext.hostcall_trace.v1', label, ...(ext ? { extension_id: ext } : {}) });
const callLine = (extra: Record<string, unknown> = {}) => JSON.stringify({ ts_ms: 1000, extension_id: 'e', call_id: 'c1', capability: 'log', method: 'log', params_hash: H, ...extra });
const codes = (text: string) => parseTrace(text).diagnostics.map((d) => `${d.code}@${d.line}`);

describe('trace validation codes (§5.1)', () => {
  it('TRC-JSON: malformed lines and non-objects are skipped with their line numbers; the rest is processed', () => {
    const t = parseTrace([header(), '{not json', '[1,2]', callLine()].join('\n'));
    assert.deepEqual(t.diagnostics.map((d) => `${d.code}@${d.line}`), ['TRC-JSON@2', 'TRC-JSON@3', 'TRC-NO-SIGNALS@4']);
    assert.equal(t.calls, 1);
    assert.equal(t.skippedLines, 2);
  });
  it('TRC-FIELD: missing/wrong-typed fields, unknown flags, missing extension id, misplaced header', () => {
    assert.deepEqual(codes([header(), JSON.stringify({ ts_ms: 'x', extension_id: 'e', call_id: 'c', capability: 'log', method: 'log', params_hash: H })].join('\n')), ['TRC-FIELD@2']);
    assert.deepEqual(codes([header(), callLine({ call_id: undefined })].join('\n')), ['TRC-FIELD@2']);
    assert.deepEqual(codes([header(), callLine({ arg_signals: { delta: 0.1, flags: ['NOPE'] } })].join('\n')), ['TRC-FIELD@2']);
    assert.deepEqual(codes([header(), callLine({ extension_id: undefined })].join('\n')), ['TRC-FIELD@2']);
    assert.deepEqual(codes([callLine({ label: 'benign', params: { level: 'info', message: 'hello' } }), header()].join('\n')), ['TRC-FIELD@2']);
    // flags match case-insensitively
    const ok = parseTrace([header(), callLine({ arg_signals: { delta: 0.22, flags: ['secret_env_access'] } })].join('\n'));
    assert.deepEqual(ok.diagnostics, []);
    assert.deepEqual((ok.events[0] as { argSignals?: { flags: string[] } }).argSignals?.flags, ['SECRET_ENV_ACCESS']);
  });
  it('TRC-HASH: params_hash must be 64 lowercase hex', () => {
    assert.deepEqual(codes([header(), callLine({ params_hash: H.toUpperCase() })].join('\n')), ['TRC-HASH@2']);
    assert.deepEqual(codes([header(), callLine({ params_hash: 'abc' })].join('\n')), ['TRC-HASH@2']);
  });
  it('TRC-HASH-MISMATCH: warning, and the recomputed hash is used', () => {
    const params = { level: 'warn', message: 'x' };
    const t = parseTrace([header(), callLine({ params })].join('\n'));
    assert.deepEqual(t.diagnostics.map((d) => [d.code, d.severity, d.line]), [['TRC-HASH-MISMATCH', 'warning', 2]]);
    assert.equal((t.events[0] as { paramsHash: string }).paramsHash, paramsHash(params));
  });
  it('TRC-INVALID-REQUEST: counted and excluded (declared ≠ derived, no capability, empty call id)', () => {
    const t = parseTrace([
      header(),
      callLine({ capability: 'read', method: 'tool', params: { name: 'bash', input: { command: 'ls' } }, params_hash: paramsHash({ name: 'bash', input: { command: 'ls' } }) }),
      callLine({ method: 'teleport' }),
      callLine({ call_id: '  ' }),
      callLine({ capability: 'exec', method: 'fs', params: { op: 'B-A-S-H' }, params_hash: paramsHash({ op: 'B-A-S-H' }) }),
      callLine({ params: { level: 'info', message: 'hello' } }),
    ].join('\n'));
    assert.equal(t.invalidRequests, 4);
    assert.equal(t.calls, 1);
    assert.deepEqual(t.diagnostics.filter((d) => d.code === 'TRC-INVALID-REQUEST').map((d) => d.line), [2, 3, 4, 5]);
  });
  it('TRC-LABEL: a call without a label or with an unknown label rejects the file', () => {
    assert.equal(parseTrace(callLine()).rejected, true);
    assert.deepEqual(codes(callLine()), ['TRC-LABEL@1']);
    const bad = parseTrace([header('malicious')].join('\n'));
    assert.equal(bad.rejected, true);
    assert.deepEqual(bad.diagnostics.map((d) => d.code), ['TRC-LABEL']);
    assert.equal(parseTrace([header(), callLine({ label: 'evil' })].join('\n')).rejected, true);
    assert.equal(parseTrace([header('adversarial'), callLine({ label: 'benign', params: { level: 'info', message: 'hello' } })].join('\n')).rejected, false);
  });
  it('TRC-ORDER: a timestamp below the extension\'s previous call warns and uses the previous value', () => {
    const t = parseTrace([header(), callLine({ ts_ms: 2000, params: { level: 'info', message: 'hello' } }), callLine({ ts_ms: 1500, call_id: 'c2', params: { level: 'info', message: 'hello' } }), callLine({ ts_ms: 100, extension_id: 'other', params: { level: 'info', message: 'hello' } })].join('\n'));
    assert.deepEqual(t.diagnostics.map((d) => `${d.code}@${d.line}`), ['TRC-ORDER@3']);
    assert.equal((t.events[1] as { tsMs: number }).tsMs, 2000);
    assert.equal(t.calls, 3, 'the out-of-order call is still processed');
  });
  it('TRC-NO-SIGNALS: info, counted', () => {
    const t = parseTrace([header(), callLine(), callLine({ call_id: 'c2', arg_signals: { delta: 0, flags: [] } })].join('\n'));
    assert.equal(t.noSignals, 1);
    assert.deepEqual(t.diagnostics.map((d) => [d.code, d.severity]), [['TRC-NO-SIGNALS', 'info']]);
  });
  it('header defaults, operator lines, comments and blank lines', () => {
    const t = parseTrace([
      header('adversarial', 'evil'),
      '',
      JSON.stringify({ type: 'comment', text: 'hi' }),
      JSON.stringify({ ts_ms: 1, call_id: 'c1', capability: 'log', method: 'log', params_hash: H, params: { level: 'info', message: 'hello' } }),
      JSON.stringify({ type: 'operator', ts_ms: 2, action: 'kill' }),
      JSON.stringify({ type: 'operator', ts_ms: 3, action: 'explode' }),
    ].join('\n'));
    assert.deepEqual(t.diagnostics.map((d) => `${d.code}@${d.line}`), ['TRC-FIELD@6']);
    assert.equal(t.events.length, 2);
    assert.deepEqual(t.events.map((e) => [e.kind, e.extensionId]), [['call', 'evil'], ['operator', 'evil']]);
    assert.equal((t.events[0] as { label: string }).label, 'adversarial');
  });
  it('never throws on hostile input', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const text of ['', '\n\n', '\u0000\u0001', deep, '{"type":"header"}', 'null', '"x"', '{}'.repeat(1000)]) {
      assert.doesNotThrow(() => parseTrace(text));
    }
  });
});
