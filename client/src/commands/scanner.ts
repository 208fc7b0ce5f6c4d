/** Scanner commands and the verdict status bar item of the active file's extension. */
import * as vscode from 'vscode';
import { ExtensionSummaryRequest } from '../../../shared/protocol';
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
  return ['piSecurity.showExtensionSummary'];
}
