/** Extension entry point: registers every command at once, then starts the language server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAllCommands } from './commands';
import { NEEDS_FOLDER, SERVER_STARTING, type ClientContext } from './context';
import { RestartLimiter } from './restartLimiter';
import { createLanguageClient, STOPPED_MESSAGE } from './serverLifecycle';
import { ServerStatusItem, type ServerState } from './views/serverStatus';

let client: LanguageClient | undefined;
let state: ServerState = 'starting';

export async function activate(extension: vscode.ExtensionContext): Promise<ClientContext> {
  const output = vscode.window.createOutputChannel('Pi Security', { log: true });
  const status = new ServerStatusItem();
  const limiter = new RestartLimiter();
  const stateChanged = new vscode.EventEmitter<ServerState>();
  extension.subscriptions.push(output, status, stateChanged);
  const setState = (next: ServerState) => {
    if (next === state) return;
    state = next;
    status.show(next);
    stateChanged.fire(next);
  };
  status.show(state);

  const ctx: ClientContext = {
    extension,
    output,
    serverState: () => state,
    onDidChangeServerState: stateChanged.event,
    readyClient: () => (state === 'ready' ? client : undefined),
    registerServerCommand(id, handler) {
      extension.subscriptions.push(
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          const running = ctx.readyClient();
          if (!running) {
            if (state === 'stopped') void vscode.window.showErrorMessage(STOPPED_MESSAGE);
            else void vscode.window.showInformationMessage(SERVER_STARTING);
            return undefined;
          }
          return handler(running, ...args);
        }),
      );
    },
    requireFolder() {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) void vscode.window.showWarningMessage(NEEDS_FOLDER);
      return folder;
    },
  };

  const start = async () => {
    setState('starting');
    let stoppedForGood = false;
    client = createLanguageClient(extension, output, limiter, () => {
      stoppedForGood = true;
      setState('stopped');
      void vscode.window.showErrorMessage(STOPPED_MESSAGE);
    });
    client.onDidChangeState((e) => {
      // vscode-languageclient's State: 1 Stopped, 2 Running, 3 Starting.
      if (e.newState === 2) setState('ready');
      else if (!stoppedForGood) setState('starting');
    });
    try {
      await client.start();
      setState('ready');
    } catch (error) {
      setState('stopped');
      output.error(`Pi Security server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  extension.subscriptions.push(
    vscode.commands.registerCommand('piSecurity.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('piSecurity.restartServer', async () => {
      limiter.reset();
      if (client) {
        const old = client;
        client = undefined;
        await old.stop().catch(() => undefined);
      }
      await start();
      return state === 'ready';
    }),
  );
  registerAllCommands(ctx);
  await start();
  return ctx;
}

export async function deactivate(): Promise<void> {
  await client?.stop().catch(() => undefined);
}
