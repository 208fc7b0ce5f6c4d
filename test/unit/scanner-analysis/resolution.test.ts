/** The resolution engine (scanner.md §3): bindings, aliases, require forms, call forms, folding and its limits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Resolver } from '../../../shared/scanner/analysis/resolve';
import { analyzeScopes } from '../../../shared/scanner/analysis/scope';
import type { Nd } from '../../../shared/scanner/analysis/ast';
import type { Value } from '../../../shared/scanner/analysis/values';
import { parseSource } from '../../../shared/scanner/parse';
import { analyze, scan } from './helpers';

/** Evaluates the initializer of the last `const __ = …` in the program. */
function valueOf(text: string): Value {
  const program = parseSource(text, 'x.js').program as unknown as Nd;
  const scopes = analyzeScopes(program);
  const r = new Resolver(scopes, () => 1);
  r.preparePi();
  const decl = [...scopes.nodes].reverse().find((n) => n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === '__');
  assert.ok(decl, 'no const __');
  return r.evaluate(decl.init);
}
const folded = (expr: string, prelude = '') => {
  const v = valueOf(`${prelude}\nconst __ = ${expr};`);
  return v.k === 'const' ? v.v : Symbol.for(v.k);
};
const technique = (expr: string, prelude = '') => {
  const v = valueOf(`${prelude}\nconst __ = ${expr};`);
  return v.k === 'const' ? v.asm : null;
};
const describeRef = (expr: string, prelude = '') => {
  const v = valueOf(`${prelude}\nconst __ = ${expr};`);
  if (v.k !== 'ref') return v.k;
  const root = v.root.kind === 'global' ? v.root.name : v.root.kind === 'module' ? `module:${v.root.spec}` : 'pi';
  return [root, ...v.keys].join('.');
};
const ids = (text: string, path?: string) => scan(text, path).ids.filter((id) => id.startsWith('SEC') || id.startsWith('CMP'));

