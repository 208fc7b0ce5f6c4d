import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { runCli } from '../../../server/src/cli/main';
import { buildWaiverAudit, serializeWaiverAudit, WaiverAuditSchema } from '../../../shared/waivers/audit';
import { fixture, SUITES, validate, waiverToml } from './helpers';

const NOW = Date.parse('2026-02-20T09:15:02.431Z');
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pi-sec-waivers-'));
  dirs.push(dir);
  if (content !== undefined) {
    mkdirSync(join(dir, 'tests'), { recursive: true });
    writeFileSync(join(dir, 'tests/suite_classification.toml'), content);
  }
  return dir;
}

async function cli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['waivers', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd, env: { PI_SEC_NOW_MS: String(NOW), ...env } });
  return { code, out, err };
}

describe('pi-sec waivers', () => {
  const example = fixture('spec-example.toml');

  it('JSON: the audit plus lane_applied and quarantine; exit 1 on expired/invalid', async () => {
    const dir = workspace(example);
    const full = await cli(dir, ['--today', '2026-02-20', '--format', 'json']);
    assert.equal(full.code, 1);
    const json = JSON.parse(full.out) as Record<string, unknown>;
    const { lane_applied: laneApplied, quarantine, ...audit } = json;
    assert.deepEqual(laneApplied, ['ext_must_pass']);
    assert.deepEqual(quarantine, { total: 0, active: 0, expiring_soon: 0, expired: 0, invalid: 0, entries: [] });
    const expected = buildWaiverAudit({ result: validate(example, '2026-02-20'), sourcePath: 'tests/suite_classification.toml', today: '2026-02-20', nowMs: NOW });
    assert.deepEqual(audit, JSON.parse(JSON.stringify(expected)));
    assert.deepEqual(Object.keys(json).slice(-3), ['gate_verdict', 'lane_applied', 'quarantine']);
    const pre = JSON.parse((await cli(dir, ['--today', '2026-02-20', '--format', 'json', '--lane', 'preflight'])).out) as { lane_applied: string[] };
    assert.deepEqual(pre.lane_applied, ['ext_must_pass', 'ext_provider_compat']);
  });

  it('--write-audit writes exactly the serialised audit; human output has one line per waiver and the verdict', async () => {
    const dir = workspace(example);
    const r = await cli(dir, ['--today', '2026-02-20', '--write-audit', 'tests/full_suite_gate/waiver_audit.json']);
    assert.equal(r.code, 1);
    const written = readFileSync(join(dir, 'tests/full_suite_gate/waiver_audit.json'), 'utf8');
    const parsed = WaiverAuditSchema.parse(JSON.parse(written));
    assert.equal(written, serializeWaiverAudit(parsed));
    assert.equal(parsed.generated_at, '2026-02-20T09:15:02.431Z');
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 7);
    assert.match(lines[0], /^active\s+ext_must_pass\s+13 {2}Active; expires in 13 day\(s\)$/);
    assert.match(lines[4], /^invalid\s+traceability_matrix\s+5 {2}Missing required field\(s\): scope, remove_when$/);
    assert.equal(lines[6], 'waiver_lifecycle: FAIL — 1 expired, 3 invalid out of 6 waivers');
  });

  it('today comes from --today, else PI_SEC_TODAY; malformed values are usage errors', async () => {
    const dir = workspace(SUITES + waiverToml('ext_must_pass'));
    assert.equal((await cli(dir, [], { PI_SEC_TODAY: '2026-02-20' })).code, 0);
    assert.equal((await cli(dir, [], { PI_SEC_TODAY: '2026-03-01' })).code, 1);
    assert.equal((await cli(dir, ['--today', '2026-02-20'], { PI_SEC_TODAY: '2026-03-01' })).code, 0);
    assert.equal((await cli(dir, ['--today', '2026-02-30'])).code, 2);
    assert.equal((await cli(dir, ['--today', '2026-02-20'], { PI_SEC_TODAY: 'soon' })).code, 2);
    assert.equal((await cli(dir, ['--lane', 'nightly'])).code, 2);
    assert.equal((await cli(dir, ['--format', 'xml'])).code, 2);
  });

  it('expiring soon alone exits 0 with a warn verdict; quarantine and suite problems never change the exit code', async () => {
    const text = SUITES.replace('files = ["c"]', 'files = ["a"]') + waiverToml('ext_must_pass') + '[quarantine.t]\ncategory = "NOPE"\n';
    const dir = workspace(text);
    const r = await cli(dir, ['--today', '2026-02-26']);
    assert.equal(r.code, 0);
    assert.match(r.out, /waiver_lifecycle: WARN — 1 waiver\(s\) expiring within 3 days: ext_must_pass \(2d\)/);
    assert.match(r.out, /quarantine: 1 entries \(0 active, 0 expiring soon, 0 expired, 1 invalid\)/);
  });

  it('missing default file exits 0 (No waiver file); --file missing exits 3; a directory exits 3', async () => {
    const dir = workspace();
    const r = await cli(dir, ['--format', 'json']);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out) as { source: unknown; gate_verdict: { detail: string } };
    assert.equal(json.source, null);
    assert.equal(json.gate_verdict.detail, 'No waiver file');
    const missing = await cli(dir, ['--file', 'nope.toml']);
    assert.equal(missing.code, 3);
    assert.match(missing.err, /no such file: nope\.toml/);
    assert.equal((await cli(dir, ['--file', '.'])).code, 3);
  });

  it('a syntax error exits 1 and names line and column', async () => {
    const dir = workspace('[waiver.ext_must_pass\nowner = "A"\n');
    const r = await cli(dir, ['--today', '2026-02-20']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^error: TOML syntax error: .* \(line 1, column 22\)$/m);
    assert.match(r.out, /waiver_lifecycle: FAIL — suite_classification\.toml is not valid TOML \(line 1, column 22\)/);
  });

  it('--known-gates replaces the list', async () => {
    const dir = workspace(SUITES + waiverToml('my_gate'));
    const json = JSON.parse((await cli(dir, ['--today', '2026-02-20', '--format', 'json', '--known-gates', 'my_gate,other'])).out) as { waivers: { known_gate: boolean; problems: unknown[] }[] };
    assert.equal(json.waivers[0].known_gate, true);
    assert.deepEqual(json.waivers[0].problems, []);
  });

  it('SARIF: valid 2.1.0, one result per problem with 1-based regions in the TOML file', async () => {
    const dir = workspace(example + '[quarantine.t]\ncategory = "NOPE"\n');
    const r = await cli(dir, ['--today', '2026-02-20', '--format', 'sarif']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.out) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const ok = ajv.validate(schema, sarif);
    assert.ok(ok, JSON.stringify(ajv.errors?.slice(0, 3)));
    const results = sarif.runs[0].results;
    assert.deepEqual(results.map((x) => x.ruleId), [
      'WVR-EXPIRING', 'WVR-EXPIRED', 'WVR-DURATION', 'WVR-MISSING-FIELD', 'WVR-NOT-STRING', 'WVR-BEAD', 'QRN-MISSING-FIELD', 'QRN-CATEGORY',
    ]);
    const notString = results[4].locations[0].physicalLocation;
    assert.equal(notString.artifactLocation.uri, 'tests/suite_classification.toml');
    const lineNo = example.split('\n').findIndex((l) => l.startsWith('created = 2026-02-18')) + 1;
    assert.deepEqual([notString.region.startLine, notString.region.startColumn, notString.region.endColumn], [lineNo, 11, 21]);
    assert.equal(results[0].level, 'warning');
  });
});
