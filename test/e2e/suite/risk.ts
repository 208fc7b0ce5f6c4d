import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, waitForWebviewTab, workspaceUri } from './helpers';

interface CalibrateResult {
  reportPath: string;
  markdown: string;
  report: {
    schema: string;
    grid: { alpha: number; metrics: { fpr_ext: number; fnr_ext: number; latency_ms: { p99: number } | null } }[];
    current: { alpha: number; grid_index: number };
    recommendation: { meets_slos: boolean; settings_patch: { extensionRisk: Record<string, unknown> } };
  };
}

interface VerifyResult {
  path: string;
  verification: { valid: boolean; entry_count: number; errors: { index: number | null; code: string }[] };
}

/** Risk controller calibration and ledger verification in the real editor (issue 6 "Tests"). */
export function defineRiskSuite(): void {
  suite('risk: calibration report view, Apply (shadow mode), Verify Risk Ledger', () => {
    test('Run Risk Controller Calibration writes the report and opens the report view', async function () {
      this.timeout(240_000); // ~10,000 calls × 3 grid points × (decision pass + warm-up + 1 timed run)
      await activateExtension();
      const traces = [workspaceUri('traces', 'benign.jsonl').fsPath, workspaceUri('traces', 'adversarial.jsonl').fsPath];
      const result = (await vscode.commands.executeCommand('piSecurity.runCalibration', { traces, latencyRuns: 1, alphaGrid: [0.005, 0.02] })) as CalibrateResult | undefined;
      assert.ok(result, 'the command returns its result');
      assert.equal(result.reportPath, workspaceUri('tests', 'risk_calibration', 'calibration_report.json').fsPath);
      assert.ok(existsSync(result.reportPath));
      const report = JSON.parse(readFileSync(result.reportPath, 'utf8'));
      assert.equal(report.schema, 'pi.ext.runtime_risk_calibration_report.v1');
      assert.deepEqual(report.grid.map((g: { alpha: number }) => g.alpha), [0.005, 0.01, 0.02], 'the current alpha is always in the grid');
      assert.equal(report.current.alpha, 0.01, 'the current point comes from .pi/settings.json');
      assert.ok(report.grid.every((g: { metrics: { latency_ms: unknown } }) => g.metrics.latency_ms !== null), 'latency measured');
      const tab = await waitForWebviewTab('piSecurity.calibration');
      assert.equal(tab.label, 'Risk Controller Calibration');
      const md = await vscode.workspace.openTextDocument(vscode.Uri.parse('pi-sec-risk:/calibration.md'));
      assert.match(md.getText(), /^# Risk controller calibration/);
    });

    test('Apply to .pi/settings.json (shadow mode) edits the settings file minimally', async () => {
      const settings = workspaceUri('.pi', 'settings.json');
      const before = JSON.parse(readFileSync(settings.fsPath, 'utf8'));
      const edit = (await vscode.commands.executeCommand('piSecurity.applyCalibrationPatch')) as { path: string; created: boolean } | undefined;
      assert.ok(edit, 'the patch was applied');
      assert.equal(edit.created, false);
      const after = JSON.parse(readFileSync(settings.fsPath, 'utf8'));
      assert.equal(after.extensionRisk.enforce, false, 'shadow mode first, as the playbook requires');
      assert.equal(after.extensionRisk.enabled, true);
      assert.equal(after.extensionRisk.rolloutPhase, 'shadow');
      assert.deepEqual(after.extensionPolicy, before.extensionPolicy, 'the rest of the file is kept');
      const active = vscode.window.activeTextEditor?.document.uri.fsPath;
      assert.equal(active, settings.fsPath, 'the settings file is opened');
    });

    test('Verify Risk Ledger: the sample ledger is valid; a tampered copy is reported with the entry index', async () => {
      const ledger = workspaceUri('ledgers', 'wiper.ledger.jsonl');
      const ok = (await vscode.commands.executeCommand('piSecurity.verifyLedger', ledger)) as VerifyResult | undefined;
      assert.ok(ok);
      assert.equal(ok.verification.valid, true);
      assert.equal(ok.verification.entry_count, 20);
      const tampered = workspaceUri('ledgers', 'tampered.ledger.jsonl');
      const lines = readFileSync(ledger.fsPath, 'utf8').split('\n');
      lines[3] = lines[3].replace('"blocked":true', '"blocked":false');
      writeFileSync(tampered.fsPath, lines.join('\n'));
      const bad = (await vscode.commands.executeCommand('piSecurity.verifyLedger', tampered)) as VerifyResult | undefined;
      assert.ok(bad);
      assert.equal(bad.verification.valid, false);
      assert.deepEqual(bad.verification.errors.map((e) => [e.code, e.index]), [['hash_mismatch', 2]]);
    });
  });
}
