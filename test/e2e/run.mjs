#!/usr/bin/env node
// End-to-end tests in a REAL VS Code: code-server 4.100.3 (VS Code 1.100.3) with the packaged .vsix
// installed, driven by Debian's Chromium through playwright-core. Two parts:
//  1. the extension-host suite (out/e2e/index.js, mocha) through the page's `payload` parameter;
//  2. UI checks as a person would do them (Quick Open, Problems panel, palette), with screenshots.
// Writes `N passed, N failed` to $TEST_RESULT_FILE and exits non-zero on any failure.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';

const root = path.resolve(new URL('../..', import.meta.url).pathname);
const shots = path.join(root, 'test-output');
const csBin = process.env.CODE_SERVER_BIN || path.join(root, '.vscode-test/code-server/node_modules/.bin/code-server');
const vsix = path.join(root, 'out/pi-security.vsix');
const T0 = Date.now();
const el = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
const log = (m) => console.log(`[e2e ${el()}] ${m}`);

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status}`);
}

const freePort = () => new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
const get = (url) => new Promise((r) => http.get(url, (res) => { res.resume(); r(res.statusCode); }).on('error', () => r(0)));

let passed = 0;
let failed = 0;
const uiResults = [];
async function uiCheck(name, fn) {
  try {
    await fn();
    passed++;
    uiResults.push(`  ✔ ${name}`);
  } catch (e) {
    failed++;
    uiResults.push(`  ✖ ${name}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  }
}

