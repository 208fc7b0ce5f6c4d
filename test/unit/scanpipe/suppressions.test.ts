import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../shared/common/lineIndex';
import { makeHit } from '../../../shared/scanner/engine';
import { scanFileText } from '../../../shared/scanner/fileScan';
import { parseSource } from '../../../shared/scanner/parse';
import { applySuppressions } from '../../../shared/scanner/suppressions';
import type { Hit } from '../../../shared/scanner/types';

const TODAY = '2026-06-15';

/** Hits at the first occurrence of each `needle` in `src`. */
function hitsAt(src: string, specs: [string, string][]): Hit[] {
  return specs.map(([ruleId, needle]) => {
    const start = src.indexOf(needle);
    assert.ok(start >= 0, needle);
    return makeHit(ruleId, start, start + needle.length, `${ruleId} message`);
  });
}

function run(src: string, hits: Hit[], today = TODAY, path = 'a.js') {
  const parsed = parseSource(src, path);
  return applySuppressions(hits, {
    comments: parsed.comments,
    codeText: parsed.strippedText,
    lines: new LineIndex(src),
    firstStatementStart: parsed.program.body[0]?.start ?? null,
    today,
  });
}

const sup = (o: ReturnType<typeof run>) => o.supHits.map((h) => [h.ruleId, h.message]);
const suppressedIds = (o: ReturnType<typeof run>) => o.hits.filter((h) => h.suppression).map((h) => h.hit.ruleId);

