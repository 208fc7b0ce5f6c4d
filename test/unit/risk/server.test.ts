import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../../shared/common/clock';
import { calibrationReportSchema } from '../../../shared/risk/report';
import { renderCalibrationHtml } from '../../../shared/risk/view';
import { parseSettings } from '../../../shared/settings/schema';
import { calibrateHandler, riskSettingsEditHandler, verifyLedgerHandler, type RiskDeps } from '../../../server/src/requests/risk';
import { generateTraces } from '../../../scripts/generate-traces';
import { call, controller } from './helpers';

const folder = mkdtempSync(join(tmpdir(), 'risk-ws-'));
after(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'traces'));
for (const t of generateTraces(5, 0.05)) writeFileSync(join(folder, 'traces', t.name), t.text);
mkdirSync(join(folder, '.pi'));
writeFileSync(join(folder, '.pi', 'settings.json'), '{\n  "extensionPolicy": { "profile": "standard" },\n  "extensionRisk": { "alpha": 0.02, "enabled": true }\n}\n');

let t = 0;
const deps: RiskDeps = {
  clock: fixedClock(Date.UTC(2026, 1, 20, 10)),
  env: {},
  homeDir: folder,
  workspaceFolders: () => [folder],
  settingsFor: async () => parseSettings({ calibration: { alphaGrid: [0.01, 0.02] } }),
  hrtime: () => (t += 0.01),
};

describe('risk requests', () => {
  it('piSecurity/calibrate: reads extensionRisk from .pi/settings.json, writes the report, reports progress', async () => {
    const progress: number[] = [];
    const r = await calibrateHandler(deps, { traces: ['traces/benign.jsonl', pathToFileURL(join(folder, 'traces/adversarial.jsonl')).toString()], latencyRuns: 1 }, undefined, {
      begin: () => undefined,
      report: (p: number | string) => void (typeof p === 'number' && progress.push(p)),
      done: () => undefined,
    } as never);
    assert.equal(r.reportPath, join(folder, 'tests/risk_calibration/calibration_report.json'));
    const written = calibrationReportSchema.parse(JSON.parse(readFileSync(r.reportPath, 'utf8')));
    assert.equal(written.current.alpha, 0.02, 'the project setting is the current point');
    assert.deepEqual(written.grid.map((g) => g.alpha), [0.01, 0.02]);
    assert.equal(written.generated_at, '2026-02-20T10:00:00.000Z');
    assert.ok(progress.length > 0 && progress[progress.length - 1] === 100);
    assert.match(r.markdown, /# Risk controller calibration/);
  });
  it('piSecurity/calibrate: cancellation and a missing trace', async () => {
    await assert.rejects(calibrateHandler(deps, { traces: ['traces/benign.jsonl'], noLatency: true }, { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) }), /cancel/);
    await assert.rejects(calibrateHandler(deps, { traces: ['traces/none.jsonl'], noLatency: true }), /not found/);
  });
  it('piSecurity/verifyLedger: valid and tampered', () => {
    const c = controller();
    for (let i = 0; i < 4; i++) c.recordOutcome(c.decide(call({ callId: `c${i}`, capability: 'log', method: 'log' })), null);
    const p = join(folder, 'ledger.jsonl');
    writeFileSync(p, c.ledger.toJsonl());
    assert.equal(verifyLedgerHandler(deps, { uri: pathToFileURL(p).toString() }).verification.valid, true);
    writeFileSync(p, c.ledger.toJsonl().replace('"risk_score":0.06', '"risk_score":0.07'));
    const v = verifyLedgerHandler(deps, { uri: p }).verification;
    assert.equal(v.valid, false);
    assert.deepEqual(v.errors.map((e) => [e.code, e.index]), [['hash_mismatch', 0]]);
    assert.throws(() => verifyLedgerHandler(deps, { uri: join(folder, 'nope.json') }), /not found/);
  });
  it('piSecurity/riskSettingsEdit: minimal edit that keeps the rest; creates the file when missing', () => {
    const patch = { extensionRisk: { alpha: 0.01, enabled: true as const, enforce: false, rolloutPhase: 'shadow' as const } };
    const r = riskSettingsEditHandler(deps, { patch });
    assert.equal(r.created, false);
    assert.ok(r.newText.startsWith('{\n  "extensionPolicy": { "profile": "standard" },\n'), 'the rest of the file is kept as written');
    const parsed = JSON.parse(r.newText);
    assert.deepEqual(parsed.extensionRisk, { alpha: 0.01, enabled: true, enforce: false, rolloutPhase: 'shadow' });
    const empty = mkdtempSync(join(tmpdir(), 'risk-empty-'));
    try {
      const c = riskSettingsEditHandler(deps, { folderUri: pathToFileURL(empty).toString(), patch });
      assert.equal(c.created, true);
      assert.equal(existsSync(c.path), false, 'the handler only computes; the client applies');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('calibration view HTML', () => {
  it('strict CSP with the nonce, no remote resources, both charts and the apply button', async () => {
    const r = await calibrateHandler(deps, { traces: ['traces/benign.jsonl', 'traces/adversarial.jsonl'], latencyRuns: 1, windowGrid: [32, 128] });
    const html = renderCalibrationHtml(r.report, { nonce: 'abc123', cspSource: 'vscode-webview:' });
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;/);
    assert.doesNotMatch(html, /https?:\/\//);
    assert.equal((html.match(/<script nonce="abc123">/g) ?? []).length, 1);
    assert.match(html, /id="rate-chart"/);
    assert.match(html, /id="latency-chart"/);
    assert.match(html, /SLO-10 fpr ≤ 10%/);
    assert.match(html, /SLO-11 fnr ≤ 5%/);
    assert.match(html, /SLO-06 p99 ≤ 5 ms/);
    assert.match(html, /class="mark-current"/);
    assert.match(html, />window 32</);
    assert.match(html, /dashed: fnr_ext/);
    assert.match(html, /data-action="apply"[^>]*>Apply to \.pi\/settings\.json \(shadow mode\)</);
    const noLat = await calibrateHandler(deps, { traces: ['traces/benign.jsonl'], noLatency: true });
    assert.match(renderCalibrationHtml(noLat.report, { nonce: 'n', cspSource: 'x' }), /Latency not measured/);
  });
});
