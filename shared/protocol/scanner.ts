import { RequestType, type Diagnostic, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';

export interface ExtensionSummaryParams {
  /** URI of a file inside the extension unit. */
  uri: string;
}

export interface ExtensionSummaryResult {
  extensionId: string | null;
  /** Status bar text, e.g. `git-helper: BLOCK 0`; null for files outside any unit. */
  statusText: string | null;
  /** Markdown with the extension's scanner-summary entry. */
  markdown: string;
}

export const ExtensionSummaryRequest = new RequestType<ExtensionSummaryParams, ExtensionSummaryResult, void>('piSecurity/extensionSummary');

/** `piSecurity/scanWorkspace` (README "LSP"): scans every discovered extension, with progress and cancellation. */
/** `workDoneToken`: the client's progress token; the server reports begin/report/end on it. */
export type ScanWorkspaceParams = WorkDoneProgressParams;

export interface ScanWorkspaceFile {
  uri: string;
  /** The same diagnostics the document would get when opened (settings-dependent severity, suppressed ones hidden). */
  diagnostics: Diagnostic[];
}

export interface ScanWorkspaceExtension {
  extensionId: string | null;
  /** Workspace-relative unit root. */
  root: string;
  /** Verdict text, e.g. `BLOCK: score 0/100 — 1 critical; 6 compat error(s)`. */
  verdictText: string;
}

export interface ScanWorkspaceResult {
  cancelled: boolean;
  files: ScanWorkspaceFile[];
  extensions: ScanWorkspaceExtension[];
  /** The CLI's closing line, e.g. `12 file(s), 7 finding(s) (1 suppressed), 1 block, 1 review, 2 allow`. */
  summary: string;
  elapsedMs: number;
}

export const ScanWorkspaceRequest = new RequestType<ScanWorkspaceParams, ScanWorkspaceResult, void>('piSecurity/scanWorkspace');
