/**
 * Waiver UI (waivers.md §9): the "Waivers" tree view grouped by status, the status bar count, the
 * commands Write Waiver Audit and Add Waiver…, and the helper commands used by CodeLens and quick fixes.
 * No domain logic: everything comes from the server through the typed requests.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import {
  AddWaiverPlanRequest,
  ListWaiversRequest,
  snippetFor,
  WriteWaiverAuditRequest,
  type ListWaiversResult,
  type WaiverFolderList,
  type WaiverListItem,
  type WaiverStatusName,
} from '../../../shared/protocol';
import type { ClientContext } from '../context';

const VIEW_ID = 'piSecurity.waivers';
const HAS_FILE_CONTEXT = 'piSecurity.hasWaiverFile';
const STATUS_ORDER: readonly WaiverStatusName[] = ['expired', 'invalid', 'expiring_soon', 'active'];
const STATUS_LABEL: Record<WaiverStatusName, string> = {
  expired: 'Expired',
  invalid: 'Invalid',
  expiring_soon: 'Expiring soon',
  active: 'Active',
};
const STATUS_ICON: Record<WaiverStatusName, vscode.ThemeIcon> = {
  expired: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  invalid: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  expiring_soon: new vscode.ThemeIcon('watch', new vscode.ThemeColor('list.warningForeground')),
  active: new vscode.ThemeIcon('pass'),
};

type Node =
  | { kind: 'folder'; folder: WaiverFolderList }
  | { kind: 'group'; folder: WaiverFolderList; status: WaiverStatusName; items: WaiverListItem[] }
  | { kind: 'waiver'; folder: WaiverFolderList; status: WaiverStatusName; item: WaiverListItem }
  | { kind: 'message'; text: string };

class WaiverTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  data: ListWaiversResult | undefined;
  private waiverNodes = new Map<string, Node>();

  update(data: ListWaiversResult | undefined): void {
    this.data = data;
    this.waiverNodes.clear();
    this.changed.fire(undefined);
  }

  private multiFolder(): boolean {
    return (this.data?.folders.filter((f) => f.exists).length ?? 0) > 1;
  }

  private groups(folder: WaiverFolderList): Node[] {
    if (folder.syntaxError) return [{ kind: 'message', text: folder.syntaxError }];
    return STATUS_ORDER.map((status) => ({ kind: 'group' as const, folder, status, items: folder.waivers.filter((w) => w.status === status) })).filter(
      (g) => g.items.length > 0,
    );
  }

  getChildren(node?: Node): Node[] {
    if (!this.data) return [];
    if (!node) {
      const folders = this.data.folders.filter((f) => f.exists);
      if (folders.length === 0) return [];
      if (this.multiFolder()) return folders.map((folder) => ({ kind: 'folder' as const, folder }));
      const groups = this.groups(folders[0]);
      return groups.length > 0 ? groups : [{ kind: 'message', text: 'No waivers' }];
    }
    if (node.kind === 'folder') return this.groups(node.folder);
    if (node.kind === 'group') {
      return node.items.map((item) => {
        const key = `${node.folder.fileUri}#${item.gateId}`;
        const existing = this.waiverNodes.get(key);
        if (existing) return existing;
        const created: Node = { kind: 'waiver', folder: node.folder, status: node.status, item };
        this.waiverNodes.set(key, created);
        return created;
      });
    }
    return [];
  }

  getParent(node: Node): Node | undefined {
    if (node.kind === 'waiver') {
      return this.getChildren(this.multiFolder() ? { kind: 'folder', folder: node.folder } : undefined).find(
        (g) => g.kind === 'group' && g.status === node.status && g.folder.fileUri === node.folder.fileUri,
      ) ?? undefined;
    }
    if (node.kind === 'group' && this.multiFolder()) return { kind: 'folder', folder: node.folder };
    return undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(vscode.workspace.asRelativePath(node.folder.folder, false) || node.folder.folder, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.folder.fileUri}#folder`;
        item.description = `${node.folder.verdict.status}: ${node.folder.verdict.detail}`;
        item.iconPath = new vscode.ThemeIcon('root-folder');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(STATUS_LABEL[node.status], vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.folder.fileUri}#group:${node.status}`;
        item.description = String(node.items.length);
        item.iconPath = STATUS_ICON[node.status];
        return item;
      }
      case 'waiver': {
        const item = new vscode.TreeItem(node.item.gateId, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.folder.fileUri}#${node.item.gateId}`;
        item.description = node.item.lens;
        item.tooltip = node.item.detail;
        item.iconPath = STATUS_ICON[node.status];
        const pos = new vscode.Position(node.item.line, node.item.character);
        item.command = {
          title: 'Open waiver',
          command: 'vscode.open',
          arguments: [vscode.Uri.parse(node.folder.fileUri), { selection: new vscode.Range(pos, pos) } satisfies vscode.TextDocumentShowOptions],
        };
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  findWaiver(fileUri: string, gateId: string): Node | undefined {
    for (const root of this.getChildren()) {
      const groups = root.kind === 'folder' ? this.getChildren(root) : [root];
      for (const g of groups) for (const w of this.getChildren(g)) if (w.kind === 'waiver' && w.folder.fileUri === fileUri && w.item.gateId === gateId) return w;
    }
    return undefined;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return vscode.Uri.parse(a).fsPath === vscode.Uri.parse(b).fsPath;
  } catch {
    return a === b;
  }
}

function gitUserName(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (error, stdout) => {
      const name = String(stdout ?? '').trim();
      resolve(error || !name ? undefined : name);
    });
  });
}

async function pickFolder(ctx: ClientContext): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return ctx.requireFolder();
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder' });
}

export function registerWaiverCommands(ctx: ClientContext): readonly string[] {
  const tree = new WaiverTree();
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: false });
  const status = vscode.window.createStatusBarItem('piSecurity.waiverStatus', vscode.StatusBarAlignment.Left, 8);
  status.name = 'Pi Security waivers';
  status.command = `${VIEW_ID}.focus`;
  ctx.extension.subscriptions.push(view, status);

  let timer: NodeJS.Timeout | undefined;
  let midnight: NodeJS.Timeout | undefined;
  const refresh = async (): Promise<void> => {
    const client = ctx.readyClient();
    if (!client) return;
    let data: ListWaiversResult | undefined;
    try {
      data = await client.sendRequest(ListWaiversRequest, {});
    } catch (error) {
      ctx.output.warn(`listWaivers failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    tree.update(data);
    const withFile = data.folders.filter((f) => f.exists);
    void vscode.commands.executeCommand('setContext', HAS_FILE_CONTEXT, withFile.length > 0);
    const expired = withFile.reduce((n, f) => n + f.counts.expired, 0);
    const expiring = withFile.reduce((n, f) => n + f.counts.expiring_soon, 0);
    if (withFile.length === 0 || (expired === 0 && expiring === 0)) {
      status.hide();
      return;
    }
    status.text = `$(watch) waivers: ${expired} expired, ${expiring} expiring`;
    status.tooltip = withFile.map((f) => `${f.verdict.gate_id}: ${f.verdict.status} — ${f.verdict.detail}`).join('\n');
    status.backgroundColor = new vscode.ThemeColor(expired > 0 ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    status.show();
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 250);
  };
  /** The UTC date rolls over: statuses change without edits (the server refreshes open files itself). */
  const scheduleMidnight = (): void => {
    const now = Date.now();
    const next = Math.floor(now / 86_400_000 + 1) * 86_400_000;
    midnight = setTimeout(() => {
      schedule();
      scheduleMidnight();
    }, next - now + 1000);
  };
  scheduleMidnight();

  const watcher = vscode.workspace.createFileSystemWatcher('**/tests/suite_classification.toml');
  ctx.extension.subscriptions.push(
    watcher,
    watcher.onDidCreate(schedule),
    watcher.onDidChange(schedule),
    watcher.onDidDelete(schedule),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.path.endsWith('.toml')) schedule();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.path.endsWith('.toml'))) schedule();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('piSecurity.waivers')) schedule();
    }),
    ctx.onDidChangeServerState((state) => {
      if (state === 'ready') schedule();
    }),
    { dispose: () => [timer, midnight].forEach((t) => t && clearTimeout(t)) },
  );
  if (ctx.serverState() === 'ready') schedule();

  ctx.registerServerCommand('piSecurity.writeWaiverAudit', async (client) => {
    const folder = await pickFolder(ctx);
    if (!folder) return;
    const r = await client.sendRequest(WriteWaiverAuditRequest, { folderUri: folder.uri.toString() });
    const text = `${r.verdict.gate_id}: ${r.verdict.status.toUpperCase()} — ${r.verdict.detail} (audit written to ${vscode.workspace.asRelativePath(r.path, false)})`;
    const show = r.verdict.status === 'fail' ? vscode.window.showErrorMessage : r.verdict.status === 'warn' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    // Not awaited: the command finishes when the audit is written, the message stays until dismissed.
    void Promise.resolve(show(text, 'Open Audit')).then((choice) => {
      if (choice === 'Open Audit') void vscode.window.showTextDocument(vscode.Uri.parse(r.uri));
    });
    schedule();
    return r;
  });

  ctx.registerServerCommand('piSecurity.addWaiver', async (client) => {
    const folder = await pickFolder(ctx);
    if (!folder) return;
    const owner = await gitUserName(folder.uri.fsPath);
    const plan = await client.sendRequest(AddWaiverPlanRequest, { folderUri: folder.uri.toString(), ...(owner ? { owner } : {}) });
    if (plan.gates.length === 0) {
      void vscode.window.showInformationMessage('Every known gate already has a waiver.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      plan.gates.map((g) => ({ label: g.id, description: g.description })),
      { placeHolder: 'Gate to waive (created today, expires in 14 days)' },
    );
    if (!picked) return;
    const uri = vscode.Uri.parse(plan.fileUri);
    if (!plan.exists) {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(uri, { ignoreIfExists: true });
      await vscode.workspace.applyEdit(edit);
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    // The document may have changed since the plan: append at its current end when it did.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const planned = new vscode.Position(plan.insert.line, plan.insert.character);
    const at = planned.isEqual(end) ? planned : end;
    const prefix = planned.isEqual(end) ? plan.insert.prefix : doc.getText().length === 0 ? '' : doc.getText().endsWith('\n') ? '\n' : '\n\n';
    await editor.insertSnippet(new vscode.SnippetString(prefix + snippetFor(plan, picked.label)), at);
    schedule();
  });

  ctx.extension.subscriptions.push(
    vscode.commands.registerCommand('piSecurity.waivers.reveal', async (fileUri: unknown, gateId: unknown) => {
      if (typeof fileUri !== 'string' || typeof gateId !== 'string') return;
      await refresh();
      const folderUri = tree.data?.folders.find((f) => sameFile(f.fileUri, fileUri))?.fileUri ?? fileUri;
      const node = tree.findWaiver(folderUri, gateId);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
      else await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    }),
    vscode.commands.registerCommand('piSecurity.waivers.selectRange', async (fileUri: unknown, range: unknown) => {
      if (typeof fileUri !== 'string' || typeof range !== 'object' || range === null) return;
      const r = range as { start: { line: number; character: number }; end: { line: number; character: number } };
      const editor = vscode.window.visibleTextEditors.find((e) => sameFile(e.document.uri.toString(), fileUri)) ?? (await vscode.window.showTextDocument(vscode.Uri.parse(fileUri)));
      const selection = new vscode.Selection(r.start.line, r.start.character, r.end.line, r.end.character);
      editor.selection = selection;
      editor.revealRange(selection);
    }),
  );
  return ['piSecurity.writeWaiverAudit', 'piSecurity.addWaiver', 'piSecurity.waivers.reveal', 'piSecurity.waivers.selectRange'];
}
