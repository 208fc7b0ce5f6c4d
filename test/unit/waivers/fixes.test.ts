import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_KNOWN_GATES } from '../../../shared/settings/schema';
import { applyEdits, normaliseDate, quickFixes, RENEWAL_PLACEHOLDER, type QuickFix } from '../../../shared/waivers/fixes';
import type { EntryResult } from '../../../shared/waivers/model';
import type { WaiverFileResult } from '../../../shared/waivers/validate';
import { codes, SUITES, validate, waiverToml } from './helpers';

const OPTS = (today: string) => ({ today, knownGates: DEFAULT_KNOWN_GATES });

function fixesOf(text: string, today: string, code: string, index = 0): { r: WaiverFileResult; w: EntryResult; fixes: QuickFix[] } {
  const r = validate(text, today);
  assert.equal(r.syntax, null, 'input must be valid TOML');
  const w = r.waivers.filter((x) => x.problems.some((p) => p.code === code))[index] ?? r.quarantine.find((x) => x.problems.some((p) => p.code === code));
  assert.ok(w, `no entry with ${code}`);
  const p = w.problems.find((x) => x.code === code);
  assert.ok(p);
  return { r, w, fixes: quickFixes(r, w, p, OPTS(today)) };
}

/** Applies the titled fix and re-validates; the edited text must still be valid TOML. */
function apply(text: string, today: string, code: string, title: string): { text: string; r: WaiverFileResult; fix: QuickFix } {
  const { fixes } = fixesOf(text, today, code);
  const fix = fixes.find((f) => f.title === title);
  assert.ok(fix, `fix "${title}" not offered; offered: ${fixes.map((f) => f.title).join(' | ')}`);
  const edited = applyEdits(text, fix.edits);
  const r = validate(edited, today);
  assert.equal(r.syntax, null, `fix "${title}" broke the TOML:\n${edited}`);
  return { text: edited, r, fix };
}

