#!/usr/bin/env node
// Bundles the client, the language server, the CLI and the end-to-end test suite with esbuild.
import { build } from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const watch = process.argv.includes('--watch');
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  minify: !watch,
  keepNames: false,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's `main` is a UMD build whose dynamic `require('./impl/…')` esbuild cannot follow;
  // its ESM build bundles cleanly.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  existsSync(`${root}test/e2e/index.ts`)
    ? build({ ...common, minify: false, entryPoints: ['test/e2e/index.ts'], outfile: 'out/e2e/index.js', external: ['vscode', 'mocha'] })
    : Promise.resolve(),
]);
chmodSync(`${root}dist/cli.js`, 0o755);
