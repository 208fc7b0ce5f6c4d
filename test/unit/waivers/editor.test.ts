import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_KNOWN_GATES } from '../../../shared/settings/schema';
import { appendWaiverEdit, completionsAt, hoverAt, lensTitle, waiverTemplate, weekdayOf } from '../../../shared/waivers/editor';
import { fixture, one, SUITES, validate, waiverToml } from './helpers';

describe('CodeLens titles §9 (with §5.2 day boundaries)', () => {
  const rows: [string, string, string][] = [
    ['2026-02-12', 'full', 'invalid: created (2026-02-14) is in the future; a waiver starts no later than tomorrow (UTC)'],
    ['2026-02-13', 'full', 'active · 15 days left · applies: full'],
    ['2026-02-24', 'full', 'active · 4 days left · applies: full'],
    ['2026-02-25', 'both', 'expiring soon · 3 days left · applies: preflight, full'],
    ['2026-02-27', 'preflight', 'expiring soon · 1 day left · applies: preflight'],
    ['2026-02-28', 'full', 'expiring soon · expires today · applies: full'],
    ['2026-03-01', 'full', 'EXPIRED 1 day ago'],
    ['2026-03-03', 'full', 'EXPIRED 3 days ago'],
  ];
  for (const [today, scope, title] of rows) {
    it(`${today} scope ${scope}: ${title}`, () => {
      assert.equal(lensTitle(one(waiverToml('ext_must_pass', { scope }), today)), title);
    });
  }
  it('a self waiver shows applies: none', () => {
    assert.equal(lensTitle(one(waiverToml('waiver_lifecycle'), '2026-02-20')), 'active · 8 days left · applies: none');
  });
  it('the spec example lenses', () => {
    const r = validate(fixture('spec-example.toml'), '2026-02-20');
    assert.deepEqual(r.waivers.map(lensTitle), [
      'active · 13 days left · applies: preflight, full',
      'expiring soon · 2 days left · applies: preflight',
      'EXPIRED 6 days ago',
      'invalid: Waiver duration 42 days exceeds the 30-day maximum (created 2026-02-01, expires 2026-03-15)',
      'invalid: Missing required field(s): scope, remove_when',
      'invalid: "created" must be a quoted string: write created = "2026-02-18"',
    ]);
  });
});

describe('hover §9', () => {
  it('on a header: status, days, lanes, gate name and blocking flag', () => {
    const text = SUITES + waiverToml('ext_must_pass', { scope: 'both' });
    const r = validate(text, '2026-02-20');
    const h = hoverAt(r, text.indexOf('[waiver.ext_must_pass]') + 3);
    assert.ok(h);
    assert.match(h.markdown, /Waiver for `ext_must_pass`\*\* — active/);
    assert.match(h.markdown, /Days remaining: 8/);
    assert.match(h.markdown, /Applies in: preflight, full/);
    assert.match(h.markdown, /Gate: Extension must-pass \(208\) \(blocking\)/);
  });
  it('on a date: weekday and relative days', () => {
    const text = waiverToml('ext_must_pass');
    const r = validate(text, '2026-02-20');
    const h = hoverAt(r, text.indexOf('"2026-02-28"') + 2);
    assert.ok(h);
    assert.equal(h.markdown, 'Saturday, 2026-02-28 — in 8 days (today is 2026-02-20, UTC)');
    const c = hoverAt(r, text.indexOf('"2026-02-14"') + 2);
    assert.match(c?.markdown ?? '', /^Saturday, 2026-02-14 — 6 days ago/);
    assert.equal(hoverAt(r, text.indexOf('TopazForest')), null);
  });
  it('on a waiver key: what the field means', () => {
    const text = waiverToml('ext_must_pass');
    const r = validate(text, '2026-02-20');
    const h = hoverAt(r, text.indexOf('remove_when') + 2);
    assert.match(h?.markdown ?? '', /^\*\*remove_when\*\* — required\. An objective exit condition/);
  });
  it('weekdays', () => {
    assert.equal(weekdayOf('1970-01-01'), 'Thursday');
    assert.equal(weekdayOf('2028-02-29'), 'Tuesday');
    assert.equal(weekdayOf('2026-02-30'), undefined);
  });
});

