/** Starts the language server and restarts it after crashes, at most 4 times within 3 minutes. */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { RestartLimiter } from './restartLimiter';

export const STOPPED_MESSAGE = 'Pi Security server stopped after repeated crashes; run Pi Security: Restart Server';

/** JS-like files, waiver files and policy config files, selected by path pattern, not language id. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', pattern: '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}' },
  { scheme: 'file', pattern: '**/tests/suite_classification.toml' },
  { scheme: 'file', pattern: '**/.pi/settings.json' },
  { scheme: 'file', pattern: '**/.pi/config.toml' },
  { scheme: 'file', pattern: '**/.pi/agent/settings.json' },
  { scheme: 'file', pattern: '**/.pi/agent/config.toml' },
];

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  limiter: RestartLimiter,
  onStopped: () => void,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const errorHandler: ErrorHandler = {
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      if (limiter.allowRestart()) {
        output.appendLine('Pi Security server stopped unexpectedly; restarting.');
        return { action: CloseAction.Restart, handled: true };
      }
      onStopped();
      return { action: CloseAction.DoNotRestart, message: STOPPED_MESSAGE };
    },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/.pi/{settings.json,config.toml}'),
    vscode.workspace.createFileSystemWatcher('**/tests/suite_classification.toml'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    errorHandler,
    synchronize: { fileEvents: watchers },
  };
  return new LanguageClient('piSecurity', 'Pi Security', serverOptions, clientOptions);
}
