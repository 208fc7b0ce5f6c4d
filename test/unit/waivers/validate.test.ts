import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../../../shared/common/clock';
import { gateVerdict } from '../../../shared/waivers/audit';
import { allProblems } from '../../../shared/waivers/validate';
import { codes, one, spanText, SUITES, validate, waiverToml } from './helpers';

describe('waivers §2/§4 stage 1: syntax', () => {
  it('reports the parser message at its line and column, and nothing else', () => {
    const r = validate(SUITES + waiverToml('ext_must_pass') + 'broken = "abc', '2026-02-20');
    assert.ok(r.syntax);
    assert.equal(r.syntax.message, 'TOML syntax error: unfinished string');
    assert.equal(r.syntax.line, 18);
    assert.equal(r.syntax.column, 10);
    assert.deepEqual(codes(allProblems(r)), ['WVR-SYNTAX']);
    assert.equal(r.waivers.length, 0);
    assert.equal(r.suiteProblems.length, 0);
    assert.equal(r.lines.positionAt(r.syntax.span.start).line, 17);
  });
  it('names a duplicate [waiver.X] table on the second header', () => {
    const text = waiverToml('ext_must_pass') + '\n' + waiverToml('ext_must_pass');
    const r = validate(text, '2026-02-20');
    assert.ok(r.syntax);
    assert.equal(r.syntax.message, 'Duplicate waiver for gate "ext_must_pass"; a gate can have only one waiver');
    assert.equal(spanText(r, r.syntax.problem), '[waiver.ext_must_pass]');
    assert.equal(r.lines.positionAt(r.syntax.span.start).line, 9);
  });
  it('a duplicate key is a plain syntax error', () => {
    const r = validate('[waiver.x]\nowner = "a"\nowner = "b"\n', '2026-02-20');
    assert.ok(r.syntax);
    assert.match(r.syntax.message, /^TOML syntax error: /);
    assert.equal(r.syntax.line, 3);
  });
});

