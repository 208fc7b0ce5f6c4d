import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CAPABILITIES,
  DANGEROUS_CAPABILITIES,
  HOSTCALL_CLASS,
  isDangerous,
  isRiskDangerous,
  normalizeCapability,
  requiredCapability,
  sortCapabilities,
  validateHostcall,
} from '../../../shared/policy/capabilities';

describe('capabilities (policy.md §1)', () => {
  it('lists the ten capabilities in canonical order with their hostcall classes', () => {
    assert.deepEqual([...CAPABILITIES], ['read', 'write', 'http', 'events', 'session', 'ui', 'exec', 'env', 'tool', 'log']);
    assert.deepEqual(CAPABILITIES.map((c) => HOSTCALL_CLASS[c]), ['filesystem', 'filesystem', 'network', 'events', 'session', 'ui', 'execution', 'environment', 'tool', 'telemetry']);
  });
  it('policy-dangerous is exec and env; risk-dangerous adds http', () => {
    assert.deepEqual([...DANGEROUS_CAPABILITIES], ['exec', 'env']);
    assert.deepEqual(CAPABILITIES.filter(isDangerous), ['exec', 'env']);
    assert.deepEqual(CAPABILITIES.filter(isRiskDangerous), ['http', 'exec', 'env']);
  });
  it('parses names trimmed and ASCII-lowercased; unknown names stay strings', () => {
    assert.equal(normalizeCapability('  EXEC\t'), 'exec');
    assert.equal(normalizeCapability(' GPU '), 'gpu');
    assert.deepEqual(sortCapabilities(['log', 'gpu', 'exec', 'read', 'exec']), ['read', 'exec', 'log', 'gpu']);
  });
});

describe('hostcall → capability (policy.md §2)', () => {
  const cases: [string, unknown, string | null][] = [
    ['fs', { op: 'read' }, 'read'], ['fs', { op: ' LIST ' }, 'read'], ['fs', { op: 'readdir' }, 'read'], ['fs', { op: 'stat' }, 'read'],
    ['fs', { op: 'write' }, 'write'], ['fs', { op: 'mkdir' }, 'write'], ['fs', { op: 'delete' }, 'write'], ['fs', { op: 'remove' }, 'write'], ['fs', { op: 'rm' }, 'write'],
    ['fs', { op: 'chmod' }, null], ['fs', {}, null], ['fs', { op: 7 }, null],
    ['tool', { name: 'read' }, 'read'], ['tool', { name: 'grep' }, 'read'], ['tool', { name: 'find' }, 'read'], ['tool', { name: 'ls' }, 'read'],
    ['tool', { name: 'write' }, 'write'], ['tool', { name: 'Edit' }, 'write'], ['tool', { name: 'bash' }, 'exec'], ['tool', { name: 'B-A-S-H' }, 'exec'],
    ['tool', { name: 'web_search' }, 'tool'], ['tool', { name: '' }, null], ['tool', {}, null], ['tool', { name: ['bash'] }, null], ['tool', { name: '---' }, null],
    ['exec', {}, 'exec'], ['env', {}, 'env'], ['HTTP', {}, 'http'], [' session ', { op: 'x' }, 'session'], ['ui', {}, 'ui'], ['events', { op: 'emit' }, 'events'], ['log', {}, 'log'],
    ['spawn', {}, null],
  ];
  for (const [method, params, expected] of cases) {
    it(`${method} ${JSON.stringify(params)} → ${expected ?? 'none'}`, () => assert.equal(requiredCapability(method, params), expected));
  }
});

describe('INV-002: a hostcall is validated before policy; the capability is derived, never declared', () => {
  const ok = { call_id: 'c1', capability: 'read', method: 'fs', params: { op: 'read' } };
  it('accepts a consistent call', () => assert.deepEqual(validateHostcall(ok), { ok: true, capability: 'read' }));
  it('rejects an empty call_id', () => assert.equal(validateHostcall({ ...ok, call_id: '  ' }).ok, false));
  it('rejects non-object params', () => {
    assert.equal(validateHostcall({ ...ok, params: [] }).ok, false);
    assert.equal(validateHostcall({ ...ok, params: null }).ok, false);
    assert.equal(validateHostcall({ ...ok, params: 'x' }).ok, false);
  });
  it('rejects an empty capability or method', () => {
    assert.equal(validateHostcall({ ...ok, capability: '' }).ok, false);
    assert.equal(validateHostcall({ ...ok, method: ' ' }).ok, false);
  });
  it('rejects a call whose required capability is none', () => assert.equal(validateHostcall({ ...ok, params: { op: 'chmod' } }).ok, false));
  it('rejects a declaration that differs from the derived capability (a read declared for a bash tool call)', () => {
    const r = validateHostcall({ call_id: 'c2', capability: 'read', method: 'tool', params: { name: 'bash' } });
    assert.equal(r.ok, false);
  });
  it('compares the declaration trimmed and lowercased', () => {
    assert.deepEqual(validateHostcall({ call_id: 'c3', capability: ' EXEC ', method: 'tool', params: { name: 'Bash' } }), { ok: true, capability: 'exec' });
  });
});

describe('INV-003: malformed op/name values never escalate to exec or tool', () => {
  const malformed: unknown[] = [undefined, null, 1, true, [], {}, ['bash'], { toString: () => 'bash' }, '', '   ', '!!!'];
  for (const v of malformed) {
    it(`tool name ${JSON.stringify(v)} → none`, () => {
      const c = requiredCapability('tool', { name: v });
      assert.ok(c !== 'exec' && c !== 'tool', `escalated to ${c}`);
    });
    it(`fs op ${JSON.stringify(v)} → none`, () => assert.equal(requiredCapability('fs', { op: v }), null));
  }
});
