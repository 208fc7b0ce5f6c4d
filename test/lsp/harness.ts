/**
 * An in-process LSP session: the real server (startServer) on one end of a pair of streams, a
 * JSON-RPC client on the other. No VS Code, no child process.
 */
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, DocumentDiagnosticReport, InitializeResult } from 'vscode-languageserver-protocol';
import type { Clock } from '../../shared/common/clock';
import type { EnvMap } from '../../shared/common/env';
import { startServer, type ServerHandle } from '../../server/src/startServer';

export interface LspSession {
  client: MessageConnection;
  server: ServerHandle;
  initializeResult: InitializeResult;
  /** Settings answered to `workspace/configuration`, as a nested object (`{scan: {run: 'onSave'}}`). */
  settings: Record<string, unknown>;
  refreshRequests: number;
  uri(relativePath: string): string;
  open(relativePath: string, text: string, languageId?: string): Promise<string>;
  change(uri: string, text: string): Promise<void>;
  diagnostics(uri: string): Promise<Diagnostic[]>;
  /** Replaces the settings and tells the server they changed. */
  configure(settings: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export interface LspSessionOptions {
  workspace: string;
  clock: Clock;
  env?: EnvMap;
  settings?: Record<string, unknown>;
}

export async function startLspSession(options: LspSessionOptions): Promise<LspSession> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = startServer(serverConnection, { clock: options.clock, env: options.env ?? {}, extensionPath: join(__dirname, '..', '..') });
  serverConnection.listen();
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const versions = new Map<string, number>();
  const session: LspSession = {
    client,
    server,
    initializeResult: undefined as unknown as InitializeResult,
    settings: options.settings ?? {},
    refreshRequests: 0,
    uri: (relativePath) => pathToFileURL(join(options.workspace, relativePath)).href,
    async open(relativePath, text, languageId = 'typescript') {
      const uri = session.uri(relativePath);
      versions.set(uri, 1);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async diagnostics(uri) {
      const report = await client.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      return report.kind === 'full' ? report.items : [];
    },
    async configure(settings) {
      session.settings = settings;
      await client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    },
    async close() {
      server.dispose();
      await client.sendRequest('shutdown').catch(() => undefined);
      client.dispose();
      serverConnection.dispose();
    },
  };
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => session.settings));
  client.onRequest('workspace/diagnostic/refresh', () => {
    session.refreshRequests++;
    return null;
  });
  client.onRequest('workspace/codeLens/refresh', () => null);
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  session.initializeResult = await client.sendRequest<InitializeResult>('initialize', {
    processId: null,
    rootUri: pathToFileURL(options.workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(options.workspace).href, name: 'workspace' }],
    capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true }, codeLens: { refreshSupport: true } } },
  });
  await client.sendNotification('initialized', {});
  return session;
}
