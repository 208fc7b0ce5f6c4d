import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { discoverUnits, listUnitFiles, nodeScanFs, readSourceFile, selectUnits, type ScanFs } from '../../../shared/scanner/discovery';
import { buildScanResult, buildScanSummary, renderHuman } from '../../../shared/scanner/report/outputs';
import { buildSarif } from '../../../shared/scanner/report/sarif';
import { scanResultSchema, scanSummarySchema } from '../../../shared/scanner/report/schemas';
import { scanUnits } from '../../../shared/scanner/workspaceScan';

const root = mkdtempSync(join(tmpdir(), 'pi-scanpipe-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, content: string | Buffer): void {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
}

write('.pi/extensions/git-helper/package.json', JSON.stringify({ name: '  git-helper  ' }));
write('.pi/extensions/git-helper/index.ts', 'import type { Context } from "vm";\nimport * as vm from "node:vm";\nexport default function (pi: unknown) {}\n');
write('.pi/extensions/git-helper/lib/b.js', 'require("net"); // pi-scan-allow CMP-FORBIDDEN-001 until 2026-12-31 -- reviewed\n');
write('.pi/extensions/git-helper/lib/Z.js', 'const x = 1;\n');
write('.pi/extensions/git-helper/node_modules/dep/index.js', 'require("vm");\n');
write('.pi/extensions/git-helper/dist/out.js', 'require("vm");\n');
write('.pi/extensions/git-helper/types.d.ts', 'declare const x: number;\n');
write('.pi/extensions/git-helper/.hidden/c.mjs', 'import "tls";\n');
write('.pi/extensions/git-helper/readme.md', '# not code\n');
symlinkSync(join(root, '.pi/extensions/git-helper/lib/Z.js'), join(root, '.pi/extensions/git-helper/link.js'));
write('.pi/extensions/clean/index.js', 'export const a = 1;\n');
write('.pi/extensions/bad/bin.js', Buffer.from([0x61, 0x00, 0x62]));
write('.pi/extensions/bad/latin1.js', Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x20, 0xe9, 0x0a]));
write('.pi/extensions/bad/bom.js', '\ufeffrequire("vm");\n');
write('.pi/extensions/bad/big.js', 'x'.repeat(2000));
write('extensions/single.mjs', 'import "dgram";\n');

describe('discovery and units (scanner.md §1.1)', () => {
  it('finds directory and single-file units with ids from package.json, the directory and the file name', () => {
    const units = discoverUnits({ base: root });
    assert.deepEqual(units.map((u) => [u.relRoot, u.kind, u.extensionId]), [
      ['.pi/extensions/bad', 'dir', 'bad'],
      ['.pi/extensions/clean', 'dir', 'clean'],
      ['.pi/extensions/git-helper', 'dir', 'git-helper'],
      ['extensions/single.mjs', 'file', 'single'],
    ]);
    const mapped = discoverUnits({ base: root, ids: { '.pi/extensions/clean': 'clean-id' } });
    assert.equal(mapped.find((u) => u.relRoot === '.pi/extensions/clean')!.extensionId, 'clean-id');
    assert.ok(discoverUnits({ base: root, forcedId: 'forced' }).every((u) => u.extensionId === 'forced'));
  });

  it('selects units inside a path, the unit containing a path, or the path itself', () => {
    const units = discoverUnits({ base: root });
    const opts = { base: root };
    assert.deepEqual(selectUnits(['.pi/extensions'], units, opts).units.map((u) => u.relRoot), ['.pi/extensions/bad', '.pi/extensions/clean', '.pi/extensions/git-helper']);
    assert.deepEqual(selectUnits(['.pi/extensions/git-helper/lib/b.js'], units, opts).units.map((u) => u.relRoot), ['.pi/extensions/git-helper']);
    write('other/tool.ts', 'export {};\n');
    const own = selectUnits(['other/tool.ts', 'other'], units, opts).units;
    assert.deepEqual(own.map((u) => [u.relRoot, u.kind, u.extensionId]), [['other', 'dir', 'other'], ['other/tool.ts', 'file', 'tool']]);
    assert.deepEqual(selectUnits(['nope'], units, opts).missing, ['nope']);
  });
});

