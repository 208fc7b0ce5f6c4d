/** Property and pathological-input tests: the analysis never throws or hangs, and hit ranges stay in the text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeProgram } from '../../../shared/scanner/analysis';
import { parseSource } from '../../../shared/scanner/parse';

const SNIPPETS = [
  'eval(x);', 'const r = require; r("child_" + "process").exec("ls");', 'globalThis["ev" + "al"](c);', 'const {exec} = require("child_process"); exec(c);',
  'export default function (pi) { pi.exec("rm", ["-rf", "/"]); pi.tool("bash", { command: "ls" }); }', 'process.env.HOME;', 'const { A, ...rest } = process.env;',
  'fetch(`https://x/${process.env.T}`);', 'obj.__proto__.x = 1;', 'new Function("a", "b");', 'Reflect.apply(eval, null, [s]);', 'x.constructor.constructor("y")();',
  'setInterval(f);', 'with (o) { p }', 'debugger;', 'console.error(e);', 'const apiKey = "sk-abcdefghijklmnopqrstuvwxyz";', 'import("v" + "m");',
  'let a = eval; a = Function; a(1);', 'var q = [eval][i]; q(1);', 'const o = { run: eval }; o.run(1);', 'function f(p) { p.http({ url }) } f(pi);',
  'require(atob("dm0="));', 'String.fromCharCode(101, 118, 97, 108);', '"a,b".split(",").reverse().join("");', 'a = b = c = d;', 'for (const k in process.env) k;',
  'class C { static x = 1; #p = 2; m() { return this.#p } }', 'label: for (;;) { break label; }', 'async function* g() { yield* await import(m); }',
  'const fs = require("fs"); fs.writeFileSync("/etc/passwd", d);', 'Object.defineProperty(globalThis, "x", {});', 'new Proxy({}, {});', 'WebAssembly.instantiate(b);',
];

const check = (text: string, path = 'x.js') => {
  const parsed = parseSource(text, path);
  const result = analyzeProgram(parsed, { text });
  for (const h of result.hits) {
    assert.ok(h.start >= 0 && h.start <= h.end && h.end <= text.length, `${h.ruleId} [${h.start}, ${h.end}] outside ${text.length}`);
    assert.equal(typeof h.message, 'string');
  }
  for (const f of [...result.policyFacts.capabilities, ...result.policyFacts.commands, ...result.policyFacts.envReads]) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length);
  }
  return result;
};

describe('analysis robustness (fast-check)', () => {
  it('random programs assembled from snippets never throw; hits lie inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SNIPPETS), { minLength: 1, maxLength: 12 }), fc.constantFrom('x.js', 'x.ts', 'x.cjs'), (parts, path) => {
        check(parts.join('\n'), path);
      }),
      { numRuns: 150 },
    );
  });

  it('mutated programs (deletions, insertions, replacements) never throw', () => {
    const base = SNIPPETS.join('\n');
    const mutation = fc.tuple(fc.nat({ max: base.length }), fc.nat({ max: 8 }), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        let text = base;
        for (const [at, del, ins] of mutations) {
          const pos = Math.min(at, text.length);
          text = text.slice(0, pos) + ins + text.slice(pos + del);
        }
        check(text);
      }),
      { numRuns: 120 },
    );
  });

  it('arbitrary strings never throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void check(s)), { numRuns: 200 });
  });
});

describe('pathological inputs', () => {
  it('a 50,000-deep member chain and call chain are analysed without stack overflow', () => {
    check(`x = a${'.b'.repeat(50_000)};`);
    check(`f${'()'.repeat(50_000)};`);
    check(`eval${'.call'.repeat(20_000)}(null, s);`);
  });

  it('a long concatenation chain hits the folding limits and yields Unknown, not a crash', () => {
    const text = `const s = ${Array.from({ length: 300 }, () => '"ab"').join(' + ')}; require(s);`;
    const result = check(text);
    // The specifier is past the depth limit, so it is not constant: SEC-DIMPORT-001.
    assert.ok(result.hits.some((h) => h.ruleId === 'SEC-DIMPORT-001'));
  });

  it('folded strings longer than 10,000 characters become Unknown', () => {
    const text = `const a = "${'x'.repeat(6000)}"; const b = a + a; require(b);`;
    assert.ok(check(text).hits.some((h) => h.ruleId === 'SEC-DIMPORT-001'));
  });

  it('long chains of aliases, toString calls and huge callee texts stay bounded', () => {
    const aliases = Array.from({ length: 3000 }, (_, i) => `const a${i} = ${i ? `a${i - 1}` : 'eval'};`).join('\n');
    const hit = check(`${aliases}\na2999(x)`).hits.find((h) => h.ruleId === 'SEC-EVAL-001');
    assert.ok(hit && hit.evasion.length <= 6);
    check(`fetch(a${'.toString()'.repeat(20_000)})`);
    const big = check(`(async () => {${'x();'.repeat(50_000)}}).constructor("y")`).hits[0];
    assert.ok(big.message.length < 200);
  });

  it('inlined helper calls cannot use up the folding budget the rest of the file needs', () => {
    // 12,000 distinct constant calls of small helpers (a minified bundle's shape), then a finding: without
    // the cap on inlined calls the file's 100,000 folding steps run out before `process.binding`.
    const calls = Array.from({ length: 12_000 }, (_, i) => `const v${i} = h("k${i}") + g(${i}); u(v${i});`).join('\n');
    const text = `const h = (s) => s + "!";\nfunction g(n) { return n * 2; }\n${calls}\nprocess.binding("fs");`;
    assert.deepEqual(check(text).hits.map((h) => h.ruleId), ['SEC-BIND-001']);
    // Recursive and mutually recursive helpers stop.
    check('const f = (s) => g(s); const g = (s) => f(s); require(f("x")); function r(s) { return r(s + "a"); } require(r("b"));');
  });

  it('cyclic aliases terminate', () => {
    check('var a = b; var b = a; a(); let c = d, d = c; c.exec();');
    check('function f(p) { g(p) } function g(q) { f(q) } f(pi);');
  });

  it('regex replace in folding only accepts patterns without backtracking blow-up', () => {
    const evil = `"${'a'.repeat(5000)}!".replace(/(a+)+$/, "")`;
    const start = Date.now();
    check(`require(${evil});`);
    assert.ok(Date.now() - start < 5000);
  });

  it('20,000 nested brackets do not crash the document scan', async () => {
    const { scanDocument } = await import('../../../shared/scanner/engine');
    const text = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const result = scanDocument({ text, path: 'deep.js' });
    for (const h of result.hits) assert.ok(h.start >= 0 && h.end <= text.length);
  });
});
