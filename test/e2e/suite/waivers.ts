import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openFile, waitForDiagnostics, workspaceUri } from './helpers';

/**
 * Waivers in the real editor (issue 5 "Tests"): open the sample waiver file, see the diagnostics and
 * lenses, apply a quick fix, write the audit. The sample statuses are relative to the real UTC date, so
 * only date-independent problems are asserted exactly.
 */
export function defineWaiverSuite(): void {
  suite('waivers: diagnostics, CodeLens, quick fix and audit', () => {
    const file = () => workspaceUri('tests', 'suite_classification.toml');

    test('the sample waiver file shows the unquoted date and the missing fields', async () => {
      await activateExtension();
      const editor = await openFile(file());
      const diags = await waitForDiagnostics(file(), (d) => d.some((x) => codeOf(x) === 'WVR-NOT-STRING'));
      const notString = diags.find((x) => codeOf(x) === 'WVR-NOT-STRING')!;
      assert.equal(editor.document.getText(notString.range), '2026-11-21');
      assert.equal(notString.message, '"created" must be a quoted string: write created = "2026-11-21"');
      assert.equal(notString.severity, vscode.DiagnosticSeverity.Error);
      const missing = diags.find((x) => codeOf(x) === 'WVR-MISSING-FIELD')!;
      assert.equal(missing.message, 'Missing required field(s): scope, remove_when');
      assert.equal(editor.document.getText(missing.range), 'non_mock_unit');
    });

    test('a CodeLens above each waiver header shows its status', async () => {
      const editor = await openFile(file());
      await waitForDiagnostics(file(), (d) => d.some((x) => codeOf(x) === 'WVR-NOT-STRING'));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      const titles = lenses.map((l) => l.command?.title ?? '');
      assert.equal(titles.length, 4, titles.join(' | '));
      // detail = the first Error-level problem in §4 table order: WVR-MISSING-FIELD precedes WVR-NOT-STRING.
      assert.ok(titles.includes('invalid: Missing required field(s): scope, remove_when'), titles.join(' | '));
      for (const t of titles) assert.match(t, /^(active · \d+ days? left · applies: .+|expiring soon · (\d+ days? left|expires today) · applies: .+|EXPIRED \d+ days? ago|invalid: .+)$/);
      const header = editor.document.getText().split('\n').findIndex((l) => l.startsWith('[waiver.non_mock_unit]'));
      assert.ok(lenses.some((l) => l.range.start.line === header && l.command?.title.startsWith('invalid: ')));
    });

    test('the quick fix quotes the date and the diagnostic goes away', async () => {
      const editor = await openFile(file());
      const doc = editor.document;
      const diags = await waitForDiagnostics(file(), (d) => d.some((x) => codeOf(x) === 'WVR-NOT-STRING'));
      const notString = diags.find((x) => codeOf(x) === 'WVR-NOT-STRING')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, notString.range);
      const fix = actions.find((a) => a.title === 'Quote the value: created = "2026-11-21"');
      assert.ok(fix?.edit, `quick fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      try {
        assert.equal(doc.lineAt(notString.range.start.line).text, 'created = "2026-11-21"');
        await waitForDiagnostics(file(), (d) => !d.some((x) => codeOf(x) === 'WVR-NOT-STRING') && d.some((x) => codeOf(x) === 'WVR-MISSING-FIELD'));
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      await waitForDiagnostics(file(), (d) => d.some((x) => codeOf(x) === 'WVR-NOT-STRING'));
    });

    test('Write Waiver Audit writes tests/full_suite_gate/waiver_audit.json with the gate verdict', async () => {
      await activateExtension();
      const result = await vscode.commands.executeCommand<{ path: string; verdict: { status: string; detail: string } } | undefined>('piSecurity.writeWaiverAudit');
      assert.ok(result, 'the command returns the written audit');
      assert.equal(result.verdict.status, 'fail');
      const target = workspaceUri('tests', 'full_suite_gate', 'waiver_audit.json').fsPath;
      assert.ok(existsSync(target));
      const audit = JSON.parse(readFileSync(target, 'utf8')) as { schema: string; total_waivers: number; gate_verdict: { detail: string } };
      assert.equal(audit.schema, 'pi.ci.waiver_audit.v1');
      assert.equal(audit.total_waivers, 4);
      assert.equal(audit.gate_verdict.detail, result.verdict.detail);
    });
  });
}
