import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as acorn from 'acorn';
import { walk } from '../../../shared/scanner/engine';
import { parseSource } from '../../../shared/scanner/parse';
import { mayHoldDecorator } from '../../../shared/scanner/tsStrip';
import { LineIndex } from '../../../shared/common/lineIndex';

/** Every node whose source text is `needle` in the original text must sit at the same offsets. */
function findNodes(program: acorn.Node, type: string): acorn.Node[] {
  return [...walk(program)].filter((n) => n.type === type);
}

function calleeTexts(src: string, path: string): string[] {
  const parsed = parseSource(src, path);
  assert.equal(parsed.parseError, undefined, `parse error: ${JSON.stringify(parsed.parseError)}`);
  assert.equal(parsed.strippedText.length, src.length);
  const nodes = [...findNodes(parsed.program, 'CallExpression'), ...parsed.extraExpressions.flatMap((e) => findNodes(e, 'CallExpression'))];
  return nodes.map((n) => src.slice((n as acorn.CallExpression).callee.start, (n as acorn.CallExpression).callee.end)).sort();
}

const TS_FILE = `import type { Ctx } from "vm";
import { type A, type B } from "node:vm";
import D, { type E } from "lodash";
import fs = require("fs");
export import cp = require("child_process");
enum Color { Red = 1 << 0, Green, Blue = enumInit("2"), }
export const enum K { A = "a", B = constInit() }
declare enum Q { X = notCode() }
namespace NS.Inner {
  export const x: number = nsValue();
  export function f(a: string): void { nsBody(a) }
  export enum E2 { Z = nestedEnum() }
  type T = string;
}
module M2 { export let y = modValue() }
namespace Types { export type X = 1 }
declare global { interface Window { x: 1 } }
class Svc<T extends object> extends Base<T> implements I {
  @Inject(TOKEN) private readonly dep!: Dep<string>;
  constructor(private x: number, public readonly y: string = dflt(), protected z?: boolean) { super(); }
  @Log(level()) method(@Param() p: string): void { methodBody(p as any) }
  accessor acc = 1;
  abstract foo(): void;
  overload(a: string): void;
  overload(a: any) { overloadBody(a!) }
}
@Component({ selector: sel() })
export class Comp<T> { }
const v = <any>castTarget();
const w = (satisfier() satisfies object);
export = exported();
`;

