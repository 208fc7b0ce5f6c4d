import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { utcDateOf, type Clock } from '../../shared/common/clock';
import { AddWaiverPlanRequest, ListWaiversRequest, snippetFor, WriteWaiverAuditRequest } from '../../shared/protocol';
import { WaiverAuditSchema } from '../../shared/waivers/audit';
import { runCli } from '../../server/src/cli/main';
import { startLspSession, type LspSession } from './harness';

const workspace = mkdtempSync(join(tmpdir(), 'pi-lsp-waivers-'));
const EXAMPLE = readFileSync(join(process.cwd(), 'test/unit/waivers/fixtures/spec-example.toml'), 'utf8');
mkdirSync(join(workspace, 'tests'), { recursive: true });
writeFileSync(join(workspace, 'tests/suite_classification.toml'), EXAMPLE);

/** A clock the test can move (midnight roll-over without edits). */
let now = Date.parse('2026-02-20T09:15:02.431Z');
const clock: Clock = { nowMs: () => now, today: () => utcDateOf(now) };

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('waiver file in the language server (waivers.md §9)', () => {
  let lsp: LspSession;
  let uri: string;
  before(async () => {
    lsp = await startLspSession({ workspace, clock });
    uri = await lsp.open('tests/suite_classification.toml', EXAMPLE, 'toml');
  });
  after(async () => {
    await lsp.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('diagnostics: every problem with its code, severity and exact range', async () => {
    const diags = await lsp.diagnostics(uri);
    assert.deepEqual(diags.map((d) => d.code), ['WVR-EXPIRING', 'WVR-EXPIRED', 'WVR-DURATION', 'WVR-MISSING-FIELD', 'WVR-NOT-STRING', 'WVR-BEAD']);
    const notString = diags.find((d) => d.code === 'WVR-NOT-STRING') as Diagnostic;
    const line = EXAMPLE.split('\n').findIndex((l) => l === 'created = 2026-02-18');
    assert.deepEqual(notString.range, { start: { line, character: 10 }, end: { line, character: 20 } });
    assert.equal(notString.severity, 1);
    assert.equal(diags[0].severity, 2);
    assert.equal(notString.source, 'pi-sec');
  });

  it('CodeLens above each header with the exact §9 texts', async () => {
    const lenses = await lsp.client.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => l.command?.title), [
      'active · 13 days left · applies: preflight, full',
      'expiring soon · 2 days left · applies: preflight',
      'EXPIRED 6 days ago',
      'invalid: Waiver duration 42 days exceeds the 30-day maximum (created 2026-02-01, expires 2026-03-15)',
      'invalid: Missing required field(s): scope, remove_when',
      'invalid: "created" must be a quoted string: write created = "2026-02-18"',
    ]);
    assert.equal(lenses[0].range.start.line, EXAMPLE.split('\n').indexOf('[waiver.ext_must_pass]'));
    assert.equal(lenses[0].command?.command, 'piSecurity.waivers.reveal');
  });

  it('hover on a header', async () => {
    const line = EXAMPLE.split('\n').indexOf('[waiver.security_compat]');
    const hover = await lsp.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 10 } });
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /Waiver for `security_compat`\*\* — expired[\s\S]*Gate: Security compatibility \(blocking\)/);
  });

  it('quick fix round trip through the server: quote the unquoted date', async () => {
    const diags = await lsp.diagnostics(uri);
    const d = diags.find((x) => x.code === 'WVR-NOT-STRING') as Diagnostic;
    const actions = await lsp.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const quote = actions.find((a) => a.title === 'Quote the value: created = "2026-02-18"');
    assert.ok(quote?.edit?.changes, actions.map((a) => a.title).join(' | '));
    const fixed = applyTextEdits(EXAMPLE, quote.edit.changes[uri]);
    await lsp.change(uri, fixed);
    const after = await lsp.diagnostics(uri);
    assert.deepEqual(after.map((x) => x.code), ['WVR-EXPIRING', 'WVR-EXPIRED', 'WVR-DURATION', 'WVR-MISSING-FIELD', 'WVR-BEAD']);
    // Renewal fixes carry a command that selects the renewal_note placeholder.
    const expired = after.find((x) => x.code === 'WVR-EXPIRED') as Diagnostic;
    const renew = (await lsp.client.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: expired.range, context: { diagnostics: [expired] } }));
    assert.deepEqual(renew.map((a) => a.title), ['Renew from today (new created date)', 'Remove waiver']);
    assert.equal(renew[0].command?.command, 'piSecurity.waivers.selectRange');
    await lsp.change(uri, EXAMPLE);
  });

  it('completion after [waiver. offers the known gates not yet waived', async () => {
    const text = EXAMPLE + '\n[waiver.';
    await lsp.change(uri, text);
    const lines = text.split('\n');
    const items = await lsp.client.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 8 } });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('non_mock_unit'));
    assert.ok(!labels.includes('ext_must_pass'));
    const diags = await lsp.diagnostics(uri);
    assert.deepEqual(diags.map((x) => x.code), ['WVR-SYNTAX']);
    await lsp.change(uri, EXAMPLE);
  });

  it('statuses roll over at UTC midnight without an edit', async () => {
    const before = await lsp.diagnostics(uri);
    assert.ok(before.some((d) => d.code === 'WVR-EXPIRING' && String(d.message).includes('expires in 2 day(s)')));
    now = Date.parse('2026-02-21T00:00:01Z');
    const afterMidnight = await lsp.diagnostics(uri);
    assert.ok(afterMidnight.some((d) => d.code === 'WVR-EXPIRING' && String(d.message).includes('expires in 1 day(s)')));
    now = Date.parse('2026-02-20T09:15:02.431Z');
  });

  it('piSecurity/listWaivers groups per folder with lens texts and counts', async () => {
    const list = await lsp.client.sendRequest(ListWaiversRequest, {});
    assert.equal(list.today, '2026-02-20');
    assert.equal(list.folders.length, 1);
    const f = list.folders[0];
    assert.equal(f.exists, true);
    assert.deepEqual(f.counts, { active: 1, expiring_soon: 1, expired: 1, invalid: 3 });
    assert.deepEqual(f.waivers.map((w) => [w.gateId, w.status]), [
      ['ext_must_pass', 'active'], ['ext_provider_compat', 'expiring_soon'], ['security_compat', 'expired'],
      ['evidence_bundle', 'invalid'], ['traceability_matrix', 'invalid'], ['conformance_regression', 'invalid'],
    ]);
    assert.equal(f.waivers[2].lens, 'EXPIRED 6 days ago');
    assert.equal(f.verdict.status, 'fail');
  });

  it('piSecurity/writeWaiverAudit writes tests/full_suite_gate/waiver_audit.json and returns the verdict', async () => {
    const r = await lsp.client.sendRequest(WriteWaiverAuditRequest, {});
    assert.equal(r.path, join(workspace, 'tests/full_suite_gate/waiver_audit.json'));
    assert.deepEqual(r.verdict, { gate_id: 'waiver_lifecycle', status: 'fail', detail: '1 expired, 3 invalid out of 6 waivers' });
    assert.ok(existsSync(r.path));
    const audit = WaiverAuditSchema.parse(JSON.parse(readFileSync(r.path, 'utf8')));
    assert.equal(audit.generated_at, '2026-02-20T09:15:02.431Z');
    assert.equal(audit.total_waivers, 6);
  });

  it('piSecurity/addWaiverPlan: gates not yet waived, insertion after one blank line, snippet with dates', async () => {
    const plan = await lsp.client.sendRequest(AddWaiverPlanRequest, { owner: 'Jane Doe' });
    assert.equal(plan.exists, true);
    assert.deepEqual(plan.gates.slice(0, 2).map((g) => g.id), ['non_mock_unit', 'waiver_lifecycle']);
    assert.ok(!plan.gates.some((g) => g.id === 'ext_must_pass'));
    const snippet = snippetFor(plan, 'non_mock_unit');
    assert.match(snippet, /^\[waiver\.non_mock_unit\]\nowner = "Jane Doe"\ncreated = "2026-02-20"\nexpires = "2026-03-06"\nbead = "\$\{1:<bd-id>\}"/);
    assert.equal(plan.insert.line, EXAMPLE.split('\n').length - 1);
    assert.equal(plan.insert.prefix, '\n');
  });

  it('parity: the editor, the CLI JSON and the CLI SARIF report the same problems and statuses', async () => {
    await lsp.change(uri, EXAMPLE);
    const diags = await lsp.diagnostics(uri);
    const run = async (format: string): Promise<unknown> => {
      let out = '';
      await runCli(['waivers', '--format', format], { stdout: (t) => (out += t), stderr: () => undefined, cwd: workspace, env: { PI_SEC_NOW_MS: String(now) } });
      return JSON.parse(out);
    };
    const json = (await run('json')) as { waivers: { gate_id: string; status: string; problems: { code: string }[] }[] };
    const sarif = (await run('sarif')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[] }[] }[] };
    const fromLsp = diags.map((d) => `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`);
    const fromSarif = sarif.runs[0].results.map((r) => {
      const g = r.locations[0].physicalLocation.region;
      return `${r.ruleId}@${g.startLine}:${g.startColumn}-${g.endLine}:${g.endColumn}`;
    });
    assert.deepEqual(fromSarif, fromLsp);
    assert.deepEqual(json.waivers.flatMap((w) => w.problems.map((p) => p.code)), diags.map((d) => String(d.code)));
    const list = await lsp.client.sendRequest(ListWaiversRequest, {});
    assert.deepEqual(list.folders[0].waivers.map((w) => [w.gateId, w.status]), json.waivers.map((w) => [w.gate_id, w.status]));
  });

  it('a waiver file deleted while open: the open text still drives diagnostics, the list and the audit', async () => {
    await lsp.change(uri, EXAMPLE);
    rmSync(join(workspace, 'tests/suite_classification.toml'));
    try {
      const diags = await lsp.diagnostics(uri);
      assert.equal(diags.length, 6);
      const list = await lsp.client.sendRequest(ListWaiversRequest, {});
      assert.equal(list.folders[0].exists, true);
      assert.equal(list.folders[0].waivers.length, 6);
      const r = await lsp.client.sendRequest(WriteWaiverAuditRequest, {});
      assert.equal(r.total, 6);
    } finally {
      writeFileSync(join(workspace, 'tests/suite_classification.toml'), EXAMPLE);
    }
  });
});
