/**
 * "Run Risk Controller Calibration…" and "Verify Risk Ledger…" (risk.md §3.6, §5, §5.8). The client
 * picks files, shows progress and the report view; the server computes everything.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CalibrateRequest,
  RiskSettingsEditRequest,
  VerifyLedgerRequest,
  type CalibrateResult,
  type RiskSettingsEditResult,
  type VerifyLedgerResult,
} from '../../../shared/protocol/risk';
import type { ClientContext } from '../context';
import { CALIBRATION_MARKDOWN_URI, CalibrationMarkdownProvider, CalibrationView } from '../views/calibrationView';
import { withServerProgress } from '../serverProgress';

export const RUN_CALIBRATION_COMMAND = 'piSecurity.runCalibration';
export const VERIFY_LEDGER_COMMAND = 'piSecurity.verifyLedger';
/** Not in the palette: presses the open report view's Apply button (end-to-end tests, keybindings). */
export const APPLY_CALIBRATION_COMMAND = 'piSecurity.applyCalibrationPatch';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Options the end-to-end tests pass instead of answering the pickers. */
interface CalibrationArgs {
  traces?: string[];
  noLatency?: boolean;
  latencyRuns?: number;
  alphaGrid?: number[];
}

async function pickTraces(folder: vscode.WorkspaceFolder): Promise<string[] | undefined> {
  const globs = vscode.workspace.getConfiguration('piSecurity', folder.uri).get<string[]>('calibration.traceGlobs') ?? ['**/traces/**/*.jsonl'];
  const found = new Map<string, vscode.Uri>();
  for (const g of globs) {
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, g), '**/node_modules/**', 500)) found.set(uri.toString(), uri);
  }
  const BROWSE = '$(folder-opened) Browse for trace files…';
  const items: vscode.QuickPickItem[] = [...found.values()]
    .sort((a, b) => a.fsPath.localeCompare(b.fsPath))
    .map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), description: uri.fsPath, picked: true }));
  if (items.length > 0) {
    const picked = await vscode.window.showQuickPick([...items, { label: BROWSE, alwaysShow: true }], {
      canPickMany: true,
      title: 'Risk controller calibration: hostcall traces (pi.ext.hostcall_trace.v1)',
      placeHolder: 'Traces matching piSecurity.calibration.traceGlobs are preselected',
    });
    if (!picked) return undefined;
    const files = picked.filter((p) => p.label !== BROWSE).map((p) => p.description!);
    if (!picked.some((p) => p.label === BROWSE)) return files;
    const more = await vscode.window.showOpenDialog({ canSelectMany: true, defaultUri: folder.uri, filters: { 'Hostcall traces': ['jsonl'] } });
    return [...files, ...(more ?? []).map((u) => u.fsPath)];
  }
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: true, defaultUri: folder.uri, openLabel: 'Calibrate', filters: { 'Hostcall traces': ['jsonl'] } });
  return chosen?.map((u) => u.fsPath);
}

