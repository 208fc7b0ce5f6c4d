import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { corpusUnits } from '../../../shared/scanner/discovery';
import { buildSloReport, renderSloHuman } from '../../../shared/scanner/report/slo';
import { scannerSloSchema } from '../../../shared/scanner/report/schemas';
import { scanUnits } from '../../../shared/scanner/workspaceScan';

const root = mkdtempSync(join(tmpdir(), 'pi-slo-'));
after(() => rmSync(root, { recursive: true, force: true }));
function write(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
}

write('adv/one/index.js', '// pi-expect: CMP-FORBIDDEN-001\nrequire("vm");\nrequire("net"); // pi-expect: CMP-FORBIDDEN-001\n');
write('adv/two.mjs', '// pi-expect: CMP-FORBIDDEN-001, SEC-EVAL-001\nimport "tls";\n');
write('ben/ok/index.js', '// pi-expect: clean\nconst vm = "vm";\n');
write('ben/bad.js', 'require("repl");\n');
write('ben/clean-violated.js', 'const x = 1;\n// pi-expect: clean\nrequire("v8");\n');
write('ben/fine.js', 'export const y = 2;\n');

describe('SLO measurement (scanner.md §9.3)', () => {
  const scan = (dir: string) => scanUnits(corpusUnits(join(root, dir), { base: root }), { base: root, today: '2026-06-01' });
  const slo = buildSloReport(scan('adv'), scan('ben'), Date.UTC(2026, 5, 1));

  it('treats each subdirectory or file of a corpus as one unit', () => {
    assert.deepEqual(corpusUnits(join(root, 'ben'), { base: root }).map((u) => [u.relRoot, u.extensionId]), [
      ['ben/bad.js', 'bad'],
      ['ben/clean-violated.js', 'clean-violated'],
      ['ben/fine.js', 'fine'],
      ['ben/ok', 'ok'],
    ]);
  });

  it('computes detection over (line, rule) expectations, with misses and per-rule counts', () => {
    scannerSloSchema.parse(slo);
    assert.equal(slo.detection_rate, 0.75);
    assert.deepEqual(slo.per_rule, [
      { rule: 'CMP-FORBIDDEN-001', expected: 3, found: 3 },
      { rule: 'SEC-EVAL-001', expected: 1, found: 0 },
    ]);
    assert.deepEqual(slo.misses, [{ file: 'adv/two.mjs', line: 2, rule: 'SEC-EVAL-001' }]);
  });

  it('computes the false-positive rate over benign units (Critical/High hits or violated clean lines)', () => {
    assert.equal(slo.false_positive_rate, 0.5);
    assert.deepEqual(slo.false_positive_units.map((u) => u.extension_id), ['bad', 'clean-violated']);
    assert.equal(slo.pass, false);
    assert.match(renderSloHuman(slo), /^detection rate \(SLO-02\): 75\.00 % \(floor 95\.00 %\) FAIL\n/);
  });

  it('rounds rates to 6 decimals and passes when both limits hold', () => {
    const good = buildSloReport(scan('adv/one'), scan('ben/ok'), 0);
    assert.equal(good.detection_rate, 1);
    assert.equal(good.false_positive_rate, 0);
    assert.equal(good.pass, true);
  });
});
