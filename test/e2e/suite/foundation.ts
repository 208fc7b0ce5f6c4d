import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openFile, waitForDiagnostics, workspaceUri } from './helpers';

type ServerState = 'starting' | 'ready' | 'stopped';
interface ClientApi {
  serverState(): ServerState;
  onDidChangeServerState: vscode.Event<ServerState>;
  readyClient(): { sendRequest(method: string): Promise<unknown> } | undefined;
}

function nextState(api: ClientApi, wanted: ServerState): Promise<void> {
  return new Promise((resolve) => {
    const sub = api.onDidChangeServerState((s) => {
      if (s === wanted) {
        sub.dispose();
        resolve();
      }
    });
  });
}

async function crashServer(api: ClientApi, expect: ServerState): Promise<void> {
  const client = api.readyClient();
  assert.ok(client, 'server is ready before the crash');
  const reached = nextState(api, expect);
  client.sendRequest('piSecurity/test/crash').catch(() => undefined);
  await reached;
}

export function defineFoundationSuite(): void {
  suite('foundation: a rule flows from the core to the editor', () => {
    const legacy = () => workspaceUri('extensions', 'legacy-formatter.js');

    test('a forbidden builtin import shows CMP-FORBIDDEN-001 on the specifier, linked to its doc page', async () => {
      const ext = await activateExtension();
      const editor = await openFile(legacy());
      const diags = await waitForDiagnostics(legacy(), (d) => d.some((x) => codeOf(x) === 'CMP-FORBIDDEN-001'));
      const hit = diags.find((x) => codeOf(x) === 'CMP-FORBIDDEN-001')!;
      assert.equal(editor.document.getText(hit.range), '"worker_threads"');
      assert.equal(hit.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(hit.source, 'pi-sec');
      assert.match(hit.message, /^Import of forbidden builtin "worker_threads" — Unsupported concurrency model/);
      const target = typeof hit.code === 'object' ? hit.code.target : undefined;
      assert.ok(target, 'diagnostic has a codeDescription link');
      assert.match(target.path, /docs\/rules\/CMP-FORBIDDEN-001\.md$/);
      assert.ok(existsSync(vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'CMP-FORBIDDEN-001.md').fsPath), 'rule doc ships in the .vsix');
    });

    test('editing the file updates its diagnostics while typing', async () => {
      const editor = await openFile(legacy());
      const doc = editor.document;
      const line = doc.lineAt(doc.lineCount - 1).range.end;
      await editor.edit((b) => b.insert(line, '\nconst inspector = require("node:inspector");\n'));
      await waitForDiagnostics(legacy(), (d) => d.some((x) => codeOf(x) === 'CMP-FORBIDDEN-001' && x.message.includes('"node:inspector"')));
      await vscode.commands.executeCommand('undo');
      await waitForDiagnostics(legacy(), (d) => !d.some((x) => x.message.includes('"node:inspector"')));
    });

    test('a file with a syntax error still gets findings after PARSE-001', async () => {
      const uri = workspaceUri('.pi', 'extensions', 'scratch-broken.js');
      await vscode.workspace.fs.writeFile(uri, Buffer.from('const x = ;\nconst v = require("vm");\n'));
      await openFile(uri);
      const diags = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'CMP-FORBIDDEN-001'));
      assert.ok(diags.some((x) => codeOf(x) === 'PARSE-001' && x.range.start.line === 0));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    });

    test('Restart Server from the palette brings diagnostics back', async () => {
      const restarted = await vscode.commands.executeCommand<boolean>('piSecurity.restartServer');
      assert.equal(restarted, true);
      await openFile(legacy());
      await waitForDiagnostics(legacy(), (d) => d.some((x) => codeOf(x) === 'CMP-FORBIDDEN-001'));
      await vscode.commands.executeCommand('piSecurity.showOutput');
    });

    test('a crashed server restarts; after 5 crashes within 3 minutes it stays stopped until Restart Server', async () => {
      const api = (await activateExtension()).exports as ClientApi;
      assert.equal(api.serverState(), 'ready');
      for (let crash = 1; crash <= 4; crash++) {
        await crashServer(api, 'starting');
        if (api.serverState() !== 'ready') await nextState(api, 'ready');
      }
      await openFile(legacy());
      await waitForDiagnostics(legacy(), (d) => d.some((x) => codeOf(x) === 'CMP-FORBIDDEN-001'));
      await crashServer(api, 'stopped');
      assert.equal(api.readyClient(), undefined);
      assert.equal(await vscode.commands.executeCommand<boolean>('piSecurity.restartServer'), true);
      assert.equal(api.serverState(), 'ready');
    });
  });
}
