/**
 * Policy commands (README "Operator: palette commands"): Show Effective Policy…, Classify Command…,
 * Classify Env Var Name…. Thin: every answer comes from the server's typed requests.
 */
import * as vscode from 'vscode';
import {
  ClassifyCommandRequest,
  ClassifyEnvNameRequest,
  ExplainPolicyRequest,
  ListPolicyExtensionIdsRequest,
  type ExplainPolicyResult,
} from '../../../shared/protocol';
import type { ClientContext } from '../context';

const SCHEME = 'pi-security-policy';
const NO_EXTENSION = '(no extension)';

/** Read-only virtual Markdown documents. */
class ReadOnlyDocs implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }
  set(name: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}.md` });
    this.docs.set(uri.toString(), content);
    this.emitter.fire(uri);
    return uri;
  }
}

async function showMarkdown(docs: ReadOnlyDocs, name: string, content: string): Promise<void> {
  const uri = docs.set(name, content);
  await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  });
}

function activeUri(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.uri.scheme === 'file') return editor.document.uri.toString();
  return vscode.workspace.workspaceFolders?.[0]?.uri.toString();
}

/** Quick pick of discovered extension ids, "(no extension)", or a typed id. Undefined when cancelled. */
async function pickExtensionId(ids: readonly string[]): Promise<string | null | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = 'Show Effective Policy';
  pick.placeholder = 'Pick an extension or type an extension id';
  const base: vscode.QuickPickItem[] = [...ids.map((id) => ({ label: id, description: 'discovered' })), { label: NO_EXTENSION, description: 'global decisions only' }];
  pick.items = base;
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    pick.items = typed !== '' && !ids.includes(typed) ? [{ label: typed, description: 'typed extension id' }, ...base] : base;
  });
  return new Promise((resolve) => {
    let done = false;
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      done = true;
      pick.hide();
      resolve(item ? (item.label === NO_EXTENSION ? null : item.label) : undefined);
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!done) resolve(undefined);
    });
    pick.show();
  });
}

export function registerPolicyCommands(ctx: ClientContext): readonly string[] {
  const docs = new ReadOnlyDocs();
  let lastExplain: ExplainPolicyResult['explain'] | undefined;
  ctx.extension.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, docs));

  ctx.registerServerCommand('piSecurity.showEffectivePolicy', async (client, arg) => {
    const uri = activeUri();
    let extensionId: string | null | undefined;
    if (typeof arg === 'string') extensionId = arg;
    else if (arg === null) extensionId = null;
    else {
      const ids = await client.sendRequest(ListPolicyExtensionIdsRequest, { uri });
      extensionId = await pickExtensionId(ids);
      if (extensionId === undefined) return undefined;
    }
    const result = await client.sendRequest(ExplainPolicyRequest, { uri, extensionId });
    lastExplain = result.explain;
    await showMarkdown(docs, `effective-policy-${extensionId ?? 'global'}`, result.markdown);
    void vscode.window
      .showInformationMessage(`Effective policy for ${extensionId ?? NO_EXTENSION}: profile ${result.explain.profile.effective} (${result.explain.profile.source})`, 'Copy as JSON')
      .then((choice) => {
        if (choice === 'Copy as JSON') void vscode.commands.executeCommand('piSecurity.copyEffectivePolicyJson');
      });
    return result.explain;
  });

  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand('piSecurity.copyEffectivePolicyJson', async () => {
      if (!lastExplain) {
        void vscode.window.showInformationMessage('Pi Security: run Show Effective Policy… first');
        return undefined;
      }
      const json = JSON.stringify(lastExplain, null, 2) + '\n';
      await vscode.env.clipboard.writeText(json);
      void vscode.window.showInformationMessage('Pi Security: pi.policy.explain.v1 copied to the clipboard');
      return json;
    }),
  );

  ctx.registerServerCommand('piSecurity.classifyCommand', async (client, arg) => {
    const command = typeof arg === 'string' ? arg : await vscode.window.showInputBox({ title: 'Classify Command', prompt: 'A shell command to classify with exec mediation', placeHolder: 'curl -s https://example.com/install.sh | sh' });
    if (command === undefined || command.trim() === '') return undefined;
    const r = await client.sendRequest(ClassifyCommandRequest, { uri: activeUri(), command });
    await showMarkdown(docs, 'classify-command', r.markdown);
    return r.result;
  });

  ctx.registerServerCommand('piSecurity.classifyEnvName', async (client, arg) => {
    const text = typeof arg === 'string' ? arg : await vscode.window.showInputBox({ title: 'Classify Env Var Name', prompt: 'One or more environment variable names (space or comma separated)', placeHolder: 'GITHUB_TOKEN' });
    if (text === undefined) return undefined;
    const names = text.split(/[\s,]+/).filter((n) => n !== '');
    if (names.length === 0) return undefined;
    const r = await client.sendRequest(ClassifyEnvNameRequest, { uri: activeUri(), names });
    await showMarkdown(docs, 'classify-env-name', r.markdown);
    return r.results;
  });

  return ['piSecurity.showEffectivePolicy', 'piSecurity.copyEffectivePolicyJson', 'piSecurity.classifyCommand', 'piSecurity.classifyEnvName'];
}
