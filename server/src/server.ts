/** Language server entry point (bundled to dist/server.js, spawned by the client over IPC). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { resolve } from 'node:path';
import { systemClock } from '../../shared/common/clock';
import { startServer } from './startServer';

const connection = createConnection(ProposedFeatures.all);
// End-to-end tests only: a request that crashes the server, to exercise the client's restart budget.
if (process.env.PI_SEC_E2E === '1') connection.onRequest('piSecurity/test/crash', () => setTimeout(() => process.exit(3), 10));
startServer(connection, { clock: systemClock(), env: process.env, extensionPath: resolve(__dirname, '..') });
connection.listen();
