import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openFile, waitForDiagnostics, workspaceUri } from './helpers';

/** Scanner in the real editor: diagnostics, hover and the suppression quick fix (issue 3 "Tests"). */
export function defineScannerSuite(): void {
  suite('scanner: diagnostics, hover and suppression quick fix', () => {
    const gitHelper = () => workspaceUri('.pi', 'extensions', 'git-helper', 'index.ts');

    test('child_process exec shows SEC-SPAWN-001 on the callee, merged with POL-CAP-001', async () => {
      await activateExtension();
      const editor = await openFile(gitHelper());
      const diags = await waitForDiagnostics(gitHelper(), (d) => d.some((x) => codeOf(x) === 'SEC-SPAWN-001'));
      const spawn = diags.find((x) => codeOf(x) === 'SEC-SPAWN-001')!;
      assert.equal(editor.document.getText(spawn.range), 'exec');
      assert.equal(spawn.severity, vscode.DiagnosticSeverity.Error);
      assert.match(spawn.message, /^Direct process execution via child_process\.exec/);
      assert.match(spawn.message, /\(also: .*POL-CAP-001.*\)$/);
    });

    test('hover on the finding shows the rule name, tier, rationale and remediation', async () => {
      const editor = await openFile(gitHelper());
      const diags = await waitForDiagnostics(gitHelper(), (d) => d.some((x) => codeOf(x) === 'SEC-SPAWN-001'));
      const spawn = diags.find((x) => codeOf(x) === 'SEC-SPAWN-001')!;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, spawn.range.start);
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.match(text, /SEC-SPAWN-001\*\* `child-process-spawn` · Critical/);
      assert.match(text, /child_process command execution enables arbitrary system commands/);
      assert.match(text, /Use `pi\.exec\(\.\.\.\)`/);
    });

    test('the suppression quick fix inserts a comment above the line with its indentation, and the finding goes away', async () => {
      const editor = await openFile(gitHelper());
      const doc = editor.document;
      const diags = await waitForDiagnostics(gitHelper(), (d) => d.some((x) => codeOf(x) === 'SEC-SPAWN-001'));
      const spawn = diags.find((x) => codeOf(x) === 'SEC-SPAWN-001')!;
      const line = spawn.range.start.line;
      const indent = /^\s*/.exec(doc.lineAt(line).text)![0];
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, spawn.range);
      const fix = actions.find((a) => a.title === 'Suppress SEC-SPAWN-001 on this line…');
      assert.ok(fix?.edit, `quick fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      try {
        const inserted = doc.lineAt(line).text;
        assert.match(inserted, new RegExp(`^${indent}// pi-scan-allow SEC-SPAWN-001 until \\d{4}-\\d{2}-\\d{2} -- reason$`));
        const today = new Date();
        const until = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 30)).toISOString().slice(0, 10);
        assert.ok(inserted.includes(`until ${until} --`), inserted);
        await waitForDiagnostics(gitHelper(), (d) => !d.some((x) => codeOf(x) === 'SEC-SPAWN-001') && d.length > 0);
      } finally {
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      await waitForDiagnostics(gitHelper(), (d) => d.some((x) => codeOf(x) === 'SEC-SPAWN-001'));
    });

    test('Scan Workspace shows diagnostics for a file that is not open, without duplicates once it is opened', async () => {
      const beacon = workspaceUri('.pi', 'extensions', 'metrics-beacon', 'index.js');
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === beacon.toString()), 'metrics-beacon is not open yet');
      await vscode.commands.executeCommand('piSecurity.scanWorkspace');
      const before = await waitForDiagnostics(beacon, (d) => d.some((x) => codeOf(x) === 'SEC-SPAWN-001'));
      assert.ok(before.some((x) => codeOf(x) === 'SEC-EVAL-001'));
      await openFile(beacon);
      const after = await waitForDiagnostics(beacon, (d) => d.some((x) => codeOf(x) === 'SEC-SPAWN-001') && d.every((x) => x.source === 'pi-sec'));
      const keys = after.map((x) => `${codeOf(x)}@${x.range.start.line}:${x.range.start.character}`);
      assert.equal(new Set(keys).size, keys.length, `no duplicates: ${keys.join(', ')}`);
      assert.deepEqual([...keys].sort(), before.map((x) => `${codeOf(x)}@${x.range.start.line}:${x.range.start.character}`).sort());
    });
  });
}