describe('completion §9', () => {
  it('after [waiver.: known gate ids not yet waived, even while the file does not parse', () => {
    const text = waiverToml('ext_must_pass') + '\n[waiver.';
    const r = validate(text, '2026-02-20');
    assert.ok(r.syntax);
    const items = completionsAt(r, text.length, DEFAULT_KNOWN_GATES);
    const labels = items.map((i) => i.label);
    assert.equal(labels.includes('ext_must_pass'), false);
    assert.equal(labels.includes('security_compat'), true);
    assert.equal(labels.length, DEFAULT_KNOWN_GATES.length - 1);
    const partial = '[waiver.sec';
    const p = completionsAt(validate(partial, '2026-02-20'), partial.length, DEFAULT_KNOWN_GATES);
    assert.deepEqual(p[0].replace, { start: 8, end: 11 });
  });
  it('at line start inside a waiver table: the missing keys as snippets', () => {
    const text = '[waiver.ext_must_pass]\nowner = "A"\ncreated = "2026-02-14"\n';
    const r = validate(text, '2026-02-20');
    const items = completionsAt(r, text.length, DEFAULT_KNOWN_GATES);
    assert.deepEqual(items.map((i) => i.label), ['expires', 'bead', 'reason', 'scope', 'remove_when', 'renewal_note']);
    assert.equal(items.find((i) => i.label === 'expires')?.insertText, 'expires = "${1:2026-03-06}"');
    assert.equal(items.every((i) => i.snippet), true);
  });
  it('inside scope quotes: the three scopes', () => {
    const text = '[waiver.ext_must_pass]\nscope = "f';
    const items = completionsAt(validate(text, '2026-02-20'), text.length, DEFAULT_KNOWN_GATES);
    assert.deepEqual(items.map((i) => i.label), ['full', 'preflight', 'both']);
    assert.deepEqual(items[0].replace, { start: text.length - 1, end: text.length });
  });
  it('inside date quotes: today, +7, +14 and created + 30 for expires', () => {
    const text = '[waiver.ext_must_pass]\ncreated = "2026-02-14"\nexpires = "';
    const r = validate(text + '"\n', '2026-02-20');
    const items = completionsAt(r, text.length, DEFAULT_KNOWN_GATES);
    assert.deepEqual(items.map((i) => i.label), ['2026-02-20', '2026-02-27', '2026-03-06', '2026-03-16']);
    const c = completionsAt(r, text.indexOf('2026-02-14'), DEFAULT_KNOWN_GATES);
    assert.deepEqual(c.map((i) => i.label), ['2026-02-20', '2026-02-27', '2026-03-06']);
  });
  it('a complete-waiver snippet on an empty line outside other tables', () => {
    const items = completionsAt(validate('', '2026-02-20'), 0, DEFAULT_KNOWN_GATES);
    assert.equal(items.length, 1);
    assert.equal(items[0].kind, 'snippet');
    assert.match(items[0].insertText, /created = "2026-02-20"\nexpires = "2026-03-06"/);
  });
});

describe('Add Waiver template', () => {
  it('is a complete, valid-shaped waiver appended after one blank line', () => {
    const entry = waiverTemplate('security_compat', 'Jane "JD" Doe', '2026-02-20');
    const base = SUITES.trimEnd() + '\n';
    const edit = appendWaiverEdit(base, entry);
    const text = base + edit.newText;
    assert.ok(text.includes('files = ["c"]\n\n[waiver.security_compat]\n'));
    const r = validate(text, '2026-02-20');
    assert.equal(r.syntax, null);
    assert.equal(r.waivers[0].raw.owner, 'Jane "JD" Doe');
    assert.equal(r.waivers[0].raw.expires, '2026-03-06');
    assert.deepEqual(r.waivers[0].problems.map((p) => `${p.code}:${p.field}`), ['WVR-PLACEHOLDER:bead', 'WVR-PLACEHOLDER:reason', 'WVR-PLACEHOLDER:remove_when']);
    assert.equal(appendWaiverEdit('a = 1', entry).newText.startsWith('\n\n[waiver.'), true);
    assert.equal(appendWaiverEdit('a = 1\n\n', entry).newText.startsWith('[waiver.'), true);
  });
});
