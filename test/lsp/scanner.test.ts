import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fixedClock } from '../../shared/common/clock';
import { ExtensionSummaryRequest, ScanWorkspaceRequest } from '../../shared/protocol';
import { startLspSession, type LspSession } from './harness';

const workspace = mkdtempSync(join(tmpdir(), 'pi-lsp-scan-'));
function write(rel: string, content: string): void {
  mkdirSync(dirname(join(workspace, rel)), { recursive: true });
  writeFileSync(join(workspace, rel), content);
}

const INDEX = [
  'export default function (pi) {',
  '  const run = eval;',
  '  if (pi) {',
  '    run("1 + 1");',
  '  }',
  '  // pi-scan-allow SEC-CONSOLE-001 -- CLI-style output',
  '  console.warn("x");',
  '  // pi-scan-allow SEC-DEBUG-001 -- nothing here',
  '  const y = 2;',
  '}',
  '',
].join('\n');

write('.pi/extensions/demo/package.json', JSON.stringify({ name: 'demo-ext' }));
write('.pi/extensions/demo/index.js', INDEX);
write('.pi/extensions/demo/lib/helper.js', 'export const h = () => { debugger; };\n');
write('.pi/extensions/quiet/index.js', 'export const a = 1;\n');

describe('scanner in the language server (scanner.md §7, §10)', () => {
  let lsp: LspSession;
  let uri: string;
  let diags: Diagnostic[];
  before(async () => {
    lsp = await startLspSession({ workspace, clock: fixedClock(Date.UTC(2026, 10, 24, 12)) });
    uri = await lsp.open('.pi/extensions/demo/index.js', INDEX, 'javascript');
    diags = await lsp.diagnostics(uri);
  });
  after(async () => {
    await lsp.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('reports SEC-EVAL-001 at the aliased call with data, link, related information and tier severity', () => {
    const evalDiag = diags.find((d) => d.code === 'SEC-EVAL-001');
    assert.ok(evalDiag, JSON.stringify(diags.map((d) => d.code)));
    assert.equal(evalDiag.severity, 1);
    assert.equal(evalDiag.source, 'pi-sec');
    assert.match(evalDiag.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/SEC-EVAL-001\.md$/);
    const data = evalDiag.data as Record<string, unknown>;
    assert.equal(data.ruleId, 'SEC-EVAL-001');
    assert.equal(data.tier, 'critical');
    assert.equal(data.extensionId, 'demo-ext');
    assert.match(String(data.fingerprint), /^[0-9a-f]{16}$/);
    assert.equal(typeof data.remediation, 'string');
    assert.deepEqual(evalDiag.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 7 } });
    assert.deepEqual(evalDiag.relatedInformation, [
      { location: { uri, range: { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } } }, message: '"run" declared here' },
    ]);
  });

  it('hides suppressed findings, marks unused suppressions Unnecessary', () => {
    assert.equal(diags.find((d) => d.code === 'SEC-CONSOLE-001'), undefined);
    const unused = diags.find((d) => d.code === 'SUP-003');
    assert.ok(unused);
    assert.deepEqual(unused.tags, [1]);
    assert.equal(unused.message, 'No SEC-DEBUG-001 finding on the target line');
    assert.equal(unused.range.start.line, 7);
  });

  it('shows suppressed findings as hints with showSuppressed', async () => {
    await lsp.configure({ suppressions: { showSuppressed: true } });
    const shown = (await lsp.diagnostics(uri)).find((d) => d.code === 'SEC-CONSOLE-001');
    assert.ok(shown);
    assert.equal(shown.severity, 4);
    await lsp.configure({});
  });

  it('hover shows rule name, tier, rationale, remediation and the documentation link', async () => {
    const evalDiag = diags.find((d) => d.code === 'SEC-EVAL-001')!;
    const hover = await lsp.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: evalDiag.range.start });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*SEC-EVAL-001\*\* `eval-usage` · Critical/);
    assert.match(value, /\*\*Rationale:\*\* eval\(\) enables arbitrary code execution at runtime/);
    assert.match(value, /\*\*Remediation:\*\* Parse data/);
    assert.match(value, /\[Rule documentation\]\(file:.*SEC-EVAL-001\.md\)/);
    const nothing = await lsp.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 9 } });
    assert.equal(nothing, null);
  });

  it('offers a suppression snippet above the line with its indentation and today + 30, and the docs', async () => {
    const evalDiag = diags.find((d) => d.code === 'SEC-EVAL-001')!;
    const actions = await lsp.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: evalDiag.range,
      context: { diagnostics: [evalDiag] },
    });
    const suppress = actions.find((a) => a.title === 'Suppress SEC-EVAL-001 on this line…');
    assert.ok(suppress, JSON.stringify(actions.map((a) => a.title)));
    const change = suppress.edit!.documentChanges![0] as { textDocument: { uri: string }; edits: { range: unknown; snippet: { value: string } }[] };
    assert.equal(change.textDocument.uri, uri);
    const line = evalDiag.range.start.line;
    const indent = /^ */.exec(INDEX.split('\n')[line])![0];
    assert.deepEqual(change.edits[0].range, { start: { line, character: 0 }, end: { line, character: 0 } });
    assert.equal(change.edits[0].snippet.value, `${indent}// pi-scan-allow SEC-EVAL-001 until 2026-12-24 -- \${1:reason}\n`);
    const docs = actions.find((a) => a.title === 'Open rule documentation for SEC-EVAL-001');
    assert.equal(docs?.command?.command, 'piSecurity.openRuleDoc');
    assert.match(String(docs?.command?.arguments?.[0]), /SEC-EVAL-001\.md$/);
  });

  it('applying the suppression text (with a reason) suppresses the finding', async () => {
    const lines = INDEX.split('\n');
    const evalLine = diags.find((d) => d.code === 'SEC-EVAL-001')!.range.start.line;
    lines.splice(evalLine, 0, '    // pi-scan-allow SEC-EVAL-001 until 2026-12-24 -- constant expression');
    await lsp.change(uri, lines.join('\n'));
    const after = await lsp.diagnostics(uri);
    assert.equal(after.find((d) => d.code === 'SEC-EVAL-001'), undefined);
    await lsp.change(uri, INDEX);
  });

  it('SEC-UNICODE-001 offers to remove the hidden characters, and applying it leaves the line as it runs', async () => {
    const trojan = 'export function check(user) {\n  /*\u202e } \u2066if (user.admin)\u2069 \u2066 begin admins only */\n  return true;\n}\n';
    const hiddenUri = await lsp.open('.pi/extensions/demo/trojan.js', trojan, 'javascript');
    const found = (await lsp.diagnostics(hiddenUri)).find((d) => d.code === 'SEC-UNICODE-001');
    assert.ok(found);
    assert.equal(found.range.start.line, 1);
    const actions = await lsp.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: hiddenUri }, range: found.range, context: { diagnostics: [found] } });
    const remove = actions.find((a) => a.title === 'Remove the invisible and bidirectional characters');
    assert.ok(remove, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(remove.isPreferred, true);
    const change = remove.edit!.documentChanges![0] as { edits: { range: Diagnostic['range']; newText: string }[] };
    const lines = trojan.split('\n');
    const { start, end } = change.edits[0].range;
    lines[1] = lines[1].slice(0, start.character) + change.edits[0].newText + lines[1].slice(end.character);
    assert.equal(lines[1], '  /* } if (user.admin)  begin admins only */');
    await lsp.change(hiddenUri, lines.join('\n'));
    assert.equal((await lsp.diagnostics(hiddenUri)).find((d) => d.code === 'SEC-UNICODE-001'), undefined);
  });

  it('piSecurity/extensionSummary gives the status text and the summary Markdown', async () => {
    const summary = await lsp.client.sendRequest(ExtensionSummaryRequest, { uri });
    assert.equal(summary.extensionId, 'demo-ext');
    assert.match(summary.statusText!, /^demo-ext: BLOCK \d+$/);
    assert.match(summary.markdown, /^# demo-ext — BLOCK \d+\/100/);
    assert.match(summary.markdown, /SEC-EVAL-001/);
    const outside = await lsp.client.sendRequest(ExtensionSummaryRequest, { uri: lsp.uri('scripts/x.js') });
    assert.deepEqual(outside, { extensionId: null, statusText: null, markdown: '' });
  });

  it('piSecurity/scanWorkspace scans unopened files with progress and returns their diagnostics', async () => {
    const progress: unknown[] = [];
    const disposable = lsp.client.onNotification('$/progress', (p: { token: string; value: unknown }) => {
      if (p.token === 'scan-1') progress.push(p.value);
    });
    const result = await lsp.client.sendRequest(ScanWorkspaceRequest, { workDoneToken: 'scan-1' });
    disposable.dispose();
    assert.equal(result.cancelled, false);
    const helper = result.files.find((f) => f.uri.endsWith('/.pi/extensions/demo/lib/helper.js'));
    assert.ok(helper);
    assert.deepEqual(helper.diagnostics.map((d) => [d.code, d.range.start.line]), [['SEC-DEBUG-001', 0]]);
    assert.deepEqual(result.extensions.map((e) => e.extensionId), ['demo-ext', 'quiet']);
    assert.match(result.summary, /^3 file\(s\), \d+ finding\(s\) \(1 suppressed\), 1 block, 0 review, 1 allow$/);
    assert.equal((progress[0] as { kind: string }).kind, 'begin');
    assert.equal((progress.at(-1) as { kind: string }).kind, 'end');
  });
});