describe('suppression grammar and targets (scanner.md §7)', () => {
  it('applies an own-line suppression to the next code line, skipping blank and comment lines', () => {
    const src = '// pi-scan-allow SEC-CONSOLE-001 -- CLI output\n\n// another comment\nconsole.warn(x);\nconsole.warn(y);\n';
    const o = run(src, [makeHit('SEC-CONSOLE-001', src.indexOf('console.warn(x)'), src.indexOf('console.warn(x)') + 12, 'm'), makeHit('SEC-CONSOLE-001', src.indexOf('console.warn(y)'), src.indexOf('console.warn(y)') + 12, 'm')]);
    assert.deepEqual(o.hits.map((h) => h.suppression?.reason ?? null), ['CLI output', null]);
    assert.deepEqual(o.hits[0].suppression, { reason: 'CLI output', until: null, line: 1, fileLevel: false });
    assert.deepEqual(sup(o), []);
  });

  it('applies a trailing suppression to hits starting on that line, and stacked suppressions work', () => {
    const src = '// pi-scan-allow SEC-ENV-001 -- home dir\n// pi-scan-allow SEC-CONSOLE-001 -- output\nconsole.warn(process.env.HOME);\nfoo(process.env.X); // pi-scan-allow SEC-ENV-001 -- x\n';
    const hits = hitsAt(src, [['SEC-CONSOLE-001', 'console.warn'], ['SEC-ENV-001', 'process.env.HOME'], ['SEC-ENV-001', 'process.env.X']]);
    const o = run(src, hits);
    assert.deepEqual(o.hits.map((h) => h.suppression?.reason ?? null), ['output', 'home dir', 'x']);
  });

  it('supports several ids, block comments and until dates (valid through that date)', () => {
    const src = '/* pi-scan-allow SEC-ENV-001, SEC-CONSOLE-001 until 2026-06-15 -- reviewed */\nconsole.warn(process.env.HOME);\n';
    const hits = hitsAt(src, [['SEC-CONSOLE-001', 'console.warn'], ['SEC-ENV-001', 'process.env.HOME']]);
    const o = run(src, hits);
    assert.deepEqual(suppressedIds(o), ['SEC-CONSOLE-001', 'SEC-ENV-001']);
    assert.equal(o.hits[0].suppression!.until, '2026-06-15');
    const expired = run(src, hits, '2026-06-16');
    assert.deepEqual(suppressedIds(expired), []);
    assert.deepEqual(sup(expired), [['SUP-002', 'Suppression expired on 2026-06-15; the finding is active again']]);
  });

  it('requires a reason', () => {
    for (const comment of ['// pi-scan-allow SEC-ENV-001', '// pi-scan-allow SEC-ENV-001 --', '// pi-scan-allow SEC-ENV-001 --   ', '/* pi-scan-allow SEC-ENV-001 -- */']) {
      const src = `${comment}\nprocess.env.HOME;\n`;
      const o = run(src, hitsAt(src, [['SEC-ENV-001', 'process.env.HOME']]));
      assert.deepEqual(suppressedIds(o), [], comment);
      assert.deepEqual(sup(o), [['SUP-001', 'Suppression needs a reason after "--"']], comment);
    }
  });

  it('ignores unknown ids and unsuppressible ids but keeps the valid ones', () => {
    const src = '// pi-scan-allow SEC-ENV-001, SEC-NOPE-001, PARSE-001, SUP-003, SEC-* -- r\nprocess.env.HOME;\n';
    const o = run(src, hitsAt(src, [['SEC-ENV-001', 'process.env.HOME']]));
    assert.deepEqual(suppressedIds(o), ['SEC-ENV-001']);
    assert.deepEqual(sup(o), [
      ['SUP-001', 'Unknown rule id "SEC-NOPE-001"'],
      ['SUP-001', 'PARSE-001 cannot be suppressed'],
      ['SUP-001', 'SUP-003 cannot be suppressed'],
      ['SUP-001', 'Unknown rule id "SEC-*"'],
    ]);
  });

  it('rejects dates that are not real calendar dates', () => {
    for (const date of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '']) {
      const src = `// pi-scan-allow SEC-ENV-001 until ${date} -- r\nprocess.env.HOME;\n`;
      const o = run(src, hitsAt(src, [['SEC-ENV-001', 'process.env.HOME']]));
      assert.deepEqual(suppressedIds(o), [], date);
      assert.deepEqual(sup(o), [['SUP-001', '"until" must be a real date in YYYY-MM-DD form']], date);
    }
  });

  it('nudges Critical suppressions without until but applies them', () => {
    const src = '// pi-scan-allow SEC-EVAL-001 -- constant table\neval(x);\n';
    const o = run(src, hitsAt(src, [['SEC-EVAL-001', 'eval']]));
    assert.deepEqual(suppressedIds(o), ['SEC-EVAL-001']);
    assert.deepEqual(sup(o), [['SUP-001', 'Critical findings should be suppressed with an expiry (until YYYY-MM-DD)']]);
    const withUntil = '// pi-scan-allow SEC-EVAL-001 until 2026-12-31 -- constant table\neval(x);\n';
    assert.deepEqual(sup(run(withUntil, hitsAt(withUntil, [['SEC-EVAL-001', 'eval']]))), []);
  });

  it('reports unused suppressions per rule (SUP-003), including a wrong target line', () => {
    const src = '// pi-scan-allow SEC-ENV-001, SEC-CONSOLE-001 -- r\nprocess.env.HOME;\n\nconsole.warn(1);\n';
    const o = run(src, hitsAt(src, [['SEC-ENV-001', 'process.env.HOME'], ['SEC-CONSOLE-001', 'console.warn']]));
    assert.deepEqual(suppressedIds(o), ['SEC-ENV-001']);
    assert.deepEqual(sup(o), [['SUP-003', 'No SEC-CONSOLE-001 finding on the target line']]);
    assert.equal(o.supHits[0].tier, 'low');
    assert.equal(src.slice(o.supHits[0].start, o.supHits[0].end), '// pi-scan-allow SEC-ENV-001, SEC-CONSOLE-001 -- r');
  });

  it('file-level suppressions apply everywhere and must precede the first statement', () => {
    const src = '#!/usr/bin/env node\n// pi-scan-allow-file SEC-CONSOLE-001 -- generated file\nconsole.warn(1);\nfunction f() {\n  console.error(2);\n}\n';
    const hits = [makeHit('SEC-CONSOLE-001', src.indexOf('console.warn'), src.indexOf('console.warn') + 12, 'm'), makeHit('SEC-CONSOLE-001', src.indexOf('console.error'), src.indexOf('console.error') + 13, 'm')];
    const o = run(src, hits);
    assert.deepEqual(suppressedIds(o), ['SEC-CONSOLE-001', 'SEC-CONSOLE-001']);
    assert.equal(o.hits[0].suppression!.fileLevel, true);
    const late = 'console.warn(1);\n// pi-scan-allow-file SEC-CONSOLE-001 -- generated\n';
    const lo = run(late, [makeHit('SEC-CONSOLE-001', 0, 12, 'm')]);
    assert.deepEqual(suppressedIds(lo), []);
    assert.equal(lo.supHits[0].ruleId, 'SUP-001');
  });

  it('is not fooled by lookalike markers or markers inside strings', () => {
    const src = '// pi-scan-allowed SEC-ENV-001 -- r\nconst s = "// pi-scan-allow SEC-ENV-001 -- r"; process.env.HOME;\n// see pi-scan-allow SEC-ENV-001 -- r\nprocess.env.HOME;\n';
    const o = run(src, hitsAt(src, [['SEC-ENV-001', 'process.env.HOME']]));
    assert.deepEqual(suppressedIds(o), []);
    assert.deepEqual(sup(o), []);
  });

  it('works in TypeScript where the next line is a blanked type', () => {
    const src = '// pi-scan-allow SEC-ENV-001 -- r\ninterface A { x: 1 }\nprocess.env.HOME;\n';
    const o = run(src, hitsAt(src, [['SEC-ENV-001', 'process.env.HOME']]), TODAY, 'a.ts');
    assert.deepEqual(suppressedIds(o), ['SEC-ENV-001']);
  });
});