describe('file selection (scanner.md §1.2)', () => {
  it('lists JS-like files in byte-wise order, skipping .d.ts, excluded dirs and symlinks; dot-dirs are kept', () => {
    const unit = discoverUnits({ base: root }).find((u) => u.extensionId === 'git-helper')!;
    const listing = listUnitFiles(unit, { base: root });
    assert.deepEqual(listing.files.map((f) => f.rel), [
      '.pi/extensions/git-helper/.hidden/c.mjs',
      '.pi/extensions/git-helper/index.ts',
      '.pi/extensions/git-helper/lib/Z.js',
      '.pi/extensions/git-helper/lib/b.js',
    ]);
    assert.deepEqual(listing.skippedSymlinks, ['.pi/extensions/git-helper/link.js']);
  });

  it('reports binary, invalid UTF-8, size and unreadable files with exact causes', () => {
    const base = join(root, '.pi/extensions/bad');
    assert.deepEqual(readSourceFile(join(base, 'bin.js'), 'bin.js', 1000), { ok: false, cause: 'binary file' });
    assert.deepEqual(readSourceFile(join(base, 'latin1.js'), 'latin1.js', 1000), { ok: false, cause: 'not valid UTF-8' });
    assert.deepEqual(readSourceFile(join(base, 'big.js'), 'big.js', 1000), { ok: false, cause: 'file exceeds the size limit (2000 > 1000 bytes)' });
    const bom = readSourceFile(join(base, 'bom.js'), 'bom.js', 1000);
    assert.ok(bom.ok && bom.text.charCodeAt(0) === 0xfeff);
    const denied: ScanFs = { ...nodeScanFs, readFile: () => { throw Object.assign(new Error("EACCES: permission denied, open '/x/y.js'"), { code: 'EACCES' }); } };
    assert.deepEqual(readSourceFile(join(base, 'bom.js'), 'p/bom.js', 1000, denied), { ok: false, cause: 'p/bom.js: permission denied' });
  });

  it('an unreadable directory becomes SEC-SCAN-001 and the scan continues', () => {
    const unit = discoverUnits({ base: root }).find((u) => u.extensionId === 'git-helper')!;
    const fs: ScanFs = {
      ...nodeScanFs,
      readdir: (p) => {
        if (p.endsWith('/lib')) throw new Error(`EACCES: permission denied, scandir '${p}'`);
        return nodeScanFs.readdir(p);
      },
    };
    const report = scanUnits([unit], { base: root, today: '2026-06-01', fs });
    const scan = report.findings.filter((f) => f.ruleId === 'SEC-SCAN-001');
    assert.deepEqual(scan.map((f) => [f.file, f.message, f.line, f.column]), [
      ['.pi/extensions/git-helper/lib', 'Not scanned: .pi/extensions/git-helper/lib: permission denied', 1, 1],
    ]);
    assert.ok(report.findings.some((f) => f.ruleId === 'CMP-FORBIDDEN-001' && f.file.endsWith('index.ts')));
  });
});

