import type { Connection } from 'vscode-languageserver';
import { ExtensionSummaryRequest } from '../../../shared/protocol';
import type { ServerHandle } from '../startServer';

export function registerScannerRequests(connection: Connection, _server: ServerHandle): void {
  // Verdicts per extension unit arrive with the scanner pipeline; until then no status is shown.
  connection.onRequest(ExtensionSummaryRequest, () => ({ extensionId: null, statusText: null, markdown: '' }));
}
