/** Extension entry point: registers every command at once, then starts the language server. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAllCommands } from './commands';
import { NEEDS_FOLDER, SERVER_STARTING, type ClientContext } from './context';
import { RestartLimiter } from './restartLimiter';
import { createLanguageClient, STOPPED_MESSAGE } from './serverLifecycle';
import { ServerStatusItem } from './views/serverStatus';

let client: LanguageClient | undefined;
let ready = false;

export async function activate(extension: vscode.ExtensionContext): Promise<ClientContext> {
  const output = vscode.window.createOutputChannel('Pi Security', { log: true });
  const status = new ServerStatusItem();
  const limiter = new RestartLimiter();
  extension.subscriptions.push(output, status);

  const ctx: ClientContext = {
    extension,
    output,
    readyClient: () => (ready ? client : undefined),
    registerServerCommand(id, handler) {
      extension.subscriptions.push(
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          const running = ctx.readyClient();
          if (!running) {
            void vscode.window.showInformationMessage(SERVER_STARTING);
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
    ready = false;
    status.show('starting');
    client = createLanguageClient(extension, output, limiter, () => {
      ready = false;
      status.show('stopped');
      void vscode.window.showErrorMessage(STOPPED_MESSAGE);
    });
    client.onDidChangeState((e) => {
      // 2 = Running in vscode-languageclient's State enum.
      ready = e.newState === 2;
      status.show(ready ? 'ready' : 'starting');
    });
    try {
      await client.start();
      ready = true;
      status.show('ready');
    } catch (error) {
      status.show('stopped');
      output.appendLine(`Pi Security server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  extension.subscriptions.push(
    vscode.commands.registerCommand('piSecurity.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('piSecurity.restartServer', async () => {
      limiter.reset();
      if (client) {
        const old = client;
        client = undefined;
        ready = false;
        await old.stop().catch(() => undefined);
      }
      await start();
      return ready;
    }),
  );
  registerAllCommands(ctx);
  await start();
  return ctx;
}

export async function deactivate(): Promise<void> {
  await client?.stop().catch(() => undefined);
}
