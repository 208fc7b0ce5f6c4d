/** Registers every custom request handler (one module per area). */
import type { Connection } from 'vscode-languageserver';
import type { ServerHandle } from '../startServer';
import { registerDashboardRequests } from './dashboards';
import { registerPolicyRequests } from './policy';
import { registerRiskRequests } from './risk';
import { registerScannerRequests } from './scanner';
import { registerWaiverRequests } from './waivers';

export function registerRequests(connection: Connection, server: ServerHandle): void {
  registerScannerRequests(connection, server);
  registerDashboardRequests(connection, server);
  registerWaiverRequests(connection, server);
  registerPolicyRequests(connection, server);
  registerRiskRequests(connection, server);
}
