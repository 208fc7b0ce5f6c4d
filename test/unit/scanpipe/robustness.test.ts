import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { scanFileText } from '../../../shared/scanner/fileScan';

const PATHS = ['a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.ts', 'a.mts', 'a.cts', 'a.tsx'];
const opts = (path: string) => ({ relativePath: path, extensionId: 'x', today: '2026-06-01' });

const SEED = `// pi-scan-allow CMP-FORBIDDEN-001 until 2026-12-31 -- reviewed
import { type A } from "node:vm";
import * as cp from "child_process";
enum E { A = f(), B }
namespace N { export const x = require("vm"); }
class C { constructor(private x: number) {} @dec() m(): void { eval(\`x\${1}\`); } }
const el = <div a={1}>{g()}</div>;
export default function (pi: any) { pi.exec("ls", ["-la"]); /* trailing */ }
`;

function assertWellFormed(text: string, path: string): void {
  const result = scanFileText(text, opts(path));
  for (const f of result.findings) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${path}: ${f.ruleId} [${f.start}, ${f.end}) outside 0..${text.length}`);
    assert.ok(f.line >= 1 && f.column >= 1 && f.endLine >= f.line, `${path}: bad position`);
  }
}

describe('fuzz: the scanner never throws and ranges stay inside the file', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), fc.constantFrom(...PATHS), (text, path) => assertWellFormed(text, path)),
      { numRuns: 150 },
    );
  });
  it('truncated and mutated real-looking sources', () => {
    const token = fc.constantFrom('{', '}', '(', ')', '<', '>', '`', '"', "'", '/*', '*/', '//', '@', 'enum ', 'namespace ', ':', '=>', '\n', '\r\n', '\ufeff', '\u2028', '#!', 'import(', 'require(', ' as ');
    fc.assert(
      fc.property(
        fc.nat(SEED.length),
        fc.array(fc.tuple(fc.nat(SEED.length), token), { maxLength: 6 }),
        fc.constantFrom(...PATHS),
        (cut, inserts, path) => {
          let text = SEED.slice(0, cut);
          for (const [at, t] of inserts) {
            const i = Math.min(at, text.length);
            text = text.slice(0, i) + t + text.slice(i);
          }
          assertWellFormed(text, path);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('pathological inputs (correctness only; timing lives in the bench)', () => {
  it('20,000 nested brackets: PARSE-001, no crash, comments still read', () => {
    const deep = '// pi-scan-allow CMP-FORBIDDEN-001 -- r\nx = ' + '['.repeat(20000) + ']'.repeat(20000) + ';\n';
    for (const path of ['deep.js', 'deep.ts']) {
      const result = scanFileText(deep, opts(path));
      assert.ok(result.findings.some((f) => f.ruleId === 'PARSE-001'), path);
      assert.equal(result.tolerant, true);
      assert.ok(result.findings.some((f) => f.ruleId === 'SUP-003'), `${path}: the suppression comment was read`);
    }
    assert.equal(scanFileText(deep, opts('deep.ts')).stripFailed, true);
  });
  it('20,000 nested parentheses and blocks', () => {
    for (const text of ['(' .repeat(20000) + ')'.repeat(20000), 'function f(){' + '{'.repeat(20000) + '}'.repeat(20000) + '}']) {
      const result = scanFileText(text, opts('p.js'));
      assert.ok(result.findings.every((f) => f.end <= text.length));
    }
  });
  it('a 10 MB minified file is not parsed under the default limit (SEC-SCAN-001, fail-closed)', () => {
    const chunk = 'var a=function(b){return b+1};';
    const text = chunk.repeat(Math.ceil((10 * 1024 * 1024) / chunk.length));
    const result = scanFileText(text, opts('min.js'));
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.message]), [['SEC-SCAN-001', `Not scanned: file exceeds the size limit (${text.length} > 1048576 bytes)`]]);
  });
  it('a 1 MB minified line parses and scans', () => {
    const chunk = 'var a=function(b){return b+1};';
    const text = chunk.repeat(Math.floor(1_000_000 / chunk.length)) + 'require("vm");';
    const result = scanFileText(text, opts('min.js'));
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.line]), [['CMP-FORBIDDEN-001', 1]]);
  });
});
