/** A status bar item with the language server's state; clicking it shows the output channel. */
import * as vscode from 'vscode';

export type ServerState = 'starting' | 'ready' | 'stopped';

const TEXT: Record<ServerState, string> = {
  starting: '$(sync~spin) Pi Security',
  ready: '$(shield) Pi Security',
  stopped: '$(error) Pi Security',
};

const TOOLTIP: Record<ServerState, string> = {
  starting: 'Pi Security server is starting',
  ready: 'Pi Security server is running — click to show its output',
  stopped: 'Pi Security server stopped — click to show its output, or run Pi Security: Restart Server',
};

export class ServerStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('piSecurity.server', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Pi Security server';
    this.item.command = 'piSecurity.showOutput';
  }

  show(state: ServerState): void {
    this.item.text = TEXT[state];
    this.item.tooltip = TOOLTIP[state];
    this.item.backgroundColor = state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
