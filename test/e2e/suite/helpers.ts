import * as vscode from 'vscode';

export const EXTENSION_ID = 'pi-security.pi-security';

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Waits (on events, never a fixed sleep) until the file's diagnostics satisfy `accept`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diags: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 45_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (accept(diags)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(diags);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const got = vscode.languages.getDiagnostics(uri).map((d) => `${String(d.code && typeof d.code === 'object' ? d.code.value : d.code)} ${d.message}`);
      reject(new Error(`timed out waiting for diagnostics on ${uri.fsPath}; have: ${JSON.stringify(got)}`));
    }, timeoutMs);
    check();
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return String(d.code !== undefined && typeof d.code === 'object' ? d.code.value : d.code);
}

export async function openFile(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

function webviewTab(viewType: string): vscode.Tab | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(viewType)) return tab;
    }
  }
  return undefined;
}

/** Waits on tab events (never a fixed sleep) until a webview tab of `viewType` exists. */
export function waitForWebviewTab(viewType: string, timeoutMs = 30_000): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const found = webviewTab(viewType);
    if (found) return resolve(found);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = webviewTab(viewType);
      if (tab) {
        sub.dispose();
        clearTimeout(timer);
        resolve(tab);
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no webview tab of type ${viewType} opened`));
    }, timeoutMs);
  });
}
