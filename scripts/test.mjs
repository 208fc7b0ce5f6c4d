#!/usr/bin/env node
// The README's test command: type check, unit + LSP tests (node:test), end-to-end tests in a real
// VS Code. Prints one closing line `N passed, N failed` over every suite and exits non-zero on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const out = join(root, 'out');
mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;

// A fresh clone has no node_modules yet: install first so `npm test` is the only command needed.
if (!existsSync(join(root, 'node_modules', '.bin', 'tsx'))) {
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(p));
    else if (entry.name.endsWith('.test.ts')) found.push(relative(root, p));
  }
  return found.sort();
}

if (!only || only === 'unit') {
  console.log('== type check');
  if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) {
    console.log('type check failed');
    failed++;
  }
  const files = [...testFiles(join(root, 'test/unit')), ...testFiles(join(root, 'test/lsp'))];
  console.log(`== unit and LSP tests (${files.length} files)`);
  const tap = join(out, 'unit.tap');
  rmSync(tap, { force: true });
  run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  if (!text) failed++;
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  console.log(`unit and LSP: ${count('pass')} passed, ${count('fail') + count('cancelled')} failed`);
}

if (!only || only === 'e2e') {
  console.log('== end-to-end tests in a real VS Code');
  const result = join(out, 'e2e-result.txt');
  rmSync(result, { force: true });
  const status = run(process.execPath, ['test/e2e/run.mjs'], { TEST_RESULT_FILE: result });
  const summary = existsSync(result) ? readFileSync(result, 'utf8') : '';
  const m = /(\d+) passed, (\d+) failed/.exec(summary);
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  if (!m || (status !== 0 && Number(m[2]) === 0)) failed++;
  console.log(`end-to-end: ${m ? `${m[1]} passed, ${m[2]} failed` : 'no result'} (runner exit ${status})`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