describe('waivers §4 stage 2: structure', () => {
  it('WVR-NOT-TABLE for waiver.<id> and for waiver itself; both count as invalid entries', () => {
    const r = validate('[waiver]\nsecurity_compat = "yes"\n', '2026-02-20');
    assert.equal(r.waivers.length, 1);
    assert.equal(r.waivers[0].status, 'invalid');
    assert.equal(r.waivers[0].problems[0].message, '"waiver.security_compat" must be a table of string fields');
    assert.equal(spanText(r, r.waivers[0].problems[0]), 'security_compat');
    const r2 = validate('waiver = 3\n', '2026-02-20');
    assert.equal(r2.waivers.length, 1);
    assert.equal(r2.waivers[0].problems[0].message, '"waiver" must be a table of string fields');
    assert.equal(gateVerdict(r2).status, 'fail');
  });
  it('WVR-MISSING-FIELD lists keys in the required order, on the header', () => {
    const r = validate(waiverToml('ext_must_pass', { remove_when: null, owner: null, scope: null }), '2026-02-20');
    const p = r.waivers[0].problems.find((x) => x.code === 'WVR-MISSING-FIELD');
    assert.ok(p);
    assert.equal(p.message, 'Missing required field(s): owner, scope, remove_when');
    assert.equal(p.field, null);
    assert.equal(spanText(r, p), 'ext_must_pass');
  });
  it('WVR-NOT-STRING: date and date-time literals give the quoted-string hint with the date part', () => {
    const w = one(waiverToml('ext_must_pass', { created: '=2026-02-14', expires: '=2026-02-28T10:00:00Z' }), '2026-02-20');
    assert.deepEqual(codes(w.problems), ['WVR-NOT-STRING', 'WVR-NOT-STRING']);
    assert.equal(w.problems[0].message, '"created" must be a quoted string: write created = "2026-02-14"');
    assert.equal(w.problems[1].message, '"expires" must be a quoted string: write expires = "2026-02-28"');
    assert.equal(w.status, 'invalid');
    assert.equal(w.daysRemaining, undefined);
  });
  it('WVR-NOT-STRING keeps an impossible unquoted date as written (the parser would normalise it)', () => {
    const w = one(waiverToml('ext_must_pass', { expires: '=2026-02-30' }), '2026-02-20');
    assert.equal(w.problems[0].message, '"expires" must be a quoted string: write expires = "2026-02-30"');
  });
  const kinds: [string, string][] = [
    ['=42', 'integer'],
    ['=0x2A', 'integer'],
    ['=4.5', 'float'],
    ['=1e3', 'float'],
    ['=true', 'boolean'],
    ['=10:30:00', 'time'],
    ['=["a"]', 'array'],
    ['={ a = "b" }', 'table'],
  ];
  for (const [value, found] of kinds) {
    it(`WVR-NOT-STRING names the type: ${value.slice(1)} → ${found}`, () => {
      const w = one(waiverToml('ext_must_pass', { owner: value }), '2026-02-20');
      assert.equal(w.problems[0].code, 'WVR-NOT-STRING');
      assert.equal(w.problems[0].message, `"owner" must be a string; found ${found}`);
      assert.equal(w.raw.owner, null);
    });
  }
  it('WVR-EMPTY for empty and whitespace-only values, on the value', () => {
    const r = validate(waiverToml('ext_must_pass', { reason: '', owner: '   ' }), '2026-02-20');
    const w = r.waivers[0];
    assert.deepEqual(codes(w.problems), ['WVR-EMPTY', 'WVR-EMPTY']);
    assert.equal(w.problems[0].message, '"owner" must not be empty');
    assert.equal(w.problems[1].message, '"reason" must not be empty');
    assert.equal(spanText(r, w.problems[1]), '""');
  });
  for (const value of ['<owner>', 'YourName', 'todo', 'TBD', 'xxx', 'bd-XXXX']) {
    it(`WVR-PLACEHOLDER: ${value}`, () => {
      const w = one(waiverToml('ext_must_pass', { owner: value }), '2026-02-20');
      assert.deepEqual(codes(w.problems), ['WVR-PLACEHOLDER']);
      assert.equal(w.problems[0].message, `"owner" still contains the template placeholder "${value}"`);
    });
  }
  it('the playbook template (YourName, bd-XXXX) is invalid and shows no stage-3 bead error', () => {
    const w = one(waiverToml('security_compat', { owner: 'YourName', bead: 'bd-XXXX' }), '2026-02-20');
    assert.deepEqual(codes(w.problems), ['WVR-PLACEHOLDER', 'WVR-PLACEHOLDER']);
    assert.equal(w.status, 'invalid');
  });
  it('WVR-UNKNOWN-KEY is a warning on the key with the nearest allowed key', () => {
    const r = validate(SUITES + waiverToml('ext_must_pass', { 'remove-when': 'x', expiry: 'y' }), '2026-02-20');
    const w = r.waivers[0];
    assert.equal(w.status, 'active');
    const unknown = w.problems.filter((p) => p.code === 'WVR-UNKNOWN-KEY');
    assert.equal(unknown.length, 2);
    assert.equal(
      unknown[0].message,
      'Unknown key "remove-when" in waiver "ext_must_pass" (allowed: owner, created, expires, bead, reason, scope, remove_when, renewal_note)',
    );
    assert.equal(unknown[0].severity, 'warning');
    assert.equal(unknown[0].nearest, 'remove_when');
    assert.equal(unknown[1].nearest, 'expires');
    assert.equal(spanText(r, unknown[1]), 'expiry');
  });
  it('WVR-UNKNOWN-GATE is a warning; the waiver is still validated and counted', () => {
    const r = validate(waiverToml('ext_must_pas') + '\n' + waiverToml('frobnicate', { bead: 'nope' }), '2026-02-20');
    assert.equal(r.waivers[0].problems[0].message, 'Unknown gate "ext_must_pas"; this waiver matches no gate; did you mean "ext_must_pass"?');
    assert.equal(r.waivers[0].status, 'active');
    assert.equal(r.waivers[0].knownGate, false);
    assert.equal(r.waivers[1].problems[0].message, 'Unknown gate "frobnicate"; this waiver matches no gate');
    assert.equal(r.waivers[1].status, 'invalid');
    assert.deepEqual(codes(r.waivers[1].problems), ['WVR-UNKNOWN-GATE', 'WVR-BEAD']);
  });
  it('the known gate list is injectable', () => {
    const r = validate(waiverToml('custom_gate'), '2026-02-20', ['custom_gate']);
    assert.deepEqual(r.waivers[0].problems, []);
    assert.equal(r.waivers[0].knownGate, true);
  });
  it('WVR-SELF: validated and counted, never applied', () => {
    const w = one(waiverToml('waiver_lifecycle', { scope: 'both' }), '2026-02-20');
    assert.deepEqual(codes(w.problems), ['WVR-SELF']);
    assert.equal(w.problems[0].message, 'waiver_lifecycle cannot be waived; this waiver is never applied');
    assert.equal(w.status, 'active');
    assert.deepEqual(w.appliesIn, []);
  });
});

