import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  buildWaiverAudit,
  serializeWaiverAudit,
  WaiverAuditSchema,
  waiverAuditJsonSchema,
  writeWaiverAudit,
} from '../../../shared/waivers/audit';
import { fixture, validate } from './helpers';

const NOW = Date.parse('2026-02-20T09:15:02.431Z');

describe('waiver_audit.json §8', () => {
  const text = fixture('spec-example.toml');
  const result = validate(text, '2026-02-20');
  const audit = buildWaiverAudit({ result, sourcePath: 'tests/suite_classification.toml', today: '2026-02-20', nowMs: NOW });

  it('reproduces the spec example: counts, statuses, details, days, lanes, problems', () => {
    assert.equal(audit.schema, 'pi.ci.waiver_audit.v1');
    assert.equal(audit.generated_at, '2026-02-20T09:15:02.431Z');
    assert.deepEqual(audit.source, { path: 'tests/suite_classification.toml', sha256: createHash('sha256').update(text).digest('hex') });
    assert.equal(audit.parse_error, null);
    assert.deepEqual([audit.total_waivers, audit.active, audit.expired, audit.expiring_soon, audit.invalid], [6, 1, 1, 1, 3]);
    assert.deepEqual(
      audit.waivers.map((w) => [w.gate_id, w.status, w.days_remaining, w.scope, w.applies_in, w.problems.map((p) => `${p.code}/${p.severity}/${p.field}`)]),
      [
        ['ext_must_pass', 'active', 13, 'both', ['preflight', 'full'], []],
        ['ext_provider_compat', 'expiring_soon', 2, 'preflight', ['preflight'], ['WVR-EXPIRING/warning/expires']],
        ['security_compat', 'expired', -6, 'full', [], ['WVR-EXPIRED/error/expires']],
        ['evidence_bundle', 'invalid', 23, 'full', [], ['WVR-DURATION/error/expires']],
        ['traceability_matrix', 'invalid', 5, null, [], ['WVR-MISSING-FIELD/error/null']],
        ['conformance_regression', 'invalid', 9, 'both', [], ['WVR-NOT-STRING/error/created', 'WVR-BEAD/error/bead']],
      ],
    );
    assert.deepEqual(audit.waivers.map((w) => w.detail), [
      'Active; expires in 13 day(s)',
      'Waiver expires in 2 day(s), action required (owner: TopazForest, bead: bd-1f42.4.6)',
      'Waiver expired 6 day(s) ago (owner: security-team, bead: bd-1a2cu); renew it with a new created date or fix the gate',
      'Waiver duration 42 days exceeds the 30-day maximum (created 2026-02-01, expires 2026-03-15)',
      'Missing required field(s): scope, remove_when',
      '"created" must be a quoted string: write created = "2026-02-18"',
    ]);
    assert.deepEqual(audit.raw_waivers[5], {
      gate_id: 'conformance_regression', owner: 'MossyPine', created: null, expires: '2026-03-01', bead: 'BD-77',
      reason: 'Baseline refresh', scope: 'both', remove_when: 'New baseline committed', renewal_note: null,
    });
    assert.deepEqual(audit.gate_verdict, { gate_id: 'waiver_lifecycle', status: 'fail', detail: '1 expired, 3 invalid out of 6 waivers' });
  });

  it('keeps the invariant waivers = raw_waivers = total = sum of counts', () => {
    assert.equal(audit.waivers.length, audit.raw_waivers.length);
    assert.equal(audit.total_waivers, audit.waivers.length);
    assert.equal(audit.active + audit.expired + audit.expiring_soon + audit.invalid, audit.total_waivers);
  });

  it('serialises with the key order of §8, 2-space indent and a trailing newline', () => {
    const json = serializeWaiverAudit(audit);
    assert.ok(json.endsWith('}\n'));
    assert.ok(json.startsWith('{\n  "schema": "pi.ci.waiver_audit.v1",\n  "generated_at"'));
    const parsed = JSON.parse(json) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), [
      'schema', 'generated_at', 'today', 'source', 'parse_error', 'max_duration_days', 'expiring_soon_days', 'total_waivers',
      'active', 'expired', 'expiring_soon', 'invalid', 'waivers', 'raw_waivers', 'gate_verdict',
    ]);
    const w0 = (parsed.waivers as Record<string, unknown>[])[0];
    assert.deepEqual(Object.keys(w0), ['gate_id', 'status', 'detail', 'days_remaining', 'known_gate', 'scope', 'applies_in', 'problems']);
    assert.deepEqual(Object.keys((parsed.raw_waivers as object[])[0]), [
      'gate_id', 'owner', 'created', 'expires', 'bead', 'reason', 'scope', 'remove_when', 'renewal_note',
    ]);
    WaiverAuditSchema.parse(parsed);
  });

  it('omits days_remaining when expires is not a valid date', () => {
    const r = validate('[waiver.ext_must_pass]\nowner = "A"\n', '2026-02-20');
    const a = buildWaiverAudit({ result: r, sourcePath: 'x.toml', today: '2026-02-20', nowMs: NOW });
    assert.equal('days_remaining' in a.waivers[0], false);
  });

  it('a missing file: source null, all counts 0, gate passes', () => {
    const a = buildWaiverAudit({ result: null, sourcePath: 'tests/suite_classification.toml', today: '2026-02-20', nowMs: NOW });
    assert.equal(a.source, null);
    assert.equal(a.total_waivers, 0);
    assert.deepEqual(a.gate_verdict, { gate_id: 'waiver_lifecycle', status: 'pass', detail: 'No waiver file' });
  });

  it('a syntax error: parse_error 1-based, empty lists, gate fails', () => {
    const r = validate('[waiver.ext_must_pass]\nowner = "A"\n[waiver.ext_must_pass]\n', '2026-02-20');
    const a = buildWaiverAudit({ result: r, sourcePath: 'tests/suite_classification.toml', today: '2026-02-20', nowMs: NOW });
    assert.deepEqual(a.parse_error, {
      message: 'Duplicate waiver for gate "ext_must_pass"; a gate can have only one waiver',
      line: 3,
      column: 2,
    });
    assert.deepEqual([a.total_waivers, a.waivers.length, a.raw_waivers.length], [0, 0, 0]);
    assert.deepEqual(a.gate_verdict, {
      gate_id: 'waiver_lifecycle',
      status: 'fail',
      detail: 'suite_classification.toml is not valid TOML (line 3, column 2)',
    });
  });

  it('writes atomically (no temporary file left) and exposes a JSON Schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waiver-audit-'));
    try {
      const path = join(dir, 'tests/full_suite_gate/waiver_audit.json');
      writeWaiverAudit(path, audit);
      assert.equal(readFileSync(path, 'utf8'), serializeWaiverAudit(audit));
      assert.deepEqual(readdirSync(join(dir, 'tests/full_suite_gate')), ['waiver_audit.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const schema = waiverAuditJsonSchema() as { properties: Record<string, unknown> };
    assert.ok('gate_verdict' in schema.properties);
  });
});