export function registerRiskCommands(ctx: ClientContext): readonly string[] {
  const markdown = new CalibrationMarkdownProvider();
  ctx.extension.subscriptions.push(markdown, vscode.workspace.registerTextDocumentContentProvider(CALIBRATION_MARKDOWN_URI.scheme, markdown));

  const applyPatch = async (client: LanguageClient, result: CalibrateResult): Promise<RiskSettingsEditResult | undefined> => {
    const folderUri = vscode.Uri.file(result.folder);
    const target = vscode.Uri.joinPath(folderUri, '.pi', 'settings.json');
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    try {
      const edit = await client.sendRequest(RiskSettingsEditRequest, { folderUri: folderUri.toString(), patch: result.report.recommendation.settings_patch, text: open ? open.getText() : null });
      const ws = new vscode.WorkspaceEdit();
      if (edit.created) {
        ws.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(edit.newText) });
      } else {
        const doc = open ?? (await vscode.workspace.openTextDocument(target));
        for (const e of edit.edits) ws.replace(target, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.content);
      }
      if (!(await vscode.workspace.applyEdit(ws))) throw new Error('the editor refused the edit');
      const doc = await vscode.workspace.openTextDocument(target);
      await doc.save();
      await vscode.window.showTextDocument(doc, { preview: false });
      ctx.output.info(`Applied the calibration settings patch (shadow mode) to ${edit.path}`);
      void vscode.window.showInformationMessage('Pi Security: .pi/settings.json updated in shadow mode (enforce: false). Enable enforcement after the baseline period.');
      return edit;
    } catch (error) {
      ctx.output.error(`Apply settings patch failed: ${message(error)}`);
      void vscode.window.showErrorMessage(`Pi Security: could not update .pi/settings.json: ${message(error)}`);
      return undefined;
    }
  };

  const host = (client: LanguageClient) => ({
    apply: async (result: CalibrateResult) => {
      await applyPatch(ctx.readyClient() ?? client, result);
    },
    openReport: (result: CalibrateResult) => void vscode.window.showTextDocument(vscode.Uri.file(result.reportPath)),
    openMarkdown: () =>
      void vscode.commands.executeCommand('markdown.showPreview', CALIBRATION_MARKDOWN_URI).then(undefined, async () => {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(CALIBRATION_MARKDOWN_URI), { preview: true });
      }),
  });

  const runCalibration = async (client: LanguageClient, ...args: unknown[]): Promise<CalibrateResult | undefined> => {
    const folder = ctx.requireFolder();
    if (!folder) return undefined;
    const opts = (args[0] ?? {}) as CalibrationArgs;
    const traces = opts.traces ?? (await pickTraces(folder));
    if (!traces || traces.length === 0) return undefined;
    try {
      const result = await withServerProgress(client, 'Pi Security: risk controller calibration', (workDoneToken, token) =>
        client.sendRequest(
          CalibrateRequest,
          { folderUri: folder.uri.toString(), traces, workDoneToken, noLatency: opts.noLatency, latencyRuns: opts.latencyRuns, alphaGrid: opts.alphaGrid },
          token,
        ),
      );
      ctx.output.info(`Calibration report written to ${result.reportPath}`);
      for (const n of result.notices) ctx.output.warn(n);
      for (const t of result.report.inputs.traces) {
        for (const w of t.warnings.slice(0, 20)) ctx.output.warn(`${t.path}:${w.line}: ${w.code} ${w.message}`);
      }
      markdown.set(result.markdown);
      CalibrationView.show(result, host(client));
      return result;
    } catch (error) {
      const text = message(error);
      if (/cancel/i.test(text)) {
        void vscode.window.showInformationMessage('Pi Security: calibration cancelled.');
        return undefined;
      }
      ctx.output.error(`Risk controller calibration failed: ${text}`);
      void vscode.window.showErrorMessage(`Pi Security: calibration failed: ${text}`);
      return undefined;
    }
  };

  const verifyLedger = async (client: LanguageClient, ...args: unknown[]): Promise<VerifyLedgerResult | undefined> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    let uri = typeof args[0] === 'string' ? args[0] : args[0] instanceof vscode.Uri ? args[0].toString() : undefined;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: folder?.uri, openLabel: 'Verify', filters: { 'Risk ledgers': ['json', 'jsonl'] } });
      if (!picked || picked.length === 0) return undefined;
      uri = picked[0].toString();
    }
    try {
      const result = await client.sendRequest(VerifyLedgerRequest, { uri });
      const v = result.verification;
      if (v.valid) {
        ctx.output.info(`Ledger ${result.path}: valid (${v.entry_count} entries, data hash ${v.computed_data_hash})`);
        void vscode.window.showInformationMessage(`Pi Security: ledger valid — ${v.entry_count} entries, hash chain intact.`);
      } else {
        ctx.output.error(`Ledger ${result.path}: NOT VALID (${v.errors.length} error(s))`);
        for (const e of v.errors) ctx.output.error(`  [${e.index === null ? '-' : `entry ${e.index}`}] ${e.code}: ${e.message}`);
        const first = v.errors[0];
        void vscode.window
          .showErrorMessage(`Pi Security: ledger NOT valid — ${v.errors.length} error(s), first: ${first.code}${first.index !== null ? ` at entry ${first.index}` : ''}.`, 'Show Details')
          .then((c) => {
            if (c) ctx.output.show(true);
          });
      }
      return result;
    } catch (error) {
      ctx.output.error(`Verify Risk Ledger failed: ${message(error)}`);
      void vscode.window.showErrorMessage(`Pi Security: Verify Risk Ledger failed: ${message(error)}`);
      return undefined;
    }
  };

  ctx.registerServerCommand(APPLY_CALIBRATION_COMMAND, async (client) => {
    const view = CalibrationView.active;
    if (!view) {
      void vscode.window.showInformationMessage('Pi Security: run the risk controller calibration first.');
      return undefined;
    }
    return applyPatch(client, view.data);
  });
  ctx.registerServerCommand(RUN_CALIBRATION_COMMAND, (client, ...args) => runCalibration(client, ...args));
  ctx.registerServerCommand(VERIFY_LEDGER_COMMAND, (client, ...args) => verifyLedger(client, ...args));
  return [RUN_CALIBRATION_COMMAND, VERIFY_LEDGER_COMMAND, APPLY_CALIBRATION_COMMAND];
}
