/** Scanner commands and the verdict status bar item of the active file's extension. */
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { ExtensionSummaryRequest, ScanWorkspaceRequest } from '../../../shared/protocol';
import type { ClientContext } from '../context';

export function registerScannerCommands(ctx: ClientContext): readonly string[] {
  const item = vscode.window.createStatusBarItem('piSecurity.verdict', vscode.StatusBarAlignment.Left, 9);
  item.name = 'Pi Security verdict';
  ctx.extension.subscriptions.push(item);
  let lastMarkdown = '';

  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    const client = ctx.readyClient();
    if (!editor || !client || editor.document.uri.scheme !== 'file') {
      item.hide();
      return;
    }
    try {
      const summary = await client.sendRequest(ExtensionSummaryRequest, { uri: editor.document.uri.toString() });
      if (!summary.statusText) {
        item.hide();
        return;
      }
      lastMarkdown = summary.markdown;
      item.text = `$(shield) ${summary.statusText}`;
      item.tooltip = 'Pi Security verdict for this extension — click for its scanner summary';
      item.command = 'piSecurity.showExtensionSummary';
      item.show();
    } catch {
      item.hide();
    }
  };

  ctx.extension.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.workspace.onDidSaveTextDocument(() => void refresh()),
    vscode.languages.onDidChangeDiagnostics(() => void refresh()),
    vscode.commands.registerCommand('piSecurity.showExtensionSummary', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: lastMarkdown });
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc));
    }),
  );
  registerScanWorkspace(ctx);
  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand('piSecurity.openRuleDoc', async (href: unknown) => {
      if (typeof href !== 'string') return;
      const uri = vscode.Uri.parse(href);
      await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, () => vscode.window.showTextDocument(uri));
    }),
  );
  return ['piSecurity.showExtensionSummary', 'piSecurity.scanWorkspace', 'piSecurity.openRuleDoc'];
}

/**
 * Scan Workspace (README "LSP"): results for files that are not open go to a client-side diagnostic
 * collection; an entry is dropped when its file is opened (the server's pull diagnostics take over).
 */
function registerScanWorkspace(ctx: ClientContext): void {
  const collection = vscode.languages.createDiagnosticCollection('pi-sec-workspace');
  ctx.extension.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument((doc) => collection.delete(doc.uri)),
  );
  let runs = 0;
  ctx.registerServerCommand('piSecurity.scanWorkspace', async (client) => {
    if (!ctx.requireFolder()) return;
    const progressToken = `pi-sec-scan-${Date.now()}-${++runs}`;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Pi Security: Scan Workspace', cancellable: true },
      async (progress, token) => {
        const sub = client.onProgress(WorkDoneProgress.type, progressToken, (value) => {
          if (value.kind === 'report' && value.message) progress.report({ message: value.message });
        });
        try {
          const result = await client.sendRequest(ScanWorkspaceRequest, { workDoneToken: progressToken }, token);
          collection.clear();
          const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
          for (const file of result.files) {
            const uri = vscode.Uri.parse(file.uri);
            if (open.has(uri.toString()) || file.diagnostics.length === 0) continue;
            collection.set(uri, await client.protocol2CodeConverter.asDiagnostics(file.diagnostics));
          }
          ctx.output.info(`Scan Workspace: ${result.summary} in ${result.elapsedMs} ms${result.cancelled ? ' (cancelled)' : ''}`);
          for (const e of result.extensions) ctx.output.info(`  ${e.extensionId ?? '(no extension)'}: ${e.verdictText}`);
          void vscode.window.showInformationMessage(`Pi Security: ${result.cancelled ? 'scan cancelled; partial results: ' : ''}${result.summary}`);
        } finally {
          sub.dispose();
        }
      },
    );
  });
}
