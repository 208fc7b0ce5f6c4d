#!/usr/bin/env node
// Builds the bundles and packs them into out/pi-security.vsix with @vscode/vsce (no node_modules:
// everything the extension needs is in dist/).
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
mkdirSync(`${root}out`, { recursive: true });
run(process.execPath, ['scripts/build.mjs']);
run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license',
  '--baseContentUrl', 'https://example.invalid/pi-security', '--baseImagesUrl', 'https://example.invalid/pi-security',
  '--out', 'out/pi-security.vsix']);
console.log(`out/pi-security.vsix: ${(statSync(`${root}out/pi-security.vsix`).size / 1024).toFixed(0)} KiB`);
