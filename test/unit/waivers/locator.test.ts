import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { locateToml } from '../../../shared/waivers/locator';
import { allProblems } from '../../../shared/waivers/validate';
import { fixture, SUITES, validate, waiverToml } from './helpers';

const slice = (text: string, s: { start: number; end: number } | undefined): string | undefined => (s ? text.slice(s.start, s.end) : undefined);

describe('TOML locator', () => {
  it('maps headers, keys, values, comments and multi-line values', () => {
    const text = [
      '# c',
      '[ waiver . "ext_must_pass" ] # trailing',
      'owner = "A # not a comment"   # comment',
      "reason = '''multi",
      "line'''",
      'list = [',
      '  "a", # x',
      '  [1, 2],',
      ']',
      'dt = 2026-02-14 10:00:00',
      'inline = { a = { b = "c" }, d = 1 }',
      '',
    ].join('\n');
    const loc = locateToml(text);
    assert.equal(slice(text, loc.definition(['waiver', 'ext_must_pass'])), '"ext_must_pass"');
    assert.equal(slice(text, loc.entry(['waiver', 'ext_must_pass', 'owner'])?.value), '"A # not a comment"');
    assert.equal(slice(text, loc.entry(['waiver', 'ext_must_pass', 'reason'])?.value), "'''multi\nline'''");
    const list = loc.entry(['waiver', 'ext_must_pass', 'list']);
    assert.equal(slice(text, list?.value), '[\n  "a", # x\n  [1, 2],\n]');
    assert.deepEqual(list?.elements?.map((e) => text.slice(e.start, e.end)), ['"a"', '[1, 2]']);
    assert.equal(slice(text, loc.entry(['waiver', 'ext_must_pass', 'dt'])?.value), '2026-02-14 10:00:00');
    assert.equal(slice(text, loc.entries.find((e) => e.path.join('/') === 'waiver/ext_must_pass/inline/a/b')?.value), '"c"');
    assert.equal(slice(text, loc.entry(['waiver', 'ext_must_pass', 'inline', 'd'])?.value), '1');
    assert.equal(loc.headers(['waiver', 'ext_must_pass']).length, 1);
  });
  it('escaped quotes and quoted keys', () => {
    const text = '[waiver."a.b"]\n"owner" = "x\\"y"\n\'bead\' = \'bd-1\'\n';
    const loc = locateToml(text);
    assert.equal(slice(text, loc.entry(['waiver', 'a.b', 'owner'])?.value), '"x\\"y"');
    assert.equal(slice(text, loc.entry(['waiver', 'a.b', 'bead'])?.key), "'bead'");
  });
  it('is iterative: 200,000 nested arrays do not overflow the stack', () => {
    const deep = 'a = ' + '['.repeat(200_000) + ']'.repeat(200_000) + '\n';
    const loc = locateToml(deep);
    assert.equal(loc.entries.length, 1);
    const r = validate(deep, '2026-02-20');
    assert.ok(r.syntax, 'the parser refuses the depth; one syntax diagnostic');
    assert.equal(allProblems(r).length, 1);
  });
  it('string values it locates decode to what smol-toml parsed (property)', () => {
    const key = fc.constantFrom('owner', 'created', 'expires', 'bead', 'reason', 'scope', 'remove_when');
    const str = fc.string({ maxLength: 12 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
    const style = fc.constantFrom('basic', 'literal', 'ml-basic', 'ml-literal');
    const form = fc.constantFrom('header', 'dotted', 'inline');
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, str, style), { selector: (t) => t[0], minLength: 1, maxLength: 7 }), form, fc.boolean(), (pairs, f, comments) => {
        const enc = ([, v, s]: [string, string, string]): string => {
          if (s === 'literal' && !v.includes("'")) return `'${v}'`;
          if (s === 'ml-literal' && !v.includes("'''") && !v.endsWith("'")) return `'''${v}'''`;
          const esc = v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
          return s === 'ml-basic' && f !== 'inline' ? `"""${esc}"""` : `"${esc}"`;
        };
        const c = comments ? ' # note = "x"' : '';
        let text: string;
        if (f === 'header') text = '[waiver.g]' + c + '\n' + pairs.map((p) => `${p[0]} = ${enc(p)}${c}`).join('\n') + '\n';
        else if (f === 'dotted') text = pairs.map((p) => `waiver . g.${p[0]}= ${enc(p)}${c}`).join('\n') + '\n';
        else text = '[waiver]\ng = { ' + pairs.map((p) => `${p[0]} = ${enc(p)}`).join(', ') + ' }' + c + '\n';
        const doc = parse(text) as { waiver: { g: Record<string, string> } };
        const loc = locateToml(text);
        for (const [k] of pairs) {
          const e = loc.entry(['waiver', 'g', k]);
          assert.ok(e, `no entry for ${k} in ${text}`);
          const back = parse(`x = ${e.raw}`) as { x: string };
          assert.equal(back.x, doc.waiver.g[k]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzz: random and truncated TOML', () => {
  const sample = fixture('spec-example.toml') + '[quarantine.t]\ncategory = "FLAKE-NET"\n[waiver]\nx = { owner = "a", created = 2026-01-01 }\n';
  it('every prefix of a real file: no crash, and a syntax error is exactly one WVR-SYNTAX', () => {
    for (let n = 0; n <= sample.length; n += 1) {
      const r = validate(sample.slice(0, n), '2026-02-20');
      const problems = allProblems(r);
      if (r.syntax) {
        assert.equal(problems.length, 1);
        assert.equal(problems[0].code, 'WVR-SYNTAX');
        assert.ok(problems[0].span.start >= 0 && problems[0].span.end <= n);
      }
      for (const p of problems) assert.ok(p.span.start <= p.span.end && p.span.end <= n, `span out of range at ${n}`);
    }
  });
  it('random text and random mutations of a real file', () => {
    const alphabet = fc.constantFrom(...'[]{}=,."\'#\n \t abc_123-:\\'.split(''), '"""', "'''", '[waiver.', 'owner = ', '2026-02-14', '\r\n');
    const mutated = fc.tuple(fc.nat(sample.length), fc.nat(20), fc.string({ maxLength: 8 })).map(([at, del, ins]) => sample.slice(0, at) + ins + sample.slice(at + del));
    fc.assert(
      fc.property(fc.oneof(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), mutated, fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        const r = validate(text, '2026-02-20');
        const problems = allProblems(r);
        if (r.syntax) assert.deepEqual(problems.map((p) => p.code), ['WVR-SYNTAX']);
        assert.match(problems[0]?.message ?? 'ok', /\S/);
        for (const p of problems) assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length);
        assert.equal(r.waivers.length, r.syntax ? 0 : r.waivers.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bad input', () => {
  it('a huge file (20,000 waivers) validates and stays linear', () => {
    let text = SUITES;
    for (let i = 0; i < 20_000; i++) text += waiverToml(`gate_${i}`) + '\n';
    const t0 = process.hrtime.bigint();
    const r = validate(text, '2026-02-20');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.equal(r.syntax, null);
    assert.equal(r.waivers.length, 20_000);
    assert.ok(ms < 20_000, `took ${ms} ms`);
  });
  it('binary content gives one syntax diagnostic', () => {
    const r = validate('\u0000\u0001\u0002[waiver.x]\u00ff', '2026-02-20');
    assert.ok(r.syntax);
    assert.equal(allProblems(r).length, 1);
  });
  it('a very long key does not make the index quadratic', () => {
    const key = Array.from({ length: 50_000 }, (_, i) => `k${i}`).join('.');
    const r = validate(`${key} = 1\n`, '2026-02-20');
    assert.equal(r.syntax, null);
  });
  it('unquoted and impossible dates', () => {
    const r = validate(waiverToml('ext_must_pass', { created: '=2026-02-14', expires: '2026-02-30' }), '2026-02-20');
    assert.deepEqual(r.waivers[0].problems.map((p) => p.code), ['WVR-NOT-STRING', 'WVR-DATE-INVALID']);
  });
});