describe('waivers §4 stage 3: semantics', () => {
  it('WVR-DATE-FORMAT and WVR-DATE-INVALID', () => {
    const w = one(waiverToml('ext_must_pass', { created: '2026-2-14', expires: '2026-02-29' }), '2026-02-20');
    assert.deepEqual(codes(w.problems), ['WVR-DATE-FORMAT', 'WVR-DATE-INVALID']);
    assert.equal(w.problems[0].message, '"created" must be a date in YYYY-MM-DD form; found "2026-2-14"');
    assert.equal(w.problems[1].message, '"expires" is not a real calendar date: "2026-02-29"');
    for (const bad of ['2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00']) {
      assert.deepEqual(codes(one(waiverToml('ext_must_pass', { expires: bad }), '2026-02-20').problems), ['WVR-DATE-INVALID'], bad);
    }
  });
  it('WVR-SCOPE', () => {
    const w = one(waiverToml('ext_must_pass', { scope: 'Full' }), '2026-02-20');
    assert.equal(w.problems[0].message, 'Invalid scope "Full" (expected one of: full, preflight, both)');
    assert.equal(w.scope, null);
  });
  it('WVR-BEAD', () => {
    for (const ok of ['bd-1f42.4.4', 'bd-2kle2', 'bd-a']) assert.deepEqual(one(waiverToml('ext_must_pass', { bead: ok }), '2026-02-20').problems, [], ok);
    for (const bad of ['BD-77', '1f42', 'bd-', 'bd-1f42.', 'bd-1f42..4', 'bd_1', 'bd-1 f']) {
      const w = one(waiverToml('ext_must_pass', { bead: bad }), '2026-02-20');
      assert.deepEqual(codes(w.problems), ['WVR-BEAD'], bad);
      assert.equal(
        w.problems[0].message,
        `"bead" must look like bd-<id> (lowercase letters and digits, dot-separated segments), e.g. bd-1f42.4.4; found "${bad}"`,
      );
    }
  });
  it('WVR-CREATED-FUTURE allows tomorrow, not the day after', () => {
    assert.deepEqual(one(waiverToml('ext_must_pass'), '2026-02-13').problems, []);
    const w = one(waiverToml('ext_must_pass'), '2026-02-12');
    assert.deepEqual(codes(w.problems), ['WVR-CREATED-FUTURE']);
    assert.equal(w.problems[0].message, 'created (2026-02-14) is in the future; a waiver starts no later than tomorrow (UTC)');
  });
  it('WVR-EXPIRED and WVR-EXPIRING messages', () => {
    const expired = one(waiverToml('ext_must_pass'), '2026-03-03');
    assert.equal(
      expired.problems[0].message,
      'Waiver expired 3 day(s) ago (owner: TopazForest, bead: bd-2kle2.7); renew it with a new created date or fix the gate',
    );
    const soon = one(waiverToml('ext_must_pass'), '2026-02-27');
    assert.equal(soon.problems[0].message, 'Waiver expires in 1 day(s), action required (owner: TopazForest, bead: bd-2kle2.7)');
    const today = one(waiverToml('ext_must_pass'), '2026-02-28');
    assert.equal(today.problems[0].message, 'Waiver expires today (UTC), action required (owner: TopazForest, bead: bd-2kle2.7)');
    assert.equal(today.detail, today.problems[0].message);
  });
  it('stage-3 checks skip values that failed stage 2; order/duration need both dates', () => {
    const w = one(waiverToml('ext_must_pass', { created: '=2026-03-20', expires: '2026-02-01', scope: '', bead: 'TODO' }), '2026-02-20');
    assert.deepEqual(codes(w.problems), ['WVR-NOT-STRING', 'WVR-EMPTY', 'WVR-PLACEHOLDER']);
    assert.equal(w.daysRemaining, -19);
  });
  it('reports every problem of a waiver, in §4 table order; detail is the first error', () => {
    const w = one(
      waiverToml('ext_must_pas', { owner: null, expires: '2026-04-30', scope: 'all', bead: 'BD-1', extra: 'x' }),
      '2026-02-20',
    );
    assert.deepEqual(codes(w.problems), ['WVR-MISSING-FIELD', 'WVR-UNKNOWN-KEY', 'WVR-UNKNOWN-GATE', 'WVR-SCOPE', 'WVR-BEAD', 'WVR-DURATION']);
    assert.equal(w.detail, 'Missing required field(s): owner');
  });
});

