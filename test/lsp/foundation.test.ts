import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { fixedClock } from '../../shared/common/clock';
import { startLspSession, type LspSession } from './harness';

const WORKSPACE = join(__dirname, '..', '..', 'examples', 'workspace');

describe('language server over an in-process connection', () => {
  let lsp: LspSession;
  before(async () => {
    lsp = await startLspSession({ workspace: WORKSPACE, clock: fixedClock(Date.UTC(2026, 10, 24, 12)) });
  });
  after(() => lsp.close());

  it('announces pull diagnostics without inter-file or workspace diagnostics', () => {
    assert.deepEqual(lsp.initializeResult.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
  });

  it('reports CMP-FORBIDDEN-001 on the specifier with code, link, source and severity', async () => {
    const text = 'const fs = require("fs");\nimport {\n  Script\n} from "node:vm";\n';
    const uri = await lsp.open('.pi/extensions/sample/index.ts', text);
    const diags = await lsp.diagnostics(uri);
    const forbidden = diags.filter((d) => d.code === 'CMP-FORBIDDEN-001');
    assert.equal(forbidden.length, 1);
    assert.deepEqual(forbidden[0].range, { start: { line: 3, character: 7 }, end: { line: 3, character: 16 } });
    assert.equal(forbidden[0].severity, 1);
    assert.equal(forbidden[0].source, 'pi-sec');
    assert.match(forbidden[0].codeDescription!.href, /\/docs\/rules\/CMP-FORBIDDEN-001\.md$/);
  });

  it('re-scans the new text after a change', async () => {
    const uri = await lsp.open('.pi/extensions/sample/changing.js', 'const x = 1;\n', 'javascript');
    assert.deepEqual((await lsp.diagnostics(uri)).filter((d) => d.code === 'CMP-FORBIDDEN-001'), []);
    await lsp.change(uri, 'const x = 1;\nimport "repl";\n');
    const diags = (await lsp.diagnostics(uri)).filter((d) => d.code === 'CMP-FORBIDDEN-001');
    assert.deepEqual(diags.map((d) => d.range.start.line), [1]);
  });

  it('does not scan files outside scan.include', async () => {
    const uri = await lsp.open('scripts/tool.js', 'require("vm")', 'javascript');
    assert.deepEqual(await lsp.diagnostics(uri), []);
  });

  it('honours rules.severity overrides and off, and asks the client to pull again', async () => {
    const uri = await lsp.open('.pi/extensions/sample/sev.js', 'require("vm")', 'javascript');
    const refreshes = lsp.refreshRequests;
    await lsp.configure({ rules: { severity: { 'CMP-FORBIDDEN-001': 'hint' } } });
    assert.equal((await lsp.diagnostics(uri)).find((d) => d.code === 'CMP-FORBIDDEN-001')?.severity, 4);
    await lsp.configure({ rules: { severity: { 'CMP-FORBIDDEN-001': 'off' } } });
    assert.equal((await lsp.diagnostics(uri)).find((d) => d.code === 'CMP-FORBIDDEN-001'), undefined);
    assert.ok(lsp.refreshRequests >= refreshes + 2);
    await lsp.configure({});
  });

  it('reports an oversized document as SEC-SCAN-001 instead of parsing it', async () => {
    await lsp.configure({ scan: { maxFileBytes: 100 } });
    const uri = await lsp.open('.pi/extensions/sample/big.js', `// ${'x'.repeat(200)}\nrequire("vm")`, 'javascript');
    const diags = await lsp.diagnostics(uri);
    assert.deepEqual(diags.map((d) => d.code), ['SEC-SCAN-001']);
    assert.match(diags[0].message as string, /^Not scanned: file exceeds the size limit \(\d+ > 100 bytes\)$/);
    await lsp.configure({});
  });

  it('asks for a diagnostics refresh when a policy config file changes', async () => {
    await lsp.diagnostics(lsp.uri('.pi/extensions/sample/sev.js')); // drains refreshes already on the way
    const before = lsp.refreshRequests;
    await lsp.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('.pi/settings.json'), type: 2 }] });
    await lsp.diagnostics(lsp.uri('.pi/extensions/sample/sev.js'));
    assert.equal(lsp.refreshRequests, before + 1);
  });

  it('answers diagnostics for unknown documents with an empty report', async () => {
    assert.deepEqual(await lsp.diagnostics(lsp.uri('.pi/extensions/none.js')), []);
  });
});