describe('suppressions through the file pipeline', () => {
  it('keeps suppressed findings in the output with their suppression and excludes them from active hits', () => {
    const src = 'require("vm"); // pi-scan-allow CMP-FORBIDDEN-001 until 2026-07-01 -- legacy loader\nrequire("net");\n';
    const result = scanFileText(src, { relativePath: 'ext/a.js', extensionId: 'ext', today: TODAY });
    assert.deepEqual(result.activeHits.map((h) => h.ruleId), ['CMP-FORBIDDEN-001']);
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.line, f.suppression?.reason ?? null]), [
      ['CMP-FORBIDDEN-001', 1, 'legacy loader'],
      ['CMP-FORBIDDEN-001', 2, null],
    ]);
    const off = scanFileText(src, { relativePath: 'ext/a.js', extensionId: 'ext', today: TODAY, suppressions: false });
    assert.equal(off.activeHits.length, 2);
  });
});

describe('suppressions in JSX', () => {
  it('a {/* pi-scan-allow */} line targets the next code line, and stacked JSX comments work', () => {
    const src = 'const el = (\n  <div>\n    {/* pi-scan-allow SEC-EVAL-001 until 2026-12-31 -- fixture */}\n    {/* pi-scan-allow SEC-CONSOLE-001 -- fixture */}\n    <A onClick={eval(x)} log={console.warn(1)} />\n  </div>\n);\n';
    const o = run(src, hitsAt(src, [['SEC-EVAL-001', 'eval'], ['SEC-CONSOLE-001', 'console.warn']]), TODAY, 'a.jsx');
    assert.deepEqual(suppressedIds(o), ['SEC-EVAL-001', 'SEC-CONSOLE-001']);
    assert.deepEqual(sup(o), []);
  });
});

describe('target lines in TypeScript', () => {
  it('a line holding only a decorator is code: the suppression above it applies to the decorator line', () => {
    const text = '// pi-scan-allow SEC-EVAL-001 until 2026-12-31 -- reviewed template\n@dec(eval(x))\nclass A {}\n';
    const result = scanFileText(text, { relativePath: 'a.ts', extensionId: 'e', today: '2026-11-24' });
    assert.deepEqual(result.findings.map((f) => [f.ruleId, f.line, f.suppression?.reason ?? null]), [['SEC-EVAL-001', 2, 'reviewed template']]);
  });
});