describe('TypeScript strip keeps every offset (scanner.md §2.1)', () => {
  it('parses a file with enums, namespaces, parameter properties, decorators, import =, export =', () => {
    const callees = calleeTexts(TS_FILE, 'svc.ts');
    assert.deepEqual(callees, [
      'Component', 'Inject', 'Log', 'Param', 'constInit', 'dflt', 'enumInit', 'exported', 'level', 'methodBody', 'modValue',
      'nestedEnum', 'nsBody', 'nsValue', 'overloadBody', 'require', 'require', 'satisfier', 'castTarget', 'sel', 'super',
    ].sort());
  });

  it('records type-only imports with the specifier range, and not mixed ones', () => {
    const parsed = parseSource(TS_FILE, 'svc.ts');
    assert.deepEqual(parsed.typeOnlyImports.map((t) => [t.source, TS_FILE.slice(t.start, t.end)]), [['vm', '"vm"'], ['node:vm', '"node:vm"']]);
    assert.match(parsed.strippedText.split('\n')[1], /^import \{ +\} from "node:vm";$/);
  });

  it('turns enums into object literals bound to their name, so members fold', () => {
    assert.equal(parseSource('enum Color { Red = 1 << 0, Green, Blue = f("2"), }\n', 'e.ts').strippedText, 'var  Color={ Red : 1 << 0, Green, Blue : f("2"), }\n');
    assert.equal(parseSource('export const enum K { A = "x" }\n', 'e.ts').strippedText, 'export       var  K={ A : "x" }\n');
    // Enums of one name merge: two declarations of one `var` are valid.
    assert.equal(parseSource('const enum K { A = 1 }\nconst enum K { B = 2 }\n', 'e.ts').parseError, undefined);
  });

  it('falls back to a block of initializer expressions when the object cannot be spelled', () => {
    // A string-named member without initializer is no valid shorthand; `{` on its own line leaves no room for `=`.
    assert.equal(parseSource('enum Color { "red-ish", Blue = f("2"), Green = 3 }\n', 'e.ts').strippedText, '           {                   f("2");         3 }\n');
    assert.equal(parseSource('enum E\n{ A = g(1) }\n', 'e.ts').strippedText, '      \n{     g(1) }\n');
    // Code after it that would continue an object literal (automatic semicolon insertion would not end it).
    for (const next of ['(globalThis as any).x = 1', '[1].map(f)', '`t`', '/re/.test(s)', '+x']) {
      assert.equal(parseSource(`enum E { A = g(1) }\n${next}\n`, 'e.ts').strippedText.slice(0, 19), '       {     g(1) }', next);
    }
    assert.equal(parseSource('enum E { A = g(1) } // note\nfoo()\n', 'e.ts').strippedText.slice(0, 19), 'var  E={ A : g(1) }');
    // A comment before a member's `=` could hold an `=` of its own.
    assert.equal(parseSource('enum E { A /* = */ = 1 }\nfoo()\n', 'e.ts').strippedText, '       {             1 }\nfoo()\n');
  });

  it('rewrites import = require and export = with equal length', () => {
    const src = 'import fs = require("fs");\nexport import cp = require("child_process");\nexport = fs;\n';
    const parsed = parseSource(src, 'a.ts');
    assert.equal(parsed.strippedText, 'const  fs = require("fs");\nexport const  cp = require("child_process");\nvoid     fs;\n');
  });

  it('export = of a typed function or class stays an expression, across a line break', () => {
    const src = 'export =\n  function (x: string): void { eval(x); };\n';
    const parsed = parseSource(src, 'a.ts');
    assert.equal(parsed.parseError, undefined);
    assert.equal(parsed.strippedText, 'void    \n  function (x        )       { eval(x); };\n');
    assert.equal(parseSource('export = class<T> { run(v: T) { return v; } };\n', 'b.ts').parseError, undefined);
  });

  it('records value namespaces with their blocks and exported names (dotted and type-only ones are not recorded)', () => {
    const src = 'namespace N {\n  export const a = 1, b = 2;\n  export function f() {}\n  const hidden = 3;\n  export namespace Inner { export const c = 4; }\n}\nnamespace A.B { export const d = 5; }\nnamespace T { export type X = 1; }\n';
    const parsed = parseSource(src, 'a.ts');
    assert.deepEqual(parsed.namespaces.map((n) => [n.name, src[n.blockStart], src[n.blockEnd - 1], n.exported]), [
      ['N', '{', '}', ['a', 'b', 'f', 'Inner']],
      ['Inner', '{', '}', ['c']],
    ]);
    assert.deepEqual(parseSource('const n = 1;', 'a.js').namespaces, []);
  });

  it('keeps call ranges exact inside namespaces and parameter properties', () => {
    const src = 'namespace N {\n  export const a = eval("1");\n}\nclass C { constructor(private readonly e = eval("2")) {} }\n';
    const parsed = parseSource(src, 'a.ts');
    const calls = findNodes(parsed.program, 'CallExpression') as acorn.CallExpression[];
    assert.deepEqual(calls.map((c) => [c.start, src.slice(c.start, c.end)]), [
      [src.indexOf('eval("1")'), 'eval("1")'],
      [src.indexOf('eval("2")'), 'eval("2")'],
    ]);
    assert.equal(new LineIndex(src).positionAt(calls[0].start).line, 1);
  });

  it('parses decorator expressions at their offsets', () => {
    const src = 'class A {\n  @dec(eval("x"))\n  m() {}\n}\n';
    const parsed = parseSource(src, 'a.ts');
    assert.equal(parsed.parseError, undefined);
    assert.equal(parsed.extraExpressions.length, 1);
    const e = parsed.extraExpressions[0];
    assert.equal(src.slice(e.start, e.end), 'dec(eval("x"))');
    assert.equal(new LineIndex(src).positionAt(e.start).line, 1);
    assert.equal(parsed.strippedText.includes('@'), false);
  });

  it('handles TSX with generics, JSX and type assertions', () => {
    const src = 'import React from "react";\nconst id = <T,>(x: T): T => x;\nexport const App = (p: Props) => <div onClick={() => handler(p as any)}>{run<string>("a")}</div>;\n';
    const callees = calleeTexts(src, 'App.tsx');
    assert.deepEqual(callees, ['handler', 'run']);
  });

  it('blanks type arguments of JSX elements (ts-blank-space keeps them), with trivia and nesting', () => {
    const src = 'const a = <List<Map<string, number>> items={load()} />;\nconst b = <Table< Row  >\n  rows={rows()}>{cell()}</Table>;\nconst c = <A.B<T> on={f()} />;\n';
    const parsed = parseSource(src, 'list.tsx');
    assert.equal(parsed.parseError, undefined);
    assert.equal(parsed.strippedText.includes('<Map'), false);
    assert.deepEqual(calleeTexts(src, 'list.tsx'), ['cell', 'f', 'load', 'rows']);
  });

  it('handles JSX in .jsx files', () => {
    assert.deepEqual(calleeTexts('const a = <A b={f()}>{g()}</A>;\n', 'a.jsx'), ['f', 'g']);
  });

  it('parses JSX in a plain .js file (React projects) after the plain attempts fail, without PARSE-001', () => {
    const src = 'import React from "react";\nexport const A = () => <div onClick={() => run(x)}>{label()}</div>;\n';
    assert.deepEqual(calleeTexts(src, 'a.js'), ['label', 'run']);
    assert.equal(parseSource(src, 'a.js').mode, 'module');
    // A real syntax error is still one, reported from the first (plain) attempt.
    const broken = parseSource('const a = <div>{f(}</div>;\n', 'b.js');
    assert.equal(broken.mode, 'tolerant');
    assert.ok(broken.parseError);
  });

  it('replaces a BOM by a space and keeps CRLF offsets', () => {
    const src = '\ufeffconst a = 1;\r\nrun();\r\n';
    const parsed = parseSource(src, 'a.js');
    assert.equal(parsed.strippedText[0], ' ');
    const call = findNodes(parsed.program, 'CallExpression')[0];
    assert.equal(call.start, src.indexOf('run'));
  });
});