describe('constant folding (§3.2)', () => {
  it('literals, templates, String.raw and +', () => {
    assert.equal(folded('"a" + 1 + true'), 'a1true');
    assert.equal(folded('`x${1 + 2}y`'), 'x3y');
    assert.equal(folded('String.raw`a\\\\nb${"c"}`'), 'a\\\\nbc');
    assert.equal(folded('1 + 2 * 3'), 7);
    assert.equal(folded('void 0'), undefined);
    assert.equal(folded('undefined'), undefined);
  });
  it('char codes, atob, Buffer decoding, URI decoding, String()', () => {
    assert.equal(folded('String.fromCharCode(101, 118, 97, 108)'), 'eval');
    // A string's length counts UTF-16 code units, as at runtime.
    assert.equal(folded('String.fromCodePoint(0x1F600).length'), 2);
    assert.equal(folded('atob("ZXZhbA==")'), 'eval');
    assert.equal(folded('Buffer.from("ZXZhbA", "base64url").toString()'), 'eval');
    assert.equal(folded('Buffer.from("6576616c", "hex").toString("utf8")'), 'eval');
    assert.equal(folded('Buffer.from("eval", "latin1").toString("hex")'), '6576616c');
    assert.equal(folded('decodeURIComponent("%65val")'), 'eval');
    assert.equal(folded('String(12)'), '12');
  });
  it('string and array methods', () => {
    assert.equal(folded('"lave".split("").reverse().join("")'), 'eval');
    assert.equal(folded('["e", "v", "a", "l"].join("")'), 'eval');
    assert.equal(folded('["l", "a", "v", "e"].reverse().join("")'), 'eval');
    assert.equal(folded('"EVAL".toLowerCase()'), 'eval');
    assert.equal(folded('"  eval ".trim()'), 'eval');
    assert.equal(folded('"xevalx".slice(1, -1)'), 'eval');
    assert.equal(folded('"xevalx".substring(1, 5)'), 'eval');
    assert.equal(folded('"xevalx".substr(1, 4)'), 'eval');
    assert.equal(folded('"ev".concat("a", "l")'), 'eval');
    assert.equal(folded('"e-v-a-l".replaceAll("-", "")'), 'eval');
    assert.equal(folded('"e_v_a_l".replace(/_/g, "")'), 'eval');
    assert.equal(folded('"a".replace(/(a+)+$/, "")'), Symbol.for('unknown'));
  });
  it('identifiers and members resolving to folded values', () => {
    assert.equal(folded('a + b', 'const a = "ev"; const b = "al";'), 'eval');
    assert.equal(folded('o.k + o["j"]', 'const o = { k: "ev", j: "al" };'), 'eval');
    assert.equal(folded('arr[1]', 'const arr = ["x", "eval"];'), 'eval');
    assert.equal(folded('x', 'let x = "a"; x = "b";'), Symbol.for('union'));
    assert.equal(folded('q', 'let q = "a"; q += "b";'), Symbol.for('union'));
  });
  it('assembled techniques are recorded; plain literals and empty concatenations are not assembled', () => {
    assert.equal(technique('"ev" + "al"'), 'concatenation');
    assert.equal(technique('`${"ev"}al`'), 'template literal');
    assert.equal(technique('"\\x65val"'), 'escape sequences');
    assert.equal(technique('"\\u0065val"'), 'escape sequences');
    assert.equal(technique('String.fromCharCode(118, 109)'), 'char codes');
    assert.equal(technique('atob("dm0=")'), 'base64 literal');
    assert.equal(technique('"eval"'), null);
    assert.equal(technique('"eval" + ""'), null);
    assert.equal(technique('`eval`'), null);
  });
  it('limits: depth 32, 10,000 characters', () => {
    const chain = Array.from({ length: 40 }, () => '"a"').join(' + ');
    assert.equal(folded(chain), Symbol.for('unknown'));
    const short = Array.from({ length: 20 }, () => '"a"').join(' + ');
    assert.equal(folded(short), 'a'.repeat(20));
    assert.equal(folded('s + s', `const s = "${'x'.repeat(5001)}";`), Symbol.for('unknown'));
    assert.equal(folded('s + s', `const s = "${'x'.repeat(5000)}";`), 'x'.repeat(10000));
  });
  it('limits: past 100,000 folding steps, folded values are unknown but plain spellings are still read', () => {
    // 110,000 identifiers evaluated for one array spend the file's budget before the code after it.
    const padding = `const a = "x";\nconst parts = [${Array(110_000).fill('a').join(',')}];\neval(parts.join(""));\n`;
    const tail = 'const cp = require("child_process");\ncp.exec("id");\nimport("./local.js");\nglobalThis["ev" + "al"]("1");\nprocess.env.NPM_TOKEN;\n';
    const text = padding + tail;
    const found = scan(text).hits.map((h) => `${h.ruleId}@${text.slice(0, h.start).split('\n').length}`);
    assert.deepEqual(found.sort(), ['CMP-REWRITE-001@4', 'SEC-ENV-001@8', 'SEC-EVAL-001@3', 'SEC-SPAWN-001@5']);
  });
});

describe('bindings and aliases (§3.1)', () => {
  it('globals, the global object and shadowing', () => {
    assert.equal(describeRef('eval'), 'eval');
    assert.equal(describeRef('window["ev" + "al"]'), 'eval');
    assert.equal(describeRef('globalThis.self.global.process.binding'), 'process.binding');
    assert.equal(describeRef('Function("return this")()'), 'globalObject');
    assert.equal(describeRef('(0, eval)("this")'), 'globalObject');
    assert.equal(describeRef('eval', 'function eval2() {} const eval3 = 1;'), 'eval');
    assert.equal(describeRef('process', 'const process = {};'), 'obj');
  });
  it('require forms and createRequire', () => {
    for (const form of ['require("fs")', 'module.require("fs")', 'process.mainModule.require("fs")', 'require.main.require("fs")', 'globalThis.require("fs")', 'createRequire(import.meta.url)("node:fs")', 'r("fs")']) {
      assert.equal(describeRef(form, 'import { createRequire } from "module"; const r = require;'), 'module:fs', form);
    }
    assert.equal(describeRef('require("node:process").binding'), 'process.binding');
    assert.equal(describeRef('require("timers").setInterval'), 'setInterval');
  });
  it('imports: default and namespace are the module, named imports are exports', () => {
    assert.equal(describeRef('d', 'import d from "node:child_process";'), 'module:child_process');
    assert.equal(describeRef('ns.exec', 'import * as ns from "child_process";'), 'module:child_process.exec');
    assert.equal(describeRef('e', 'import { exec as e } from "child_process";'), 'module:child_process.exec');
  });
  it('destructuring, object and array literal members', () => {
    assert.equal(describeRef('e', 'const { exec: e = 1 } = require("child_process");'), 'module:child_process.exec');
    assert.equal(describeRef('x', 'const [x] = [eval];'), 'unknown');
    assert.equal(describeRef('o.run', 'const o = { run: eval };'), 'eval');
    assert.equal(describeRef('o.run', 'const o = { ...other, run: eval };'), 'eval');
    assert.equal(describeRef('o.run', 'const o = { run: eval, ...other };'), 'unknown');
    assert.equal(describeRef('a[0]', 'const a = [eval];'), 'eval');
  });
  it('call forms: .bind, Reflect.get, optional chaining, sequences', () => {
    assert.equal(describeRef('eval.bind(null)'), 'eval');
    assert.equal(describeRef('Reflect.get(process, "binding")'), 'process.binding');
    assert.equal(describeRef('globalThis?.["eval"]'), 'eval');
    assert.equal(describeRef('(1, 2, eval)'), 'eval');
  });
  it('variables assigned more than once are unions', () => {
    const v = valueOf('let f = JSON.parse;\nif (x) f = eval;\nconst __ = f;');
    assert.equal(v.k, 'union');
  });
  it('pi: parameter named pi, default-export parameter, unbound global pi', () => {
    assert.equal(describeRef('pi.exec', 'function g(pi) {}'), 'pi.exec');
    assert.equal(describeRef('pi.ui'), 'pi.ui');
  });
});

