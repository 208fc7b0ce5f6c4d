import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, waitForWebviewTab, workspaceUri } from './helpers';

interface GenerateResult {
  written: { artifact: string; path: string }[];
  verdict: 'pass' | 'warn' | 'fail' | null;
  regressionDetected: boolean | null;
  markdown: string;
  data: { gates: { ok: boolean }; compat: { ok: boolean }; waivers: { ok: boolean }; scan: { ok: boolean } };
}

interface BaselineResult {
  updated: boolean;
  forced: boolean;
  refusals: string[];
  baselinePath: string;
}

export function defineDashboardsSuite(): void {
  suite('dashboards: Generate Dashboards and Update Baseline', () => {
    test('Generate Dashboards writes the artifacts and opens the dashboard view', async () => {
      await activateExtension();
      const result = (await vscode.commands.executeCommand('piSecurity.generateDashboards')) as GenerateResult | undefined;
      assert.ok(result, 'the command returns its result');
      assert.deepEqual(result.written.map((w) => w.artifact), ['scanSummary', 'waiverAudit', 'compatDashboard', 'compatEvents', 'gateTable']);
      for (const w of result.written) assert.ok(existsSync(w.path), `${w.path} written`);
      const table = JSON.parse(readFileSync(workspaceUri('tests', 'full_suite_gate', 'security_gate_table.json').fsPath, 'utf8'));
      assert.equal(table.schema, 'pi.ci.gate_table.v1');
      assert.deepEqual(table.gates.map((g: { id: string }) => g.id), ['security_compat', 'conformance_regression', 'ext_must_pass', 'non_mock_unit', 'waiver_lifecycle', 'conformance_pass_rate']);
      assert.equal(result.verdict, table.verdict);
      assert.ok(result.data.gates.ok && result.data.compat.ok && result.data.waivers.ok && result.data.scan.ok);
      const tab = await waitForWebviewTab('piSecurity.dashboard');
      assert.equal(tab.label, 'Pi Security Dashboard');
      const md = await vscode.workspace.openTextDocument(vscode.Uri.parse('pi-sec:/dashboard.md'));
      assert.match(md.getText(), /^# Pi Security dashboard/);
      // The view re-reads its inputs when the files it watches change, so only the render time may differ.
      const body = (t: string) => t.replace(/^Generated .*$/m, '');
      assert.equal(body(md.getText()), body(result.markdown));
    });

    test('Update Baseline asks first, then stores the current dashboard', async () => {
      const cancelled = await vscode.commands.executeCommand('piSecurity.updateBaseline', { confirm: 'cancel' });
      assert.equal(cancelled, undefined);
      const result = (await vscode.commands.executeCommand('piSecurity.updateBaseline', { confirm: 'replace' })) as BaselineResult | undefined;
      assert.ok(result);
      assert.equal(result.updated, true);
      assert.deepEqual(result.refusals, []);
      const baseline = JSON.parse(readFileSync(result.baselinePath, 'utf8'));
      assert.equal(baseline.schema, 'pi.security.compat_dashboard.v1');
      assert.equal(baseline.forced, undefined);
    });
  });
}
