import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifySpecifier } from '../../../shared/scanner/imports';
import { scanDocument } from '../../../shared/scanner/engine';

describe('import classification (scanner.md §4.7)', () => {
  const kind = (s: string) => classifySpecifier(s).kind;
  it('forbids the forbidden roots with and without node: and sub-paths', () => {
    for (const s of ['vm', 'node:vm', 'vm/x', 'worker_threads', 'cluster', 'dgram', 'net', 'tls', 'inspector', 'node:inspector/promises', 'perf_hooks', 'v8', 'repl']) {
      assert.equal(kind(s), 'forbidden', s);
    }
  });
  it('rewrites the rewrite table exactly', () => {
    for (const s of ['fs', 'fs/promises', 'node:path', 'os', 'url', 'crypto', 'child_process', 'module']) assert.equal(kind(s), 'rewrite', s);
    for (const s of ['path/posix', 'fs/x', 'crypto/webcrypto', 'stream/promises', 'node:test', 'http2', 'async_hooks']) {
      assert.equal(kind(s), 'unsupported', s);
    }
  });
  it('packages named like Object.prototype members are ordinary packages', () => {
    for (const spec of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf/sub']) assert.deepEqual(classifySpecifier(spec), { kind: 'none', spec }, spec);
  });

  it('leaves packages, relative paths, wrong case and prefix-only names alone', () => {
    for (const s of ['lodash', './vm', 'NODE:fs', 'https://x/y.js', 'test', 'sqlite']) assert.equal(kind(s), 'none', s);
    assert.equal(kind('./addon.node'), 'native');
  });
});

describe('CMP-FORBIDDEN-001 through the document scan', () => {
  const ids = (text: string, path = 'a.js') => scanDocument({ text, path }).hits.map((h) => h.ruleId);
  it('flags multi-line, minified, re-export and require forms on the specifier', () => {
    const text = 'import {\n  Script\n} from "vm"';
    const scan = scanDocument({ text, path: 'a.js' });
    assert.deepEqual(scan.hits.map((h) => [h.ruleId, text.slice(h.start, h.end)]), [['CMP-FORBIDDEN-001', '"vm"']]);
    assert.deepEqual(ids(';import x from"vm"'), ['CMP-FORBIDDEN-001']);
    assert.deepEqual(ids('export * from "worker_threads"'), ['CMP-FORBIDDEN-001']);
    assert.deepEqual(ids('const v = require("node:v8")'), ['CMP-FORBIDDEN-001']);
  });
  it('ignores strings, comments and type-only imports', () => {
    assert.deepEqual(ids('const msg = "require(\'vm\')"; /* require("vm") */'), []);
    assert.deepEqual(ids('import type { Context } from "vm";', 'a.ts'), []);
  });
  it('reports a syntax error and still finds imports', () => {
    assert.deepEqual(ids('let x = ;\nimport "vm"'), ['PARSE-001', 'CMP-FORBIDDEN-001']);
  });
});
