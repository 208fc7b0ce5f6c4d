/** What every client command module gets: the language client once ready, output, and guards. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SERVER_STARTING = 'Pi Security server is starting';
export const NEEDS_FOLDER = 'Pi Security needs an open folder';

export interface ClientContext {
  extension: vscode.ExtensionContext;
  output: vscode.LogOutputChannel;
  /** starting → ready; stopped after repeated crashes until Restart Server. */
  serverState(): 'starting' | 'ready' | 'stopped';
  /** Fires on every server state change (also used by the end-to-end tests). */
  onDidChangeServerState: vscode.Event<'starting' | 'ready' | 'stopped'>;
  /** The running client, or undefined while the server starts or after it stopped. */
  readyClient(): LanguageClient | undefined;
  /** Registers a command that needs the server: answers "server is starting" until it is ready. */
  registerServerCommand(id: string, handler: (client: LanguageClient, ...args: unknown[]) => unknown): void;
  /** The first workspace folder, or undefined after telling the user a folder is needed. */
  requireFolder(): vscode.WorkspaceFolder | undefined;
}
