/** The dashboard requests through a real in-process LSP session (dashboards.md §1, §2.4, §5). */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CancellationToken } from 'vscode-languageserver';
import { fixedClock } from '../../shared/common/clock';
import { DashboardCancelledError } from '../../shared/dashboards/generate';
import type { DashboardViewPayload, GenerateDashboardsResult, UpdateBaselineResult } from '../../shared/protocol/dashboards';
import { DEFAULT_DASHBOARD_PATHS as P, parseSettings } from '../../shared/settings/schema';
import { generateDashboardsHandler } from '../../server/src/requests/dashboards';
import { startLspSession, type LspSession } from './harness';

const SAMPLE = join(__dirname, '..', '..', 'examples', 'workspace');
const NOW = Date.UTC(2026, 10, 24, 12);

describe('dashboard requests (LSP)', () => {
  let lsp: LspSession;
  let workspace: string;
  let globalDir: string;
  let folderUri: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'pi-lsp-dash-'));
    cpSync(SAMPLE, workspace, { recursive: true });
    for (const rel of [P.compatDashboard, P.gateTable, P.waiverAudit, P.scanSummary]) rmSync(join(workspace, rel), { force: true });
    globalDir = mkdtempSync(join(tmpdir(), 'pi-lsp-dash-global-'));
    folderUri = pathToFileURL(workspace).href;
    lsp = await startLspSession({ workspace, clock: fixedClock(NOW), settings: { policy: { globalConfigDir: globalDir } } });
  });

  after(async () => {
    await lsp.close();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(globalDir, { recursive: true, force: true });
  });

  it('generateDashboards writes every artifact in order, reports progress and returns the view data', async () => {
    const progress: unknown[] = [];
    const sub = lsp.client.onNotification('$/progress', (p: { token: string; value: unknown }) => {
      if (p.token === 'tok-1') progress.push(p.value);
    });
    const r = await lsp.client.sendRequest<GenerateDashboardsResult>('piSecurity/generateDashboards', { folderUri, workDoneToken: 'tok-1' });
    sub.dispose();
    assert.deepEqual(r.written.map((w) => w.artifact), ['scanSummary', 'waiverAudit', 'compatDashboard', 'compatEvents', 'gateTable']);
    for (const w of r.written) assert.ok(existsSync(w.path), w.path);
    assert.equal(r.folder, workspace);
    assert.equal(r.verdict, 'fail'); // the sample has an expired and an invalid waiver, and ext_must_pass fails
    assert.equal(r.regressionDetected, false);
    assert.ok(r.data.compat.ok && r.data.gates.ok && r.data.waivers.ok && r.data.scan.ok);
    assert.equal(r.data.gates.ok && r.data.gates.value.generated_at, '2026-11-24T12:00:00.000Z');
    assert.match(r.markdown, /## CI gates \(lane full\): ✖ FAIL/);
    assert.ok(r.inputs.includes(join(workspace, P.gateTable)));
    const kinds = progress.map((v) => (v as { kind: string }).kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    assert.ok(progress.some((v) => (v as { message?: string }).message === 'Writing the gate table'));
    const slo7 = r.data.slo.find((s) => s.id === 'SLO-07');
    assert.equal(slo7?.status, 'pass');
  });

  it('readDashboards renders from the files on disk and shows a bad artifact in its panel only', async () => {
    writeFileSync(join(workspace, P.scanSummary), '{"schema": "pi.sec.scan_summary.v1"');
    const r = await lsp.client.sendRequest<DashboardViewPayload>('piSecurity/readDashboards', { folderUri });
    assert.equal(r.data.scan.ok, false);
    assert.equal(r.data.gates.ok, true);
    assert.match(r.markdown, /## Extensions\n\n> ✖ Artifact is not valid JSON/);
    // An unusable baseline is named in the compatibility panel on every refresh.
    const saved = readFileSync(join(workspace, P.compatBaseline));
    writeFileSync(join(workspace, P.compatBaseline), '');
    const r2 = await lsp.client.sendRequest<DashboardViewPayload>('piSecurity/readDashboards', { folderUri });
    assert.deepEqual(r2.data.compatNotices, [`Baseline ${P.compatBaseline} ignored: the file is empty`]);
    writeFileSync(join(workspace, P.compatBaseline), saved);
  });

  it('updateBaseline: dry run names refusals, a plain update is refused, a forced one records forced', async () => {
    const ok = await lsp.client.sendRequest<UpdateBaselineResult>('piSecurity/updateBaseline', { folderUri, dryRun: true });
    assert.deepEqual(ok.refusals, []);
    assert.equal(ok.updated, false);
    mkdirSync(join(workspace, '.pi'), { recursive: true });
    writeFileSync(join(workspace, '.pi/settings.json'), JSON.stringify({ extensionPolicy: { allowDangerous: true } }));
    const before = readFileSync(join(workspace, P.compatBaseline), 'utf8');
    const dry = await lsp.client.sendRequest<UpdateBaselineResult>('piSecurity/updateBaseline', { folderUri, dryRun: true });
    assert.equal(dry.refusals.length, 2);
    assert.match(dry.refusals[0], /^a regression is detected \(standard:env:dangerous_denied/);
    const refused = await lsp.client.sendRequest<UpdateBaselineResult>('piSecurity/updateBaseline', { folderUri });
    assert.equal(refused.updated, false);
    assert.equal(readFileSync(join(workspace, P.compatBaseline), 'utf8'), before);
    const forced = await lsp.client.sendRequest<UpdateBaselineResult>('piSecurity/updateBaseline', { folderUri, force: true });
    assert.equal(forced.updated, true);
    assert.equal(forced.forced, true);
    assert.equal(JSON.parse(readFileSync(join(workspace, P.compatBaseline), 'utf8')).forced, true);
  });

  it('thresholds and declared gates come from the settings', async () => {
    await lsp.configure({ policy: { globalConfigDir: globalDir }, gates: { thresholds: { minPassRatePct: 90 }, extra: [{ id: 'broken' }] } });
    const r = await lsp.client.sendRequest<GenerateDashboardsResult>('piSecurity/generateDashboards', { folderUri, lane: 'preflight' });
    assert.ok(r.data.gates.ok);
    const t = r.data.gates.ok ? r.data.gates.value : undefined;
    assert.equal(t?.lane, 'preflight');
    assert.deepEqual(t?.thresholds.source, { min_pass_rate_pct: 'settings', max_fail_count: 'default', max_na_count: 'default' });
    assert.equal(t?.gates.find((g) => g.id === 'conformance_pass_rate')?.status, 'fail');
    assert.match(r.notices[0], /^piSecurity\.gates\.extra\[0\] ignored/);
  });

  it('stops when the request is cancelled', async () => {
    const token = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) } as unknown as CancellationToken;
    await assert.rejects(
      generateDashboardsHandler(
        { clock: fixedClock(NOW), env: {}, workspaceFolders: () => [workspace], settingsFor: async () => parseSettings({ policy: { globalConfigDir: globalDir } }) },
        { folderUri },
        token,
      ),
      DashboardCancelledError,
    );
  });
});