describe('parse fallback order and tolerant mode (scanner.md §2.2)', () => {
  it('parses a with statement in .js as script after the module attempt fails', () => {
    const parsed = parseSource('with (obj) { x }', 'a.js');
    assert.equal(parsed.mode, 'script');
    assert.equal(parsed.parseError, undefined);
  });
  it('.mjs is module only: with statement is a syntax error', () => {
    const parsed = parseSource('with (obj) { x }', 'a.mjs');
    assert.equal(parsed.mode, 'tolerant');
    assert.ok(parsed.parseError);
  });
  it('reports the first error of the first attempt and still parses the rest', () => {
    const src = 'const a = 1;\nconst b = ;\nlater(x);\n';
    const parsed = parseSource(src, 'a.js');
    assert.equal(parsed.mode, 'tolerant');
    assert.equal(parsed.parseError!.offset, src.indexOf(';\nlater'));
    const calls = findNodes(parsed.program, 'CallExpression');
    assert.equal(calls.length, 1);
  });
  it('collects comments in tolerant mode', () => {
    const parsed = parseSource('// pi-scan-allow SEC-EVAL-001 -- first\nconst = ;\n/* second */\n', 'a.js');
    assert.deepEqual(parsed.comments.map((c) => c.text), [' pi-scan-allow SEC-EVAL-001 -- first', ' second ']);
  });
  it('collects comments only when a suppression or expectation marker can be among them', () => {
    assert.deepEqual(parseSource('// first\nconst a = 1; /* second */\n', 'a.js').comments, []);
    assert.equal(parseSource('// pi-expect: clean\nconst a = 1; /* second */\n', 'a.ts').comments.length, 2);
  });
  it('survives 20,000 nested brackets (JS and TS) without throwing', () => {
    const deep = 'x = ' + '['.repeat(20000) + ']'.repeat(20000) + ';\n// tail\n';
    for (const path of ['a.js', 'a.ts']) {
      const parsed = parseSource(deep, path);
      assert.equal(parsed.mode, 'tolerant', path);
      assert.ok(parsed.parseError, path);
      assert.equal(parsed.strippedText.length, deep.length);
    }
    assert.equal(parseSource(deep, 'a.ts').stripFailed, true);
  });
  it('a TypeScript file with a syntax error is scanned in tolerant mode', () => {
    const parsed = parseSource('const a: number = ;\nfoo();\n', 'a.ts');
    assert.equal(parsed.mode, 'tolerant');
    assert.ok(parsed.parseError);
  });
});

describe('decorator pre-check (skips the syntax-tree walk on files without decorators)', () => {
  it('keeps every place a decorator can start and rules out JSDoc tags, comments, addresses and package scopes', () => {
    const cases: Array<[string, boolean]> = [
      ['@dec class A {}', true],
      ['class A {\n  @Input() x = 1;\n}', true],
      ['constructor(@Inject(T) x) {}', true],
      ['export @dec class A {}', true],
      ['class A { @(foo()) m() {} }', true],
      ['/**\n * @param x the value\n */', false],
      ['// see @foo\n', false],
      ['const e = "a@b.com";', false],
      ['import x from "@types/node";', false],
      ['x = a@b', false],
      ['x @', false],
    ];
    for (const [text, expected] of cases) assert.equal(mayHoldDecorator(text), expected, text);
  });
  it('strips decorated classes the same with or without the pre-check', () => {
    const src = '/** @param x */\nexport @dec(eval) class A { @m() x = 1; }\n';
    const parsed = parseSource(src, 'a.ts');
    assert.equal(parsed.extraExpressions.length, 2);
    assert.equal(parsed.strippedText.includes('@'), true, 'the JSDoc tag stays');
    assert.equal(parsed.strippedText.includes('@dec'), false);
  });
});