describe('waiver quick fixes (round trip: apply, re-validate)', () => {
  it('Insert missing field(s): keeps comments, inserts after the last key, then only placeholders remain', () => {
    const text = '# waivers\n[waiver.ext_must_pass] # the must-pass gate\nowner = "A" # me\ncreated = "2026-02-14"\n\n# next\n[waiver.non_mock_unit]\n' +
      waiverToml('x').split('\n').slice(1).join('\n');
    const { text: out, r } = apply(text, '2026-02-20', 'WVR-MISSING-FIELD', 'Insert missing field(s): expires, bead, reason, scope, remove_when');
    assert.ok(out.startsWith('# waivers\n[waiver.ext_must_pass] # the must-pass gate\nowner = "A" # me\ncreated = "2026-02-14"\nexpires = "2026-02-28"\nbead = "<bd-id>"\n'));
    assert.ok(out.includes('\n\n# next\n[waiver.non_mock_unit]\n'));
    assert.deepEqual(codes(r.waivers[0].problems), ['WVR-PLACEHOLDER', 'WVR-PLACEHOLDER', 'WVR-PLACEHOLDER', 'WVR-PLACEHOLDER']);
    assert.equal(r.waivers[1].id, 'non_mock_unit');
  });
  it('Insert missing field(s) in an inline table and in dotted form; CRLF is kept', () => {
    const inline = '[waiver]\next_must_pass = { owner = "A", created = "2026-02-14" }\n';
    const a = apply(inline, '2026-02-20', 'WVR-MISSING-FIELD', 'Insert missing field(s): expires, bead, reason, scope, remove_when');
    assert.equal(a.r.waivers[0].problems.filter((p) => p.code === 'WVR-MISSING-FIELD').length, 0);
    const dotted = 'waiver.ext_must_pass.owner = "A"\r\nwaiver.ext_must_pass.created = "2026-02-14"\r\n';
    const b = apply(dotted, '2026-02-20', 'WVR-MISSING-FIELD', 'Insert missing field(s): expires, bead, reason, scope, remove_when');
    assert.ok(b.text.includes('\r\nwaiver.ext_must_pass.expires = "2026-02-28"\r\n'));
    assert.equal(b.text.includes('\n') && /[^\r]\n/.test(b.text), false);
    assert.equal(b.r.waivers[0].problems.filter((p) => p.code === 'WVR-MISSING-FIELD').length, 0);
  });
  it('Quote the value: an unquoted date and a date-time', () => {
    const text = SUITES + waiverToml('ext_must_pass', { created: '=2026-02-14 # unquoted' });
    const { text: out, r } = apply(text, '2026-02-20', 'WVR-NOT-STRING', 'Quote the value: created = "2026-02-14"');
    assert.ok(out.includes('created = "2026-02-14" # unquoted\n'));
    assert.deepEqual(r.waivers[0].problems, []);
    const dt = apply(waiverToml('ext_must_pass', { expires: '=2026-02-28T10:00:00Z' }), '2026-02-20', 'WVR-NOT-STRING', 'Quote the value: expires = "2026-02-28"');
    assert.deepEqual(codes(dt.r.waivers[0].problems), []);
    const num = apply(waiverToml('ext_must_pass', { owner: '=42' }), '2026-02-20', 'WVR-NOT-STRING', 'Quote the value: owner = "42"');
    assert.deepEqual(codes(num.r.waivers[0].problems), []);
  });
  it('no quote fix for arrays and tables', () => {
    assert.deepEqual(fixesOf(waiverToml('ext_must_pass', { owner: '=["a"]' }), '2026-02-20', 'WVR-NOT-STRING').fixes, []);
  });
  for (const [bad, good] of [['2026-2-5', '2026-02-05'], ['2026/02/05', '2026-02-05'], ['20260205', '2026-02-05'], ['2026-02-05T10:00:00Z', '2026-02-05']]) {
    it(`Change to "${good}" from "${bad}"`, () => {
      const { r } = apply(waiverToml('ext_must_pass', { created: bad, expires: '2026-02-10' }), '2026-02-06', 'WVR-DATE-FORMAT', `Change to "${good}"`);
      assert.deepEqual(codes(r.waivers[0].problems), []);
    });
  }
  it('no date fix when ambiguous or impossible', () => {
    assert.equal(normaliseDate('05/02/2026'), undefined);
    assert.equal(normaliseDate('2026-2-30'), undefined);
    assert.equal(normaliseDate('next week'), undefined);
    assert.deepEqual(fixesOf(waiverToml('ext_must_pass', { created: 'soon' }), '2026-02-20', 'WVR-DATE-FORMAT').fixes, []);
  });
  it('Set expires to created + 30 clamps the duration', () => {
    const text = waiverToml('evidence_bundle', { created: '2026-02-01', expires: '2026-03-15' });
    const { r, text: out } = apply(text, '2026-02-20', 'WVR-DURATION', 'Set expires to 2026-03-03 (created + 30 days)');
    assert.ok(out.includes('expires = "2026-03-03"\n'));
    assert.deepEqual(codes(r.waivers[0].problems), []);
    assert.equal(r.waivers[0].status, 'active');
  });
  it('Swap created and expires', () => {
    const { r } = apply(waiverToml('ext_must_pass', { created: '2026-02-28', expires: '2026-02-14' }), '2026-02-20', 'WVR-DATE-ORDER', 'Swap created and expires');
    assert.deepEqual(codes(r.waivers[0].problems), []);
    // Not offered when the swapped pair would be too long.
    assert.deepEqual(fixesOf(waiverToml('ext_must_pass', { created: '2026-04-28', expires: '2026-02-14' }), '2026-02-20', 'WVR-DATE-ORDER').fixes, []);
  });
  it('Set created to today', () => {
    const { r } = apply(waiverToml('ext_must_pass', { created: '2026-02-24', expires: '2026-03-01' }), '2026-02-20', 'WVR-CREATED-FUTURE', 'Set created to 2026-02-20');
    assert.deepEqual(codes(r.waivers[0].problems), []);
  });
  it('Change scope: the case-folded match first and preferred', () => {
    const { fixes } = fixesOf(waiverToml('ext_must_pass', { scope: 'Preflight' }), '2026-02-20', 'WVR-SCOPE');
    assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [
      ['Change scope to "preflight"', true],
      ['Change scope to "full"', false],
      ['Change scope to "both"', false],
    ]);
    const { r } = apply(waiverToml('ext_must_pass', { scope: 'Preflight' }), '2026-02-20', 'WVR-SCOPE', 'Change scope to "preflight"');
    assert.deepEqual(r.waivers[0].appliesIn, ['preflight']);
  });
  it('Lowercase bead / Add the bd- prefix', () => {
    assert.deepEqual(codes(apply(waiverToml('ext_must_pass', { bead: 'BD-77' }), '2026-02-20', 'WVR-BEAD', 'Lowercase bead').r.waivers[0].problems), []);
    assert.deepEqual(codes(apply(waiverToml('ext_must_pass', { bead: '1f42.4.4' }), '2026-02-20', 'WVR-BEAD', 'Add the bd- prefix').r.waivers[0].problems), []);
  });
  it('Rename an unknown key to the nearest, or remove it', () => {
    const text = waiverToml('ext_must_pass', { remove_when: null, 'remove-when': 'done' });
    const renamed = apply(text, '2026-02-20', 'WVR-UNKNOWN-KEY', 'Rename to "remove_when"');
    assert.deepEqual(codes(renamed.r.waivers[0].problems), []);
    const removed = apply(waiverToml('ext_must_pass', { notes: 'x' }), '2026-02-20', 'WVR-UNKNOWN-KEY', 'Remove unknown key "notes"');
    assert.equal(removed.text, waiverToml('ext_must_pass'));
    const inline = '[waiver]\next_must_pass = { owner = "A", expiry = "2026-02-28", created = "2026-02-14" }\n';
    const r3 = apply(inline, '2026-02-20', 'WVR-UNKNOWN-KEY', 'Remove unknown key "expiry"');
    assert.equal(r3.text, '[waiver]\next_must_pass = { owner = "A", created = "2026-02-14" }\n');
  });
  it('Rename an unknown gate (all places the id is written)', () => {
    const dotted = 'waiver.ext_must_pas.owner = "A"\n' + waiverToml('x').split('\n').slice(2).filter(Boolean).map((l) => `waiver.ext_must_pas.${l}`).join('\n') + '\n';
    const { r } = apply(dotted, '2026-02-20', 'WVR-UNKNOWN-GATE', 'Rename to "ext_must_pass"');
    assert.deepEqual(r.waivers.map((w) => [w.id, codes(w.problems)]), [['ext_must_pass', []]]);
  });
  it('Extend to created + 30 (30-day limit) inserts renewal_note with the placeholder selected', () => {
    const text = SUITES + waiverToml('ext_must_pass');
    const { text: out, r, fix } = apply(text, '2026-02-27', 'WVR-EXPIRING', 'Extend to 2026-03-16 (30-day limit)');
    assert.ok(fix.selection);
    assert.equal(out.slice(fix.selection.start, fix.selection.end), RENEWAL_PLACEHOLDER);
    assert.deepEqual(codes(r.waivers[0].problems), ['WVR-PLACEHOLDER']);
    assert.equal(r.waivers[0].raw.renewal_note, RENEWAL_PLACEHOLDER);
    // Writing the note makes it valid and active.
    const done = validate(out.replace(RENEWAL_PLACEHOLDER, 'Upstream fix slipped a week'), '2026-02-27');
    assert.equal(done.waivers[0].status, 'active');
    assert.equal(done.waivers[0].daysRemaining, 17);
  });
  it('Extend is offered on expired waivers only while created + 30 ≥ today', () => {
    const offered = fixesOf(waiverToml('ext_must_pass'), '2026-03-05', 'WVR-EXPIRED').fixes.map((f) => f.title);
    assert.deepEqual(offered, ['Extend to 2026-03-16 (30-day limit)', 'Renew from today (new created date)', 'Remove waiver']);
    const late = fixesOf(waiverToml('ext_must_pass'), '2026-03-20', 'WVR-EXPIRED').fixes.map((f) => f.title);
    assert.deepEqual(late, ['Renew from today (new created date)', 'Remove waiver']);
  });
  it('Renew from today replaces an existing renewal_note and gives created = today, expires = today + 14', () => {
    const text = waiverToml('ext_must_pass', { renewal_note: 'old note' });
    const { r, text: out, fix } = apply(text, '2026-03-20', 'WVR-EXPIRED', 'Renew from today (new created date)');
    assert.equal(r.waivers[0].raw.created, '2026-03-20');
    assert.equal(r.waivers[0].raw.expires, '2026-04-03');
    assert.ok(fix.selection);
    assert.equal(out.slice(fix.selection.start, fix.selection.end), RENEWAL_PLACEHOLDER);
    assert.equal(out.split('renewal_note').length, 2);
  });
  it('Remove waiver deletes the table and one blank line, keeping neighbours and comments', () => {
    const text = '# top\n' + waiverToml('security_compat', { expires: '2026-02-15' }) + '\n# keep me\n' + waiverToml('ext_must_pass');
    const { text: out, r } = apply(text, '2026-02-20', 'WVR-EXPIRED', 'Remove waiver');
    assert.equal(out, '# top\n# keep me\n' + waiverToml('ext_must_pass'));
    assert.deepEqual(r.waivers.map((w) => w.id), ['ext_must_pass']);
  });
  it('Select value for empty and placeholder values selects the string content', () => {
    const text = waiverToml('ext_must_pass', { owner: 'YourName' });
    const { fixes } = fixesOf(text, '2026-02-20', 'WVR-PLACEHOLDER');
    assert.equal(fixes[0].title, 'Select value');
    assert.ok(fixes[0].selection);
    assert.equal(text.slice(fixes[0].selection.start, fixes[0].selection.end), 'YourName');
  });
  it('quarantine: clamp to 14 days and quote', () => {
    const q = '[quarantine.t]\ncategory = "FLAKE-NET"\nowner = "A"\nquarantined = 2026-02-01\nexpires = "2026-02-10"\nbead = "bd-1"\nevidence = "e"\nrepro = "r"\nreason = "x"\nremove_when = "w"\n';
    const { r } = apply(q, '2026-02-05', 'QRN-NOT-STRING', 'Quote the value: quarantined = "2026-02-01"');
    assert.deepEqual(codes(r.quarantine[0].problems), []);
  });
});
