/**
 * The server's extension point: one provider per kind of document (scripts, waiver files, policy
 * config files). The LSP handlers route each request to the provider that handles the document.
 */
import type {
  CancellationToken,
  CodeAction,
  CodeActionParams,
  CodeLens,
  CompletionItem,
  Diagnostic,
  Hover,
  Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Clock } from '../../../shared/common/clock';
import type { EnvMap } from '../../../shared/common/env';
import type { PiSecuritySettings } from '../../../shared/settings/schema';

/** Services every provider may use; injected so tests can fix the clock and environment. */
export interface ServerServices {
  clock: Clock;
  /** Environment for `PI_EXTENSION_*` reads (empty when `policy.useProcessEnv` is false). */
  env: EnvMap;
  /** Folder of the installed extension (holds `docs/rules/`). */
  extensionPath: string;
  log(message: string): void;
  /** Workspace folders as file-system paths. */
  workspaceFolders(): readonly string[];
  /** The `piSecurity` settings of a workspace folder (cached per resource, dropped on change). */
  settingsForFolder(folder: string): Promise<PiSecuritySettings>;
  /** Asks the client to pull diagnostics again (config change, midnight roll-over). */
  refreshDiagnostics(): void;
}

export interface DocumentContext {
  document: TextDocument;
  uri: string;
  /** Absolute file-system path. */
  fsPath: string;
  /** The workspace folder containing the file, or null. */
  workspaceFolder: string | null;
  /** POSIX path relative to the workspace folder, or the absolute path when outside any folder. */
  relativePath: string;
  settings: PiSecuritySettings;
  services: ServerServices;
}

export interface DocumentProvider {
  readonly id: string;
  /** Decided by path pattern, never by language id (README "Documents handled"). */
  handles(fsPath: string, relativePath: string, settings: PiSecuritySettings): boolean;
  diagnostics(ctx: DocumentContext, token: CancellationToken): Diagnostic[] | Promise<Diagnostic[]>;
  hover?(ctx: DocumentContext, position: Position): Hover | null;
  codeActions?(ctx: DocumentContext, params: CodeActionParams): CodeAction[];
  codeLenses?(ctx: DocumentContext): CodeLens[];
  completion?(ctx: DocumentContext, position: Position): CompletionItem[];
}