describe('waivers §5.1 duration rules', () => {
  // [created, expires, today, expected]
  const rows: [string, string, string, string[]][] = [
    ['2026-02-01', '2026-03-03', '2026-02-01', []],
    ['2026-02-01', '2026-03-04', '2026-02-01', ['WVR-DURATION']],
    ['2026-02-14', '2026-02-14', '2026-02-14', []],
    ['2026-02-14', '2026-02-10', '2026-02-13', ['WVR-DATE-ORDER']],
    ['2028-02-01', '2028-03-02', '2028-02-01', []],
    ['2026-02-29', '2026-03-10', '2026-02-01', ['WVR-DATE-INVALID']],
    ['2028-02-29', '2028-03-10', '2028-02-29', []],
  ];
  for (const [created, expires, today, expected] of rows) {
    it(`${created} → ${expires}: ${expected.join(', ') || 'valid'}`, () => {
      const w = one(waiverToml('ext_must_pass', { created, expires }), today);
      assert.deepEqual(codes(w.problems.filter((p) => p.code !== 'WVR-EXPIRED' && p.code !== 'WVR-EXPIRING')), expected);
    });
  }
  it('messages of WVR-DURATION and WVR-DATE-ORDER', () => {
    const d = one(waiverToml('ext_must_pass', { created: '2026-02-01', expires: '2026-03-04' }), '2026-02-01');
    assert.equal(d.problems[0].message, 'Waiver duration 31 days exceeds the 30-day maximum (created 2026-02-01, expires 2026-03-04)');
    const o = one(waiverToml('ext_must_pass', { created: '2026-02-14', expires: '2026-02-10' }), '2026-02-01');
    assert.equal(o.problems[0].message, 'expires (2026-02-10) is before created (2026-02-14)');
  });
});

describe('waivers §5.2 day boundaries (created 2026-02-14, expires 2026-02-28)', () => {
  const rows: [string, number, string][] = [
    ['2026-02-12', 16, 'invalid'],
    ['2026-02-13', 15, 'active'],
    ['2026-02-24', 4, 'active'],
    ['2026-02-25', 3, 'expiring_soon'],
    ['2026-02-28', 0, 'expiring_soon'],
    ['2026-03-01', -1, 'expired'],
  ];
  for (const [today, d, status] of rows) {
    it(`today ${today}: d = ${d}, ${status}`, () => {
      const w = one(waiverToml('ext_must_pass', { scope: 'full' }), today);
      assert.equal(w.daysRemaining, d);
      assert.equal(w.status, status);
      assert.deepEqual(w.appliesIn, status === 'active' || status === 'expiring_soon' ? ['full'] : []);
    });
  }
  it('a runner in UTC−8 at 2026-02-28 23:30 local is already on 2026-03-01 (UTC)', () => {
    const clock = fixedClock(Date.parse('2026-02-28T23:30:00-08:00'));
    assert.equal(clock.today(), '2026-03-01');
    const w = one(waiverToml('ext_must_pass'), clock.today());
    assert.equal(w.daysRemaining, -1);
    assert.equal(w.status, 'expired');
  });
});

describe('waivers §6 lanes', () => {
  it('applies by scope only while active or expiring soon', () => {
    const text = waiverToml('ext_must_pass', { scope: 'both' }) + waiverToml('security_compat', { scope: 'preflight' }) +
      waiverToml('non_mock_unit', { scope: 'full' }) + waiverToml('conformance_regression', { scope: 'full', expires: '2026-02-15' });
    const r = validate(text, '2026-02-20');
    assert.deepEqual(r.waivers.map((w) => w.appliesIn), [['preflight', 'full'], ['preflight'], ['full'], []]);
  });
});

