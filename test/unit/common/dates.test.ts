import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, daysBetween, isIsoDate, parseIsoDate } from '../../../shared/common/dates';
import { LineIndex } from '../../../shared/common/lineIndex';
import { globToRegExp } from '../../../shared/common/glob';

describe('dates', () => {
  it('accepts only real calendar dates in strict form', () => {
    assert.equal(isIsoDate('2026-02-28'), true);
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-2-28'), false);
    assert.equal(isIsoDate('2026-02-28T00:00'), false);
    assert.equal(parseIsoDate('1970-01-02'), 1);
  });
  it('adds days across month and year ends', () => {
    assert.equal(addDays('2026-02-14', 30), '2026-03-16');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(daysBetween('2026-02-14', '2026-02-28'), 14);
    assert.equal(daysBetween('2026-02-28', '2026-02-14'), -14);
  });
});

describe('LineIndex', () => {
  it('maps offsets for LF and CRLF text', () => {
    const idx = new LineIndex('ab\r\ncd\nef');
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(8), { line: 2, character: 1 });
    assert.equal(idx.offsetAt({ line: 2, character: 1 }), 8);
    assert.equal(idx.lineCount, 3);
  });
});

describe('globToRegExp', () => {
  it('matches double-star segments, single stars and braces', () => {
    assert.ok(globToRegExp('**/node_modules/**').test('a/node_modules/b.js'));
    assert.ok(globToRegExp('**/node_modules/**').test('node_modules/b.js'));
    assert.ok(globToRegExp('.pi/extensions/**').test('.pi/extensions/x/index.ts'));
    assert.ok(!globToRegExp('.pi/extensions/*').test('.pi/extensions/x/index.ts'));
    assert.ok(globToRegExp('**/*.{js,ts}').test('a/b.ts'));
    assert.ok(!globToRegExp('**/*.{js,ts}').test('a/b.tsx'));
  });
});
