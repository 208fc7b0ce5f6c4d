/**
 * Wires the LSP connection to the providers and request handlers. Used by the real server entry
 * (`server.ts`) and by in-process LSP tests, which pass their own connection, clock and environment.
 */
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import type { Clock } from '../../shared/common/clock';
import type { EnvMap } from '../../shared/common/env';
import { errorMessage } from '../../shared/common/json';
import { locate, uriToFsPath } from './documentContext';
import { PROVIDERS } from './providers';
import { forgetScannedDocument } from './providers/scanner';
import { forgetWaiverDocument } from './providers/waivers';
import type { DocumentContext, DocumentProvider, ServerServices } from './providers/types';
import { registerRequests } from './requests';
import { SettingsCache } from './settingsCache';

export interface ServerOptions {
  clock: Clock;
  /** The process environment; used for policy unless `policy.useProcessEnv` is false. */
  env: EnvMap;
  extensionPath: string;
}

export interface ServerHandle {
  services: ServerServices;
  documents: TextDocuments<TextDocument>;
  contextFor(uri: string): Promise<DocumentContext | null>;
  dispose(): void;
}

const CONFIG_FILE = /(?:^|\/)(?:\.pi\/settings\.json|\.pi\/config\.toml|\.pi\/agent\/settings\.json)$/;

export function startServer(connection: Connection, options: ServerOptions): ServerHandle {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let canConfigure = false;
  let canRefreshDiagnostics = false;
  let canRefreshCodeLens = false;
  const settings = new SettingsCache(connection, () => canConfigure);
  let midnightTimer: NodeJS.Timeout | undefined;

  const services: ServerServices = {
    clock: options.clock,
    env: options.env,
    extensionPath: options.extensionPath,
    log: (message) => connection.console.log(message),
    workspaceFolders: () => folders,
    settingsForFolder: (folder) => settings.get(pathToFileURL(folder).href),
    refreshDiagnostics: () => {
      if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
      if (canRefreshCodeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
  };

  async function contextFor(uri: string): Promise<DocumentContext | null> {
    const document = documents.get(uri);
    if (!document) return null;
    const location = locate(uri, folders);
    if (!location) return null;
    const docSettings = await settings.get(uri);
    return { document, uri, ...location, settings: docSettings, services };
  }

  async function routed(uri: string): Promise<{ ctx: DocumentContext; provider: DocumentProvider } | null> {
    const ctx = await contextFor(uri);
    if (!ctx) return null;
    const provider = PROVIDERS.find((p) => p.handles(ctx.fsPath, ctx.relativePath, ctx.settings));
    return provider ? { ctx, provider } : null;
  }

  connection.onInitialize((params): InitializeResult => {
    folders = (params.workspaceFolders ?? []).map((f) => uriToFsPath(f.uri)).filter((p): p is string => p !== null);
    if (folders.length === 0 && params.rootUri) {
      const root = uriToFsPath(params.rootUri);
      if (root) folders = [root];
    }
    const caps = params.capabilities;
    canConfigure = caps.workspace?.configuration === true;
    canRefreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
    canRefreshCodeLens = caps.workspace?.codeLens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
        hoverProvider: true,
        codeActionProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['.', '"', '='] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'pi-security', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (folders.length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToFsPath(f.uri)));
        folders = folders.filter((f) => !removed.has(f));
        for (const added of event.added) {
          const p = uriToFsPath(added.uri);
          if (p) folders.push(p);
        }
        settings.clear();
        services.refreshDiagnostics();
      });
    }
    scheduleMidnightRefresh();
  });

  /** At each UTC midnight, waiver statuses and suppression expiries roll over without edits. */
  function scheduleMidnightRefresh(): void {
    const now = options.clock.nowMs();
    const nextMidnight = Math.floor(now / 86_400_000 + 1) * 86_400_000;
    midnightTimer = setTimeout(() => {
      services.refreshDiagnostics();
      scheduleMidnightRefresh();
    }, nextMidnight - now + 50);
    midnightTimer.unref?.();
  }

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    services.refreshDiagnostics();
  });

  connection.onDidChangeWatchedFiles((params) => {
    // Policy-derived diagnostics depend on the config files (README "LSP").
    if (params.changes.some((c) => CONFIG_FILE.test(c.uri))) services.refreshDiagnostics();
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const items = await diagnosticsFor(params.textDocument.uri, token);
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  async function diagnosticsFor(uri: string, token: CancellationToken): Promise<Diagnostic[]> {
    const target = await routed(uri);
    if (!target || token.isCancellationRequested) return [];
    try {
      return await target.provider.diagnostics(target.ctx, token);
    } catch (error) {
      services.log(`[${target.provider.id}] ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        source: 'pi-sec',
        code: 'INTERNAL',
        message: `Pi Security could not analyse this file (${errorMessage(error)}); please report this. Other files are unaffected.`,
      }];
    }
  }

  connection.onHover(async (params) => {
    const target = await routed(params.textDocument.uri);
    return target?.provider.hover?.(target.ctx, params.position) ?? null;
  });

  connection.onCodeAction(async (params) => {
    const target = await routed(params.textDocument.uri);
    return target?.provider.codeActions?.(target.ctx, params) ?? [];
  });

  connection.onCodeLens(async (params) => {
    const target = await routed(params.textDocument.uri);
    return target?.provider.codeLenses?.(target.ctx) ?? [];
  });

  connection.onCompletion(async (params) => {
    const target = await routed(params.textDocument.uri);
    return target?.provider.completion?.(target.ctx, params.position) ?? [];
  });

  documents.onDidClose((event) => {
    settings.forget(event.document.uri);
    forgetScannedDocument(event.document.uri);
    forgetWaiverDocument(event.document.uri);
  });

  const handle: ServerHandle = {
    services,
    documents,
    contextFor,
    dispose: () => clearTimeout(midnightTimer),
  };
  registerRequests(connection, handle);
  documents.listen(connection);
  connection.onShutdown(() => handle.dispose());
  return handle;
}
