import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coalesce } from '../../../shared/scanner/coalesce';
import { makeHit } from '../../../shared/scanner/engine';
import { scanFileText } from '../../../shared/scanner/fileScan';
import { assignFingerprints, fingerprintOf } from '../../../shared/scanner/fingerprint';
import { countHits, verdictOf } from '../../../shared/scanner/verdict';
import { createHash } from 'node:crypto';

describe('coalescing (scanner.md §5.6)', () => {
  it('the most severe tier wins; others go to alsoMatched and the message suffix', () => {
    const merged = coalesce([makeHit('POL-CAP-001', 5, 20, 'cap'), makeHit('SEC-ENV-001', 5, 20, 'env'), makeHit('POL-ENV-001', 5, 20, 'secret')]);
    assert.equal(merged.length, 1);
    assert.equal(merged[0].hit.ruleId, 'POL-ENV-001');
    assert.deepEqual(merged[0].alsoMatched, ['POL-CAP-001', 'SEC-ENV-001']);
    assert.equal(merged[0].message, 'secret (also: POL-CAP-001, SEC-ENV-001)');
  });
  it('ties go by family order SEC, CMP, POL-EXEC, POL-ENV, POL-CAP, PARSE, then rule id', () => {
    const m = coalesce([makeHit('POL-CAP-001', 0, 4, 'a'), makeHit('SEC-SPAWN-001', 0, 4, 'b')]);
    assert.equal(m[0].hit.ruleId, 'SEC-SPAWN-001');
    assert.deepEqual(m[0].alsoMatched, ['POL-CAP-001']);
    const h = coalesce([makeHit('PARSE-001', 0, 0, 'p'), makeHit('POL-CAP-001', 0, 0, 'c'), makeHit('POL-ENV-001', 0, 0, 'e'), makeHit('SEC-SECRET-001', 0, 0, 's')]);
    assert.deepEqual([h[0].hit.ruleId, ...h[0].alsoMatched], ['SEC-SECRET-001', 'POL-ENV-001', 'POL-CAP-001', 'PARSE-001']);
    const s = coalesce([makeHit('SEC-PROXY-001', 0, 1, 'p'), makeHit('SEC-EVAL-001', 0, 1, 'e')]);
    assert.equal(s[0].hit.ruleId, 'SEC-EVAL-001');
  });
  it('different ranges are not merged', () => {
    assert.equal(coalesce([makeHit('SEC-ENV-001', 0, 4, 'a'), makeHit('SEC-ENV-001', 0, 5, 'b')]).length, 2);
  });
});

