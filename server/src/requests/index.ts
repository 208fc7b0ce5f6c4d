/** Registers every custom request handler (one module per area). */
import type { Connection } from 'vscode-languageserver';
import type { ServerHandle } from '../startServer';
import { registerDashboardRequests } from './dashboards';
import { registerScannerRequests } from './scanner';

export function registerRequests(connection: Connection, server: ServerHandle): void {
  registerScannerRequests(connection, server);
  registerDashboardRequests(connection, server);
}