describe('waivers §1 equivalent forms: dotted keys and inline tables', () => {
  it('dotted keys under the root and under [waiver] give the same result with ranges', () => {
    const dotted = Object.entries({ ...{ owner: 'A', created: '2026-02-14', expires: '2026-02-28', bead: 'bd-1', reason: 'r', scope: 'full' } })
      .map(([k, v]) => `waiver.ext_must_pass.${k} = "${v}"`).join('\n') + '\nwaiver.ext_must_pass.remove_when = 2026-01-01\n';
    const r = validate(dotted, '2026-02-20');
    assert.equal(r.syntax, null);
    assert.deepEqual(codes(r.waivers[0].problems), ['WVR-NOT-STRING']);
    assert.equal(spanText(r, r.waivers[0].problems[0]), '2026-01-01');
    assert.equal(r.text.slice(r.waivers[0].header.start, r.waivers[0].header.end), 'ext_must_pass');
    const under = '[waiver]\next_must_pass.owner = "A"\next_must_pass.created = "2026-02-14"\n';
    const r2 = validate(under, '2026-02-20');
    assert.equal(r2.waivers[0].problems[0].message, 'Missing required field(s): expires, bead, reason, scope, remove_when');
    assert.equal(r2.lines.positionAt(r2.waivers[0].header.start).line, 1);
  });
  it('inline tables under [waiver]', () => {
    const text = '[waiver]\next_must_pass = { owner = "A", created = "2026-02-14", expires = "2026-03-30", bead = "bd-1", reason = "r", scope = "full", remove_when = "w" }\n';
    const r = validate(text, '2026-02-20');
    assert.deepEqual(codes(r.waivers[0].problems), ['WVR-DURATION']);
    assert.equal(spanText(r, r.waivers[0].problems[0]), '"2026-03-30"');
  });
  it('keeps document order even for integer-like gate ids', () => {
    const r = validate(waiverToml('zeta_gate') + waiverToml('42'), '2026-02-20');
    assert.deepEqual(r.waivers.map((w) => w.id), ['zeta_gate', '42']);
  });
});

describe('waivers §10 quarantine and suites', () => {
  const qrn = (fields: Record<string, string | null> = {}): string => {
    const base: Record<string, string | null> = {
      category: 'FLAKE-TIMING', owner: 'A', quarantined: '2026-02-10', expires: '2026-02-20', bead: 'bd-9', evidence: 'e',
      repro: 'r', reason: 'x', remove_when: 'w', ...fields,
    };
    return '[quarantine.test_flaky]\n' + Object.entries(base).filter(([, v]) => v !== null).map(([k, v]) => `${k} = ${(v as string).startsWith('=') ? (v as string).slice(1) : JSON.stringify(v)}`).join('\n') + '\n';
  };
  it('a valid entry is active; quarantine never affects the waiver gate', () => {
    const r = validate(SUITES + qrn({ category: 'FLAKE-NETWORK', expires: '2026-02-27' }), '2026-02-20');
    assert.equal(r.quarantine.length, 1);
    assert.deepEqual(codes(r.quarantine[0].problems), ['QRN-CATEGORY', 'QRN-DURATION']);
    assert.equal(r.quarantine[0].problems[1].message, 'Quarantine duration 17 days exceeds the 14-day maximum (quarantined 2026-02-10, expires 2026-02-27)');
    assert.deepEqual(gateVerdict(r), { gate_id: 'waiver_lifecycle', status: 'pass', detail: 'No waivers' });
  });
  it('twin messages: expired, expiring (2 days), missing, unknown key, date order', () => {
    assert.equal(
      one2(qrn(), '2026-02-22').problems[0].message,
      'Quarantine expired 2 day(s) ago (owner: A, bead: bd-9); renew it with a new quarantined date or fix the test',
    );
    assert.equal(one2(qrn(), '2026-02-18').problems[0].message, 'Quarantine expires in 2 day(s), action required (owner: A, bead: bd-9)');
    assert.equal(one2(qrn(), '2026-02-17').status, 'active');
    assert.equal(one2(qrn({ evidence: null, repro: null }), '2026-02-17').problems[0].message, 'Missing required field(s): evidence, repro');
    assert.equal(
      one2(qrn({ scope: 'full' }), '2026-02-17').problems[0].message,
      'Unknown key "scope" in quarantine entry "test_flaky" (allowed: category, owner, quarantined, expires, bead, evidence, repro, reason, remove_when)',
    );
    assert.equal(one2(qrn({ expires: '2026-02-01' }), '2026-02-17').problems[0].message, 'expires (2026-02-01) is before quarantined (2026-02-10)');
    assert.equal(one2(qrn({ quarantined: '=2026-02-10' }), '2026-02-17').problems[0].code, 'QRN-NOT-STRING');
  });
  it('more twin messages: not a table, empty, date format/invalid, bead, expires today', () => {
    const r = validate(SUITES + '[quarantine]\nflaky_one = "x"\n', '2026-02-17');
    assert.equal(r.quarantine[0].problems[0].message, '"quarantine.flaky_one" must be a table of string fields');
    assert.equal(r.quarantine[0].problems[0].code, 'QRN-NOT-TABLE');
    assert.deepEqual(one2(qrn({ evidence: ' ' }), '2026-02-17').problems.map((p) => [p.code, p.message]), [['QRN-EMPTY', '"evidence" must not be empty']]);
    assert.deepEqual(one2(qrn({ quarantined: '2026/02/10' }), '2026-02-17').problems.map((p) => [p.code, p.message]), [
      ['QRN-DATE-FORMAT', '"quarantined" must be a date in YYYY-MM-DD form; found "2026/02/10"'],
    ]);
    assert.deepEqual(one2(qrn({ expires: '2026-02-31' }), '2026-02-17').problems.map((p) => p.code), ['QRN-DATE-INVALID']);
    assert.deepEqual(one2(qrn({ bead: 'BD-9' }), '2026-02-17').problems.map((p) => p.code), ['QRN-BEAD']);
    const today = one2(qrn(), '2026-02-20');
    assert.equal(today.status, 'expiring_soon');
    assert.equal(today.problems[0].message, 'Quarantine expires today (UTC), action required (owner: A, bead: bd-9)');
    // Placeholders and future start dates are waiver-only rules.
    assert.deepEqual(one2(qrn({ owner: 'TODO', quarantined: '2026-02-19' }), '2026-02-17').problems, []);
  });
  it('QRN-KEY for a table key outside [A-Za-z0-9_]', () => {
    const r = validate(SUITES + '[quarantine."tests/a.rs"]\ncategory = "FLAKE-ENV"\n', '2026-02-17');
    assert.deepEqual(codes(r.quarantine[0].problems), ['QRN-MISSING-FIELD', 'QRN-KEY']);
    assert.equal(r.quarantine[0].problems[1].severity, 'warning');
  });
  it('SUITE-SHAPE, SUITE-DUP and SUITE-MISSING', () => {
    const r = validate('[suite.unit]\nfiles = ["a", "b", "a"]\n[suite.vcr]\nfiles = ["b", ""]\n[suite.e2e]\nfiles = ["c", "b"]\n', '2026-02-17');
    assert.deepEqual(r.suiteProblems.map((p) => [p.code, p.severity, spanText(r, p)]), [
      ['SUITE-DUP', 'warning', '"a"'],
      ['SUITE-SHAPE', 'error', '["b", ""]'],
      ['SUITE-DUP', 'warning', '"b"'],
    ]);
    assert.equal(r.suiteProblems[2].message, 'Test "b" is listed in both suite.unit and suite.e2e');
    const m = validate('[suite.unit]\nfiles = []\n', '2026-02-17');
    assert.deepEqual(m.suiteProblems.map((p) => [p.code, p.severity, p.message]), [
      ['SUITE-MISSING', 'information', 'Missing [suite.vcr] table'],
      ['SUITE-MISSING', 'information', 'Missing [suite.e2e] table'],
    ]);
  });
  function one2(text: string, today: string) {
    const r = validate(SUITES + text, today);
    assert.equal(r.syntax, null);
    return r.quarantine[0];
  }
});

