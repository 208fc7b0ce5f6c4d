/**
 * "Generate Dashboards" and "Update Baseline" (dashboards.md §1, §2.4, §5). The client only asks the
 * server and shows the result; everything is computed in the core.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  GenerateDashboardsRequest,
  ReadDashboardsRequest,
  UpdateBaselineRequest,
  type GenerateDashboardsResult,
  type UpdateBaselineResult,
} from '../../../shared/protocol/dashboards';
import type { ClientContext } from '../context';
import { DASHBOARD_MARKDOWN_URI, DashboardMarkdownProvider, DashboardView } from '../views/dashboardView';
import { withServerProgress } from '../serverProgress';

export const GENERATE_COMMAND = 'piSecurity.generateDashboards';
export const UPDATE_BASELINE_COMMAND = 'piSecurity.updateBaseline';
export const OPEN_MARKDOWN_COMMAND = 'piSecurity.openDashboardMarkdown';

export const CONFIRM_BASELINE = 'Replace the compatibility baseline?';
export const REPLACE = 'Replace';
export const UPDATE_FORCED = 'Update anyway (forced)';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The folder to work on: the only one, or the user's pick when the workspace has several. */
async function pickFolder(ctx: ClientContext): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return ctx.requireFolder();
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the Pi Security dashboards' });
}

export function registerDashboardCommands(ctx: ClientContext): readonly string[] {
  const markdown = new DashboardMarkdownProvider();
  ctx.extension.subscriptions.push(markdown, vscode.workspace.registerTextDocumentContentProvider(DASHBOARD_MARKDOWN_URI.scheme, markdown));

  const openMarkdown = async () => {
    await vscode.commands.executeCommand('markdown.showPreview', DASHBOARD_MARKDOWN_URI).then(undefined, async () => {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(DASHBOARD_MARKDOWN_URI), { preview: true });
    });
  };

  const host = {
    reload: async (folder: string) => {
      const client = ctx.readyClient();
      if (!client) return undefined;
      const payload = await client.sendRequest(ReadDashboardsRequest, { folderUri: vscode.Uri.file(folder).toString() });
      markdown.set(payload.markdown);
      return payload;
    },
    regenerate: () => void vscode.commands.executeCommand(GENERATE_COMMAND),
    openMarkdown: () => void openMarkdown(),
    log: (m: string) => ctx.output.warn(m),
  };

  const generate = async (client: LanguageClient): Promise<GenerateDashboardsResult | undefined> => {
    const folder = await pickFolder(ctx);
    if (!folder) return undefined;
    try {
      const result = await withServerProgress(client, 'Pi Security: generating dashboards', (workDoneToken, token) =>
        client.sendRequest(GenerateDashboardsRequest, { folderUri: folder.uri.toString(), workDoneToken }, token),
      );
      for (const n of result.notices) ctx.output.warn(n);
      for (const w of result.written) ctx.output.info(`Wrote ${w.path}`);
      markdown.set(result.markdown);
      DashboardView.show(result, host);
      if (result.verdict === 'fail') void vscode.window.showWarningMessage('Pi Security: the CI gate verdict is FAIL (see the dashboard).');
      return result;
    } catch (error) {
      const text = message(error);
      if (/cancel/i.test(text)) {
        void vscode.window.showInformationMessage('Pi Security: dashboard generation cancelled.');
        return undefined;
      }
      ctx.output.error(`Generate Dashboards failed: ${text}`);
      void vscode.window.showErrorMessage(`Pi Security: Generate Dashboards failed: ${text}`);
      return undefined;
    }
  };

  /**
   * Asks for confirmation, naming why a plain update would be refused; `args[0]` may be
   * `{confirm: 'replace' | 'forced' | 'cancel'}` to answer the dialog (end-to-end tests).
   */
  const updateBaseline = async (client: LanguageClient, ...args: unknown[]): Promise<UpdateBaselineResult | undefined> => {
    const folder = await pickFolder(ctx);
    if (!folder) return undefined;
    const folderUri = folder.uri.toString();
    const scripted = (args[0] as { confirm?: string } | undefined)?.confirm;
    try {
      const preview = await client.sendRequest(UpdateBaselineRequest, { folderUri, dryRun: true });
      for (const n of preview.notices) ctx.output.warn(n);
      const refused = preview.refusals.length > 0;
      const detail = refused
        ? `The update would be refused: ${preview.refusals.join('; ')}.\n\nA forced baseline records "forced": true.`
        : `The current compatibility dashboard becomes the baseline at ${preview.baselinePath}.`;
      const choice =
        scripted !== undefined
          ? scripted === 'forced'
            ? UPDATE_FORCED
            : scripted === 'replace'
              ? REPLACE
              : undefined
          : await vscode.window.showWarningMessage(CONFIRM_BASELINE, { modal: true, detail }, refused ? UPDATE_FORCED : REPLACE);
      if (choice !== REPLACE && choice !== UPDATE_FORCED) return undefined;
      const result = await client.sendRequest(UpdateBaselineRequest, { folderUri, force: choice === UPDATE_FORCED });
      if (result.updated) {
        ctx.output.info(`Baseline updated${result.forced ? ' (forced)' : ''}: ${result.baselinePath}`);
        void vscode.window.showInformationMessage(`Pi Security: compatibility baseline updated${result.forced ? ' (forced)' : ''}.`);
        const view = DashboardView.active;
        if (view) {
          const payload = await host.reload(view.data.folder);
          if (payload) view.update(payload);
        }
      } else {
        void vscode.window.showWarningMessage(`Pi Security: baseline not updated: ${result.refusals.join('; ')}`);
      }
      return result;
    } catch (error) {
      ctx.output.error(`Update Baseline failed: ${message(error)}`);
      void vscode.window.showErrorMessage(`Pi Security: Update Baseline failed: ${message(error)}`);
      return undefined;
    }
  };

  ctx.registerServerCommand(GENERATE_COMMAND, (client) => generate(client));
  ctx.registerServerCommand(UPDATE_BASELINE_COMMAND, (client, ...args) => updateBaseline(client, ...args));
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(OPEN_MARKDOWN_COMMAND, () => openMarkdown()));
  return [GENERATE_COMMAND, UPDATE_BASELINE_COMMAND, OPEN_MARKDOWN_COMMAND];
}