describe('workspace scan and outputs (scanner.md §11)', () => {
  const units = discoverUnits({ base: root });
  const report = scanUnits(units, { base: root, today: '2026-06-01', maxFileBytes: 1000 });
  const meta = { toolVersion: '0.1.0', nowMs: Date.UTC(2026, 5, 1, 12) };

  it('produces findings in report order with fail-closed SCAN findings and BOM offsets kept', () => {
    assert.deepEqual(
      report.findings.map((f) => [f.file, f.line, f.column, f.ruleId, f.suppression ? 'suppressed' : 'active']),
      [
        ['.pi/extensions/bad/big.js', 1, 1, 'SEC-SCAN-001', 'active'],
        ['.pi/extensions/bad/bin.js', 1, 1, 'SEC-SCAN-001', 'active'],
        ['.pi/extensions/bad/bom.js', 1, 10, 'CMP-FORBIDDEN-001', 'active'],
        ['.pi/extensions/bad/latin1.js', 1, 1, 'SEC-SCAN-001', 'active'],
        ['.pi/extensions/git-helper/.hidden/c.mjs', 1, 8, 'CMP-FORBIDDEN-001', 'active'],
        ['.pi/extensions/git-helper/index.ts', 2, 21, 'CMP-FORBIDDEN-001', 'active'],
        ['.pi/extensions/git-helper/lib/b.js', 1, 9, 'CMP-FORBIDDEN-001', 'suppressed'],
        ['extensions/single.mjs', 1, 8, 'CMP-FORBIDDEN-001', 'active'],
      ],
    );
  });

  it('builds a schema-valid pi.sec.scan_result.v1 with extensions in summary order', () => {
    const json = buildScanResult(report, meta);
    scanResultSchema.parse(json);
    assert.equal(json.generated_at, '2026-06-01T12:00:00.000Z');
    assert.deepEqual(json.extensions.map((e) => [e.extension_id, e.verdict.recommendation, e.verdict.score]), [
      ['bad', 'review', 25],
      ['git-helper', 'review', 70],
      ['single', 'review', 85],
      ['clean', 'allow', 100],
    ]);
    const bad = json.extensions.find((e) => e.extension_id === 'bad')!;
    assert.deepEqual(bad.counts, { critical: 0, high: 3, medium: 0, low: 0, compat_errors: 1, compat_warnings: 0 });
    assert.equal(bad.verdict.text, 'REVIEW: score 25/100 — 3 high; 1 compat error(s)');
  });

  it('builds a schema-valid scanner summary with suppression and parse statistics', () => {
    const summary = buildScanSummary(report, meta);
    scanSummarySchema.parse(summary);
    const git = summary.extensions.find((e) => e.extension_id === 'git-helper')!;
    assert.deepEqual(git.suppressed, { total: 1, expired: 0, by_rule: { 'CMP-FORBIDDEN-001': 1 } });
    assert.deepEqual(git.skipped_symlinks, ['.pi/extensions/git-helper/link.js']);
    assert.equal(git.files, 4);
    const bad = summary.extensions.find((e) => e.extension_id === 'bad')!;
    assert.deepEqual(bad.parse.scan_failed, ['.pi/extensions/bad/big.js', '.pi/extensions/bad/bin.js', '.pi/extensions/bad/latin1.js']);
    assert.equal(summary.totals.scan_failures, 3);
    assert.equal(summary.totals.suppressed, 1);
    assert.equal(summary.totals.files, 10);
  });

  it('renders human output with one line per unsuppressed finding, verdicts and a closing line', () => {
    const text = renderHuman(report);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], '.pi/extensions/bad/big.js:1:1: high SEC-SCAN-001 Not scanned: file exceeds the size limit (2000 > 1000 bytes)');
    assert.ok(!text.includes('lib/b.js'));
    assert.ok(lines.includes('clean: ALLOW: score 100/100 — no security findings; compatible'));
    assert.equal(lines.at(-1), '10 file(s), 8 finding(s) (1 suppressed), 0 block, 3 review, 1 allow');
  });

  it('produces SARIF 2.1.0 valid against the official schema, with suppressions and notifications', () => {
    const sarif = buildSarif(report, '0.1.0', 'file:///work/');
    const schema = JSON.parse(readFileSync(new URL('../../fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
    const run = sarif.runs[0] as unknown as { results: Record<string, unknown>[]; columnKind: string; invocations: { toolExecutionNotifications: unknown[] }[] };
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.results.length, report.findings.length);
    const suppressed = run.results.filter((r) => r.suppressions);
    assert.deepEqual(suppressed.map((r) => r.suppressions), [[{ kind: 'inSource', status: 'accepted', justification: 'reviewed' }]]);
    assert.equal(run.invocations[0].toolExecutionNotifications.length, 3);
    // A broken document must fail validation, so the check above is meaningful.
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
  });
});

describe('async workspace scan (server): progress and cancellation', () => {
  it('reports progress per file and stops between files when cancelled', async () => {
    const { scanUnitsAsync } = await import('../../../shared/scanner/workspaceScan');
    const units = discoverUnits({ base: root });
    const seen: string[] = [];
    const full = await scanUnitsAsync(units, { base: root, today: '2026-06-01', onProgress: (_d, _t, file) => seen.push(file) }, 0);
    assert.equal(full.cancelled, false);
    assert.equal(seen.length, full.fileCount);
    assert.ok(seen.includes('.pi/extensions/git-helper/index.ts'));
    let calls = 0;
    const partial = await scanUnitsAsync(units, { base: root, today: '2026-06-01', isCancelled: () => ++calls > 2 }, 0);
    assert.equal(partial.cancelled, true);
    assert.ok(partial.fileCount < full.fileCount, `${partial.fileCount} < ${full.fileCount}`);
    assert.deepEqual(scanUnits(units, { base: root, today: '2026-06-01' }).findings.map((f) => f.fingerprint), full.findings.map((f) => f.fingerprint));
  });
});