describe('waivers §7 gate verdict', () => {
  it('covers every row of the table in order', () => {
    assert.deepEqual(gateVerdict(null), { gate_id: 'waiver_lifecycle', status: 'pass', detail: 'No waiver file' });
    const syntax = validate('[waiver.x\n', '2026-02-20');
    assert.deepEqual(gateVerdict(syntax), { gate_id: 'waiver_lifecycle', status: 'fail', detail: 'suite_classification.toml is not valid TOML (line 1, column 10)' });
    const malformedOnly = validate('[waiver.ext_must_pass]\nowner = "A"\n', '2026-02-20');
    assert.equal(gateVerdict(malformedOnly).detail, '0 expired, 1 invalid out of 1 waivers');
    const soon = validate(waiverToml('ext_must_pass') + waiverToml('security_compat', { expires: '2026-02-27' }) + waiverToml('non_mock_unit'), '2026-02-26');
    assert.deepEqual(gateVerdict(soon), { gate_id: 'waiver_lifecycle', status: 'warn', detail: '3 waiver(s) expiring within 3 days: ext_must_pass (2d), security_compat (1d), non_mock_unit (2d)' });
    assert.deepEqual(gateVerdict(validate(SUITES, '2026-02-26')), { gate_id: 'waiver_lifecycle', status: 'pass', detail: 'No waivers' });
    assert.deepEqual(gateVerdict(validate(waiverToml('ext_must_pass'), '2026-02-20')), { gate_id: 'waiver_lifecycle', status: 'pass', detail: '1 active waiver(s)' });
  });
});
