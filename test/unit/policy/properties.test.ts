import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CAPABILITIES } from '../../../shared/policy/capabilities';
import { evaluate } from '../../../shared/policy/evaluate';
import { compilePattern } from '../../../shared/policy/exec/patterns';
import { mediate } from '../../../shared/policy/exec/mediate';
import { loadConfigText } from '../../../shared/policy/config/load';
import { PROJECT_JSON, resolveWith } from './helpers';

const capArb = fc.constantFrom(...CAPABILITIES, 'gpu', 'net');
const idArb = fc.constantFrom('a', 'b', 'c', 'A');
const overrideArb = fc.record(
  {
    allow: fc.uniqueArray(capArb, { maxLength: 6 }),
    deny: fc.uniqueArray(capArb, { maxLength: 4 }),
    mode: fc.constantFrom('strict', 'prompt', 'permissive', null),
  },
  { requiredKeys: [] },
);
const configArb = fc.record({
  profile: fc.constantFrom('safe', 'standard', 'balanced', 'permissive', 'weird', ''),
  allowDangerous: fc.boolean(),
  perExtension: fc.dictionary(idArb, overrideArb, { maxKeys: 3 }),
});

function policyOf(cfg: unknown) {
  return resolveWith({ [PROJECT_JSON]: JSON.stringify({ extensionPolicy: cfg }) }).policy;
}

describe('precedence properties (fast-check)', () => {
  it('INV-004: a global deny is never overridden by an extension allow', () => {
    fc.assert(
      fc.property(configArb, capArb, idArb, (cfg, cap, id) => {
        const p = policyOf(cfg);
        if (p.denyCaps.includes(cap)) assert.equal(evaluate(p, cap, id).decision, 'deny');
      }),
      { numRuns: 300 },
    );
  });
  it('INV-005: rules for one extension never change another extension\'s decisions', () => {
    fc.assert(
      fc.property(configArb, idArb, overrideArb, capArb, (cfg, target, extra, cap) => {
        const before = policyOf(cfg);
        const changed = policyOf({ ...cfg, perExtension: { ...cfg.perExtension, [target]: extra } });
        for (const other of ['a', 'b', 'c', 'A', null]) {
          if (other === target) continue;
          assert.deepEqual(evaluate(changed, cap, other), evaluate(before, cap, other));
        }
      }),
      { numRuns: 300 },
    );
  });
  it('INV-008: allowDangerous never relaxes anything but exec/env', () => {
    fc.assert(
      fc.property(configArb, capArb, fc.option(idArb, { nil: null }), (cfg, cap, id) => {
        fc.pre(cap !== 'exec' && cap !== 'env');
        const off = policyOf({ ...cfg, allowDangerous: false });
        const on = policyOf({ ...cfg, allowDangerous: true });
        assert.deepEqual(evaluate(on, cap, id), evaluate(off, cap, id));
      }),
      { numRuns: 300 },
    );
  });
  it('allowDangerous only ever relaxes exec/env (never makes them stricter)', () => {
    const rank = { deny: 0, prompt: 1, allow: 2 } as const;
    fc.assert(
      fc.property(configArb, fc.constantFrom('exec', 'env'), idArb, (cfg, cap, id) => {
        const off = evaluate(policyOf({ ...cfg, allowDangerous: false }), cap, id);
        const on = evaluate(policyOf({ ...cfg, allowDangerous: true }), cap, id);
        assert.ok(rank[on.decision] >= rank[off.decision]);
      }),
      { numRuns: 200 },
    );
  });
  it('an extension deny always wins for that extension', () => {
    fc.assert(
      fc.property(configArb, idArb, capArb, (cfg, id, cap) => {
        const p = policyOf({ ...cfg, perExtension: { ...cfg.perExtension, [id]: { ...(cfg.perExtension[id] ?? {}), deny: [cap], allow: [cap] } } });
        assert.deepEqual([evaluate(p, cap, id).decision, evaluate(p, cap, id).layer], ['deny', 1]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('robustness properties (fast-check)', () => {
  it('exec mediation never throws and always returns a decision for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const d = mediate({ mode: 'shell', command: text }, { enabled: true, denyThreshold: 'high', auditAllClassified: true, denyPatterns: ['x*'], allowPatterns: [text] });
        assert.ok(['allow', 'allow_with_audit', 'deny'].includes(d.decision));
      }),
      { numRuns: 300 },
    );
  });
  it('patterns compile without regular expressions: hostile regex-looking patterns are plain words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (p) => {
        const r = compilePattern(p);
        if ('pattern' in r) assert.ok(r.pattern.words.length > 0);
      }),
      { numRuns: 300 },
    );
  });
  it('config loading never throws on arbitrary JSON or TOML text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('json', 'toml') as fc.Arbitrary<'json' | 'toml'>, (text, format) => {
        const l = loadConfigText(text, format);
        if (l.syntaxError) assert.equal(l.diagnostics.filter((d) => d.code === 'CFG-001').length, 1);
      }),
      { numRuns: 300 },
    );
  });
});
