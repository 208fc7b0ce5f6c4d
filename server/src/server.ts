/** Language server entry point (bundled to dist/server.js, spawned by the client over IPC). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { resolve } from 'node:path';
import { systemClock } from '../../shared/common/clock';
import { startServer } from './startServer';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, { clock: systemClock(), env: process.env, extensionPath: resolve(__dirname, '..') });
connection.listen();