describe('verdict and score (scanner.md §9)', () => {
  it('matches the spec example: eval, secret, debugger and a POL-CAP-002 prompt', () => {
    const counts = countHits([
      { ruleId: 'SEC-EVAL-001', tier: 'critical' },
      { ruleId: 'SEC-SECRET-001', tier: 'high' },
      { ruleId: 'SEC-DEBUG-001', tier: 'low' },
      { ruleId: 'POL-CAP-002', tier: 'medium' },
    ]);
    assert.deepEqual(counts, { critical: 1, high: 1, medium: 0, low: 1, compat_errors: 0, compat_warnings: 1 });
    assert.deepEqual(verdictOf(counts), { recommendation: 'block', score: 42, composite_tier: 'critical', text: 'BLOCK: score 42/100 — 1 critical, 1 high, 1 low; 1 compat warning(s)' });
  });
  it('matches the dashboards example (score floors at 0)', () => {
    const counts = { critical: 1, high: 0, medium: 1, low: 0, compat_errors: 6, compat_warnings: 0 };
    assert.equal(verdictOf(counts).text, 'BLOCK: score 0/100 — 1 critical, 1 medium; 6 compat error(s)');
  });
  it('counts CMP/POL/PARSE by tier and ignores low compat hits and SUP', () => {
    const counts = countHits([
      { ruleId: 'CMP-FORBIDDEN-001', tier: 'critical' },
      { ruleId: 'PARSE-001', tier: 'high' },
      { ruleId: 'CMP-UNSUPPORTED-001', tier: 'medium' },
      { ruleId: 'CMP-REWRITE-001', tier: 'low' },
      { ruleId: 'POL-EXEC-003', tier: 'low' },
      { ruleId: 'SUP-001', tier: 'high' },
      { ruleId: 'SUP-003', tier: 'low' },
    ]);
    assert.deepEqual(counts, { critical: 0, high: 0, medium: 0, low: 0, compat_errors: 2, compat_warnings: 1 });
    assert.equal(verdictOf(counts).text, 'REVIEW: score 65/100 — no security findings; 2 compat error(s), 1 warning(s)');
  });
  it('medium composite: REVIEW below 50, ALLOW otherwise; clean is ALLOW', () => {
    assert.equal(verdictOf({ critical: 0, high: 0, medium: 6, low: 0, compat_errors: 0, compat_warnings: 0 }).recommendation, 'review');
    assert.equal(verdictOf({ critical: 0, high: 0, medium: 5, low: 0, compat_errors: 0, compat_warnings: 0 }).recommendation, 'allow');
    assert.deepEqual(verdictOf(countHits([])), { recommendation: 'allow', score: 100, composite_tier: 'low', text: 'ALLOW: score 100/100 — no security findings; compatible' });
    assert.equal(verdictOf({ critical: 0, high: 0, medium: 0, low: 2, compat_errors: 0, compat_warnings: 0 }).composite_tier, 'low');
  });
});

describe('fingerprints (scanner.md §10)', () => {
  it('is the first 16 hex chars of sha256 over rule, path, collapsed text and k', () => {
    const expected = createHash('sha256').update('SEC-EVAL-001\next/a.js\neval( x )\n0').digest('hex').slice(0, 16);
    assert.equal(fingerprintOf('SEC-EVAL-001', 'ext/a.js', 'eval(  x\n  )', 0), expected);
  });
  it('counts k per (rule, text) pair', () => {
    const fps = assignFingerprints('a.js', [
      { ruleId: 'R', nodeText: 'x' },
      { ruleId: 'R', nodeText: 'y' },
      { ruleId: 'R', nodeText: 'x' },
    ]);
    assert.equal(fps[0], fingerprintOf('R', 'a.js', 'x', 0));
    assert.equal(fps[2], fingerprintOf('R', 'a.js', 'x', 1));
    assert.equal(fps[1], fingerprintOf('R', 'a.js', 'y', 0));
  });
  it('is stable under edits elsewhere in the file', () => {
    const opts = { relativePath: 'ext/a.js', extensionId: 'ext', today: '2026-01-01' };
    const a = scanFileText('require("vm");\n', opts).findings[0];
    const b = scanFileText('// header\nconst x = 1;\n\nrequire( "vm" );\n', opts).findings[0];
    assert.equal(a.fingerprint, b.fingerprint);
    assert.notEqual(a.line, b.line);
  });
});

describe('file pipeline positions and size limit', () => {
  it('gives 1-based UTF-16 line/column and end positions', () => {
    const f = scanFileText('const s = "😀";\n  require("vm")', { relativePath: 'a.js', extensionId: null, today: '2026-01-01' }).findings[0];
    assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [2, 11, 2, 15]);
  });
  it('reports SEC-SCAN-001 for text over the size limit at line 1 column 1', () => {
    const r = scanFileText('x'.repeat(101), { relativePath: 'big.js', extensionId: 'e', today: '2026-01-01', maxFileBytes: 100 });
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.message, f.line, f.column, f.endLine, f.endColumn]), [
      ['SEC-SCAN-001', 'Not scanned: file exceeds the size limit (101 > 100 bytes)', 1, 1, 1, 1],
    ]);
    assert.equal(r.scanFailed, true);
  });
});