describe('call forms and value escape through the rules', () => {
  it('.call, .apply, .bind, Reflect.apply, Reflect.construct', () => {
    assert.deepEqual(ids('eval.call(null, s)'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('eval.apply(null, [s])'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('eval.bind(null)(s)'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('Reflect.apply(eval, null, [s])').sort(), ['SEC-EVAL-001', 'SEC-PROXY-001']);
    assert.deepEqual(ids('Reflect.construct(Function, ["return 1"])').sort(), ['SEC-FUNC-001', 'SEC-PROXY-001']);
    assert.deepEqual(ids('Reflect.construct(Function, [])'), ['SEC-PROXY-001']);
    // Function.prototype.call / apply invoked through .call: the first argument is what runs.
    assert.equal(describeRef('Function.prototype.call.call(require, null, "child_process").exec'), 'module:child_process.exec');
    assert.equal(describeRef('eval.call.call(require, null, "child_process").spawn'), 'module:child_process.spawn');
    assert.equal(describeRef('Function.prototype.apply.call(require, null, ["child_process"]).fork'), 'module:child_process.fork');
    assert.ok(ids('Function.prototype.apply.call(eval, null, [s])').includes('SEC-EVAL-001'));
    assert.notEqual(describeRef('obj.call.call(require, null, "child_process").exec'), 'module:child_process.exec');
  });
  it('every monitored reference yields a finding: escapes, unused aliases, unused imports', () => {
    assert.deepEqual(ids('run(eval)'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('function f() { return eval }'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('[eval][i](x)'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('const e = eval;'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('import { exec } from "child_process";').sort(), ['CMP-REWRITE-001', 'SEC-SPAWN-001']);
    assert.deepEqual(ids('const b = process.binding; b("fs"); b("os")'), ['SEC-BIND-001', 'SEC-BIND-001']);
  });
  it('an alias used only in calls is reported at each call, with the binding as related information', () => {
    const text = 'const e = eval;\ne(a);\ne(b);';
    const s = scan(text);
    assert.deepEqual(s.secCmpParse, ['SEC-EVAL-001 "e"', 'SEC-EVAL-001 "e"']);
    for (const h of s.hits) assert.equal(text.slice(h.related[0].start, h.related[0].end), 'e');
  });
  it('comparisons and typeof are reads, not escapes', () => {
    assert.deepEqual(ids('if (f === eval) {} typeof eval; x instanceof Function'), []);
  });
  it('strings, comments, property names and type-only imports never give findings', () => {
    assert.deepEqual(ids('const s = "eval(x)"; // require("vm")\n/* process.binding */ o.eval; o.exec(); ({ eval: 1, Function: 2 })'), []);
    assert.deepEqual(ids('import type { X } from "child_process";\nexport type { Y } from "vm";', 'x.ts'), []);
    // Empty braces in JavaScript are a real (side-effect) import, not a type-only one.
    assert.deepEqual(ids('import {      } from "vm";'), ['CMP-FORBIDDEN-001']);
    assert.deepEqual(ids('import {} from "vm";', 'x.ts'), ['CMP-FORBIDDEN-001']);
  });
  it('TypeScript-only syntax with runtime meaning is still scanned', () => {
    assert.deepEqual(ids('enum E { A = eval("1") }', 'x.ts'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('namespace N { export const x = eval(s) }', 'x.ts'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('class C { constructor(private x: number) { eval(s) } }', 'x.ts'), ['SEC-EVAL-001']);
    assert.deepEqual(ids('function d(x: unknown) { return x }\n@d(eval("1"))\nclass K {}', 'x.ts'), ['SEC-EVAL-001']);
  });
});

describe('helper functions with one returned expression (beyond §6.2: decoders and loader wrappers)', () => {
  it('fold with the call arguments bound to the parameters, per call', () => {
    const prelude = 'function d(s) { return Buffer.from(s, "hex").toString(); }\nconst rev = (s) => s.split("").reverse().join("");';
    assert.equal(folded('d("6576616c")', prelude), 'eval');
    assert.equal(folded('rev("lave") + d("21")', prelude), 'eval!');
    assert.equal(technique('d("6576616c")', prelude), 'hex literal');
    // Two calls of one helper with different arguments: nothing memoized across them.
    assert.equal(folded('[d("61"), d("62")].join("")', prelude), 'ab');
    assert.equal(folded('rev(d("6c617665"))', prelude), 'eval');
  });
  it('more decoders and string methods (beyond §3.2)', () => {
    assert.equal(folded('unescape("%65%76%61%6c")'), 'eval');
    assert.equal(technique('unescape("%65val")'), 'URI decoding');
    assert.equal(folded('new TextDecoder().decode(new Uint8Array([101, 118, 97, 108]))'), 'eval');
    assert.equal(folded('Array.from("lave").reverse().join("")'), 'eval');
    assert.equal(folded('(14).toString(36) + (31).toString(36) + (10).toString(36) + (21).toString(36)'), 'eval');
    assert.equal(folded('(255).toString(16)'), 'ff');
    assert.equal(folded('"ev".concat("a", "l".repeat(1)).normalize()'), 'eval');
    assert.equal(folded('"eval".padStart(6, "xy").slice(2) + "x".at(0) + " a".charAt(1) + "  b".trimStart()'), 'evalxab');
    assert.equal(folded('(1).toString(x)'), Symbol.for('unknown'));
    assert.equal(folded('"a".repeat(100000)'), Symbol.for('unknown'));
  });
  it('type coercion of literal containers, as at runtime (JSFuck-style code)', () => {
    assert.equal(folded('![] + []'), 'false');
    assert.equal(folded('!![] + []'), 'true');
    assert.equal(folded('+[]'), 0);
    assert.equal(folded('+!+[] + !+[]'), 2);
    assert.equal(folded('[] + {}'), '[object Object]');
    assert.equal(folded('[][[]] + []'), 'undefined');
    assert.equal(folded('(![] + [])[+[]]'), 'f');
    assert.equal(folded('[1, [2, 3], null] + ""'), '1,2,3,');
    assert.equal(folded('[+!+[]] + [+[]]'), '10');
    assert.equal(folded('[][(![]+[])[+[]]+([![]]+[][[]])[+!+[]+[+[]]]+(![]+[])[!+[]+!+[]]+(!![]+[])[+[]]+(!![]+[])[!+[]+!+[]+!+[]]+(!![]+[])[+!+[]]] + []'), 'function filter() { [native code] }');
    assert.equal(folded('([] + [])["constructor"].fromCharCode(101)'), 'e');
    assert.equal(technique('![] + []'), 'type coercion');
    // Unknown operands and objects that may convert themselves stay unknown.
    assert.equal(folded('x + []'), Symbol.for('unknown'));
    assert.equal(folded('({ toString() { return "e"; } }) + ""'), Symbol.for('unknown'));
    assert.equal(folded('[x] + ""'), Symbol.for('unknown'));
  });
  it('map over a constant array with an inlinable callback (element, index)', () => {
    assert.equal(folded('[101, 118, 97, 108].map((c) => String.fromCharCode(c)).join("")'), 'eval');
    assert.equal(folded('"lave".split("").map((c, i) => c).reverse().join("")'), 'eval');
    assert.equal(folded('["a", "b"].map((c, i) => c + i).join("-")'), 'a0-b1');
    assert.equal(folded('[1, x].map((c) => c).join("")'), Symbol.for('unknown'));
    assert.equal(folded('[1, 2].map(f).join("")'), Symbol.for('unknown'));
  });
  it('a loader wrapper gives the module; unknown arguments, bodies of more than one statement and recursion do not', () => {
    assert.equal(describeRef('load("child_process").exec', 'const load = (m) => require(m);'), 'module:child_process.exec');
    assert.equal(describeRef('load(x)', 'const load = (m) => require(m);'), 'unknown');
    assert.equal(folded('f("a")', 'function f(s) { const t = s; return t; }'), Symbol.for('unknown'));
    assert.equal(folded('f("a")', 'function f(s) { return f(s); }'), Symbol.for('unknown'));
    // A parameter assigned in the body is not the argument any more.
    assert.equal(folded('f("a")', 'const f = (s) => (s = "b", s);'), Symbol.for('unknown'));
  });
  it('unread parameters take any argument; constant lookup tables before the return are allowed', () => {
    // javascript-obfuscator wrappers pass decoys (here a string minus a number) in unused positions.
    const wrapper = 'function w(a, b, c) { const t = { k: 3 }; return String.fromCharCode(c + t.k); }';
    assert.equal(folded('w("x" - 1, unknownThing, 98)', wrapper), 'e');
    assert.equal(folded('w(1, 2, unknownThing)', wrapper), Symbol.for('unknown'));
    assert.equal(folded('f("a")', 'function f(s) { let t = { k: 1 }; return s; }'), Symbol.for('unknown'));
  });
  it('members of an object literal: assigned later, or copied in by spreading a module or pi', () => {
    assert.equal(describeRef('o.cp.exec', 'const o = {};\no.cp = require("child_process");'), 'module:child_process.exec');
    assert.equal(describeRef('o.exec', 'const o = { ...require("child_process"), name: "x" };'), 'module:child_process.exec');
    assert.equal(describeRef('o.name', 'const o = { name: "x", ...require("child_process") };'), 'module:child_process.name');
    assert.equal(folded('o.name', 'const o = { ...require("child_process"), name: "x" };'), 'x');
    assert.equal(describeRef('o.k', 'const o = { ...other };'), 'unknown');
    assert.equal(describeRef('api.exec', 'const api = { ...pi };'), 'pi.exec');
  });
  it('a getter of an object literal is its returned value', () => {
    assert.equal(describeRef('o.cp.exec', 'const o = { get cp() { return require("child_process"); } };'), 'module:child_process.exec');
    assert.equal(folded('o.name', 'const o = { get name() { return ["la", "ve"].join("").split("").reverse().join(""); } };'), 'eval');
    assert.equal(describeRef('o.v', 'const o = { get v() { if (a) return 1; return require("fs"); } };'), 'unknown');
    assert.equal(describeRef('o.v', 'const o = { set v(x) { this.x = x; } };'), 'unknown');
    assert.equal(describeRef('A.cp.exec', 'class A { static get cp() { return require("child_process"); } }'), 'module:child_process.exec');
  });
  it('class methods return through calls, on the class (static), its instances (new C()) and this; superclasses of the file too', () => {
    const cls = 'class A { cp() { return require("child_process"); } static make() { return require("child_process"); } run() { return 1; } field = require("fs"); }';
    assert.equal(describeRef('A.make().exec', cls), 'module:child_process.exec');
    assert.equal(describeRef('new A().cp().exec', cls), 'module:child_process.exec');
    assert.equal(describeRef('a.cp().spawn', `${cls}\nconst a = new A();`), 'module:child_process.spawn');
    assert.equal(describeRef('new A().field.readFileSync', cls), 'module:fs.readFileSync');
    assert.equal(describeRef('new B().cp().exec', `${cls}\nclass B extends A {}`), 'module:child_process.exec');
    // Instance members are not static ones and the other way round; unknown methods stay unknown.
    assert.equal(describeRef('A.cp', cls), 'unknown');
    assert.equal(describeRef('new A().make', cls), 'unknown');
    assert.equal(describeRef('new A().missing().exec', cls), 'unknown');
    assert.equal(describeRef('new A().run().exec', cls), 'unknown');
    assert.equal(describeRef('new A().constructor.make().exec', cls), 'module:child_process.exec');
  });
  it('TypeScript namespace members: N.k is the binding k the namespace exports', () => {
    const text = 'namespace Util {\n  export const proc = require("child_process");\n  export const load = require;\n  const hidden = require("child_process");\n}\nUtil.proc.exec("a");\nUtil.load("child_process").spawn("b");\nUtil.hidden.exec("c");\n';
    const found = scan(text, 'ext/index.ts').hits.filter((h) => h.ruleId === 'SEC-SPAWN-001').map((h) => [text.slice(h.start, h.end), h.message]);
    assert.deepEqual(found, [
      ['Util.proc.exec', 'Direct process execution via child_process.exec (via namespace Util)'],
      ['Util.load("child_process").spawn', 'Direct process execution via child_process.spawn'],
    ]);
    // A local of the same name shadows the namespace.
    assert.deepEqual(scan('namespace U { export const p = require("child_process"); }\nfunction f(U: any) { return U.p.exec("x"); }\n', 'a.ts').hits.filter((h) => h.ruleId === 'SEC-SPAWN-001'), []);
  });
  it('Map entries: m.get(k) is what new Map([[k, v]]) and m.set(k, v) stored under the folded key', () => {
    assert.equal(describeRef('m.get("run").exec', 'const m = new Map([["run", require("child_process")], ["x", 1]]);'), 'module:child_process.exec');
    assert.equal(describeRef('m.get("s" + "h").spawn', 'const m = new Map();\nm.set("sh", require("child_process"));'), 'module:child_process.spawn');
    assert.equal(describeRef('new Map([["e", require("vm")]]).get("e")', ''), 'module:vm');
    // Other keys, reassigned holders, entries that cannot be read, other constructors: not the module.
    assert.doesNotMatch(describeRef('m.get("other").exec', 'const m = new Map([["run", require("child_process")]]);'), /^module:/);
    assert.doesNotMatch(describeRef('m.get("run").exec', 'let m = new Map([["run", require("child_process")]]);\nm = other;'), /^module:/);
    assert.doesNotMatch(describeRef('m.get("run").exec', 'const m = new Map([...pairs, ["run", require("child_process")]]);'), /^module:/);
    assert.doesNotMatch(describeRef('m.get("run").exec', 'const m = new WeakRefMap([["run", require("child_process")]]);'), /^module:/);
  });
  it('Object.freeze, seal and preventExtensions return their argument', () => {
    assert.equal(describeRef('o.cp.exec', 'const o = Object.freeze({ cp: require("child_process") });'), 'module:child_process.exec');
    assert.equal(folded('C.k', 'const C = Object.seal({ k: "ev" + "al" });'), 'eval');
    assert.notEqual(describeRef('o.cp', 'const o = Object.assign({}, { cp: require("child_process") });'), 'module:child_process');
  });
  it('a helper that only calls one parameter with others is a call of that argument', () => {
    const text = 'const cp = require("child_process");\nconst table = { run: function (f, x) { return f(x); } };\ntable.run(cp.execSync, "id");\nconst apply = (f, x) => f(x);\napply(JSON.parse, "{}");';
    const spawn = scan(text).hits.filter((h) => h.ruleId === 'SEC-SPAWN-001');
    // Reported once, at the forwarding call (where the command is), not again at the reference.
    assert.deepEqual(spawn.map((h) => text.slice(h.start, h.end)), ['table.run']);
    assert.deepEqual(analyze(text).policyFacts.commands.map((c) => c.command.command), ['id']);
  });
  it('through the rules: the call is classified like require, with the evasion step', () => {
    assert.deepEqual(ids('const need = (m) => require(m);\nneed("vm");'), ['SEC-DIMPORT-001', 'CMP-FORBIDDEN-001']);
    const hit = scan('const load = (m) => require(m);\nload("child_process").spawn("sh");').hits.find((h) => h.ruleId === 'SEC-SPAWN-001');
    assert.ok(hit && /helper load\(\)/.test(hit.message), hit?.message);
  });
});
