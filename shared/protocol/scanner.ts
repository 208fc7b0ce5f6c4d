import { RequestType } from 'vscode-languageserver-protocol';

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