async function main() {
  if (!existsSync(csBin)) sh('bash', ['scripts/install-code-server.sh']);
  if (!process.env.PI_E2E_SKIP_PACKAGE || !existsSync(vsix)) sh(process.execPath, ['scripts/package.mjs']);
  else sh(process.execPath, ['scripts/build.mjs']);
  mkdirSync(shots, { recursive: true });

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pi-sec-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  cpSync(path.join(root, 'examples/workspace'), workspace, { recursive: true });
  const ud = path.join(tmp, 'user-data');
  const exts = path.join(tmp, 'extensions');
  mkdirSync(path.join(ud, 'User'), { recursive: true });
  writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true, 'update.mode': 'none', 'workbench.enableExperiments': false,
    'workbench.startupEditor': 'none', 'git.enabled': false, 'security.workspace.trust.enabled': false,
    'workbench.colorTheme': 'Default Light Modern', 'window.commandCenter': false,
  }, null, 1));
  writeFileSync(path.join(tmp, 'config.yaml'), 'auth: none\ncert: false\n');
  mkdirSync(path.join(tmp, 'tmp'));
  const env = { ...process.env, TMPDIR: path.join(tmp, 'tmp'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), PI_SEC_E2E: '1', TEST_RESULT_FILE_INNER: path.join(tmp, 'suite-result.txt') };
  const csArgs = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', ud, '--extensions-dir', exts];
  log('installing the packaged .vsix into code-server');
  sh(csBin, [...csArgs, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });

  const port = await freePort();
  const logFd = openSync(path.join(tmp, 'code-server.log'), 'w');
  const cs = spawn(csBin, [...csArgs, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--bind-addr', `127.0.0.1:${port}`],
    { env, detached: true, stdio: ['ignore', logFd, logFd] });
  let browser;
  const cleanup = async () => {
    try { await browser?.close(); } catch { /* already closed */ }
    try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* already gone */ }
    if (!process.env.PI_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  };
  process.on('SIGINT', async () => { await cleanup(); process.exit(130); });
  try {
    let up = false;
    for (let i = 0; i < 300 && !up; i++) { up = (await get(`http://127.0.0.1:${port}/healthz`)) === 200; if (!up) await new Promise((r) => setTimeout(r, 200)); }
    if (!up) throw new Error('code-server did not come up:\n' + readFileSync(path.join(tmp, 'code-server.log'), 'utf8'));
    log(`code-server up on 127.0.0.1:${port}`);
    const chromiumBin = process.env.CHROMIUM_BIN || execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim();
    browser = await chromium.launch({ executablePath: chromiumBin, headless: true, env,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });

    // Part 1: the extension-host suite.
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (process.env.PI_E2E_VERBOSE || !/ENOTFOUND|Creating a socket|connection token|Service Worker|builtin extensions cache|took \d+ms|ChatSessionStore|getaddrinfo/.test(text)) console.log(text);
    });
    const auth = `127.0.0.1:${port}`;
    const resultFile = env.TEST_RESULT_FILE_INNER;
    const testsPath = path.join(root, 'out/e2e/index.js');
    // VS Code runs extension tests only with a development path: use the unpacked .vsix itself, so the
    // suite exercises exactly what ships (bundles, docs, grammar, manifest).
    const unpacked = path.join(tmp, 'unpacked');
    sh('python3', ['-m', 'zipfile', '-e', vsix, unpacked]);
    const devPath = path.join(unpacked, 'extension');
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${auth}${devPath}`], ['extensionTestsPath', `vscode-remote://${auth}${testsPath}`]]);
    await page.goto(`http://${auth}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 240_000))]);
    await page.screenshot({ path: path.join(shots, 'e2e-extension-host.png') }).catch(() => undefined);
    if (code === 'timeout') {
      failed++;
      console.error('[e2e] TIMEOUT waiting for the extension-host suite; code-server log:\n' + readFileSync(path.join(tmp, 'code-server.log'), 'utf8').slice(-3000));
    } else {
      const summary = existsSync(resultFile) ? readFileSync(resultFile, 'utf8') : '';
      const m = /(\d+) passed, (\d+) failed/.exec(summary);
      if (m) { passed += Number(m[1]); failed += Number(m[2]); } else failed++;
      log(`extension-host suite: ${m ? m[0] : 'no summary'} (exit ${code})`);
      if (Number(code) !== 0 && (!m || Number(m[2]) === 0)) failed++;
    }
    await page.close();

    // Part 2: UI checks as a person would do them.
    await uiDrive(browser, auth, workspace);
  } catch (e) {
    console.error('[e2e] ERROR', e);
    failed++;
  } finally {
    await cleanup();
  }
  console.log('UI checks:\n' + uiResults.join('\n'));
  const summary = `${passed} passed, ${failed} failed`;
  console.log(`e2e: ${summary}`);
  if (process.env.TEST_RESULT_FILE) writeFileSync(process.env.TEST_RESULT_FILE, summary + '\n');
  process.exit(failed > 0 ? 1 : 0);
}

async function uiDrive(browser, auth, workspace) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://${auth}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 120_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
  const quickOpen = async (name) => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(name);
    await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${name}")`, { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab.active:has-text("${name}")`, { timeout: 30_000 });
  };
  const palette = async (title) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${title}")`, { timeout: 30_000 });
    await page.keyboard.press('Enter');
  };
  // Runs a palette command and waits for what it shows; tries once more when focus sat in a webview
  // and the palette never received the keys (seen once in CI).
  const paletteUntil = async (title, selector, timeout = 20_000) => {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Escape');
      await palette(title);
      try {
        await page.waitForSelector(selector, { timeout });
        return;
      } catch (error) {
        if (attempt >= 2) throw error;
        log(`"${title}" showed nothing within ${timeout / 1000}s; trying once more`);
      }
    }
  };
  await uiCheck('Quick Open a sample extension and see its forbidden import in the Problems panel', async () => {
    await quickOpen('legacy-formatter.js');
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row:has-text("CMP-FORBIDDEN-001")', { timeout: 60_000 });
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, 'problems-forbidden-import.png') });
  });
  await uiCheck('Palette command "Pi Security: Show Output" shows the server log', async () => {
    await palette('Pi Security: Show Output');
    await page.waitForSelector('.panel .monaco-editor .view-lines', { timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, 'output-channel.png') });
  });
  await uiCheck('Palette command "Pi Security: Generate Dashboards" opens a legible dashboard view', async () => {
    await palette('Pi Security: Generate Dashboards');
    await page.waitForSelector('.tab:has-text("Pi Security Dashboard")', { timeout: 90_000 });
    // The webview content lives in two nested iframes; wait for the rendered verdict inside them.
    const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('section#gates .verdict').waitFor({ timeout: 60_000 });
    await view.locator('section#waivers svg.timeline').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(shots, 'dashboard-view.png') });
    await view.locator('section#waivers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'dashboard-waivers.png') });
    await view.locator('section#scanner').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'dashboard-extensions.png') });
  });
  await uiCheck('Palette command "Pi Security: Run Risk Controller Calibration…" shows the report view and Apply edits .pi/settings.json', async () => {
    // The trace picker: files matching piSecurity.calibration.traceGlobs are preselected.
    await paletteUntil('Pi Security: Run Risk Controller Calibration', '.quick-input-list .monaco-list-row:has-text("benign.jsonl")');
    await page.screenshot({ path: path.join(shots, 'calibration-trace-picker.png') });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab:has-text("Risk Controller Calibration")', { timeout: 240_000 });
    const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('#rate-chart').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: path.join(shots, 'calibration-view.png') });
    await view.locator('#latency-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'calibration-latency.png') });
    await view.locator('#apply').click();
    await page.waitForSelector('.tab.active:has-text("settings.json")', { timeout: 30_000 });
    await page.screenshot({ path: path.join(shots, 'calibration-applied-settings.png') });
  });
  await page.close();
}

main().catch((e) => { console.error(e); process.exit(2); });
