/**
 * The dashboard webview (dashboards.md §5). Thin: the HTML comes from `shared/dashboards/view.ts`,
 * the data from the server. Strict CSP with a fresh nonce per render, no local or remote resources.
 * The view refreshes (through `piSecurity/readDashboards`) when one of its input files changes.
 */
import { randomBytes } from 'node:crypto';
import { relative } from 'node:path';
import * as vscode from 'vscode';
import type { DashboardViewPayload } from '../../../shared/protocol/dashboards';
import { renderDashboardHtml } from '../../../shared/dashboards/view';

export const DASHBOARD_VIEW_TYPE = 'piSecurity.dashboard';
export const DASHBOARD_MARKDOWN_URI = vscode.Uri.parse('pi-sec:/dashboard.md');

export interface DashboardViewHost {
  /** Reads the artifacts again (no writing). */
  reload(folder: string): Promise<DashboardViewPayload | undefined>;
  regenerate(): void;
  openMarkdown(): void;
  log(message: string): void;
}

export class DashboardView implements vscode.Disposable {
  private static current: DashboardView | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private payload: DashboardViewPayload;
  private timer: NodeJS.Timeout | undefined;
  /** How many times the HTML was set (the end-to-end tests wait on it). */
  renders = 0;

  static get active(): DashboardView | undefined {
    return DashboardView.current;
  }

  /** Opens the view (or reuses the open one) with fresh data. */
  static show(payload: DashboardViewPayload, host: DashboardViewHost): DashboardView {
    if (DashboardView.current) {
      DashboardView.current.update(payload);
      DashboardView.current.panel.reveal(undefined, false);
      return DashboardView.current;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Pi Security Dashboard', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [],
    });
    DashboardView.current = new DashboardView(panel, payload, host);
    return DashboardView.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    payload: DashboardViewPayload,
    private readonly host: DashboardViewHost,
  ) {
    this.payload = payload;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
    );
    this.update(payload);
  }

  get html(): string {
    return this.panel.webview.html;
  }

  get data(): DashboardViewPayload {
    return this.payload;
  }

  update(payload: DashboardViewPayload): void {
    const folderChanged = payload.folder !== this.payload.folder || this.watchers.length === 0;
    this.payload = payload;
    const nonce = randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
    this.panel.webview.html = renderDashboardHtml(payload.data, { nonce, cspSource: this.panel.webview.cspSource, folder: payload.folder });
    this.renders++;
    if (folderChanged) this.watch(payload);
  }

  private watch(payload: DashboardViewPayload): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    const base = vscode.Uri.file(payload.folder);
    for (const input of payload.inputs) {
      const rel = relative(payload.folder, input).split('\\').join('/');
      if (rel.startsWith('..')) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, rel));
      const changed = () => this.scheduleReload();
      this.watchers.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
    }
  }

  private scheduleReload(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.host
        .reload(this.payload.folder)
        .then((p) => {
          if (p && DashboardView.current === this) this.update(p);
        })
        .catch((e: unknown) => this.host.log(`Dashboard refresh failed: ${e instanceof Error ? e.message : String(e)}`));
    }, 250);
  }

  private onMessage(message: unknown): void {
    if (message === null || typeof message !== 'object') return;
    const m = message as { type?: unknown; text?: unknown };
    if (m.type === 'copy' && typeof m.text === 'string') {
      void vscode.env.clipboard.writeText(m.text).then(() => vscode.window.setStatusBarMessage(`Copied: ${m.text as string}`, 3000));
    } else if (m.type === 'regenerate') {
      this.host.regenerate();
    } else if (m.type === 'openMarkdown') {
      this.host.openMarkdown();
    }
  }

  dispose(): void {
    if (DashboardView.current === this) DashboardView.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of [...this.watchers, ...this.disposables]) d.dispose();
    this.watchers = [];
    this.panel.dispose();
  }
}

/** The read-only document `pi-sec:/dashboard.md` with the Markdown summary of the last payload. */
export class DashboardMarkdownProvider implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private markdown = '# Pi Security dashboard\n\nRun **Pi Security: Generate Dashboards** first.\n';

  set(markdown: string): void {
    this.markdown = markdown;
    this.emitter.fire(DASHBOARD_MARKDOWN_URI);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return uri.path === DASHBOARD_MARKDOWN_URI.path ? this.markdown : '';
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
