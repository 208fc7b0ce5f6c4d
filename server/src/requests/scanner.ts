/** `piSecurity/extensionSummary` (status bar verdict) and `piSecurity/scanWorkspace` (README "LSP"). */
import type { Connection } from 'vscode-languageserver';
import { matchesAnyGlob } from '../../../shared/common/glob';
import { LineIndex } from '../../../shared/common/lineIndex';
import { ExtensionSummaryRequest, ScanWorkspaceRequest, type ScanWorkspaceFile, type ScanWorkspaceResult } from '../../../shared/protocol';
import { renderHuman, renderSummaryMarkdown, statusTextOf, summaryEntry } from '../../../shared/scanner/report/outputs';
import { scanUnitsAsync, type ScanReport } from '../../../shared/scanner/workspaceScan';
import { parseSettings, SETTINGS_SECTION, type PiSecuritySettings } from '../../../shared/settings/schema';
import { fsPathToUri, locate, uriToFsPath } from '../documentContext';
import { clearUnitCache, owningUnit, scanOf, scannerProvider, unitsFor } from '../providers/scanner';
import type { FileScanResult } from '../../../shared/scanner/fileScan';
import { isShown, toDiagnostic } from '../providers/scannerLsp';
import { policyOracleFor } from '../providers/scannerPolicy';
import type { ServerHandle } from '../startServer';

const SLOW_SCAN_MS = 4000;

export function registerScannerRequests(connection: Connection, server: ServerHandle): void {
  /** Current text of open documents by file-system path (preferred over the disk). */
  const openTexts = (): Map<string, string> => {
    const map = new Map<string, string>();
    for (const doc of server.documents.all()) {
      const p = uriToFsPath(doc.uri);
      if (p) map.set(p, doc.getText());
    }
    return map;
  };

  const settingsFor = async (resource: string): Promise<PiSecuritySettings> => {
    try {
      return parseSettings(await connection.workspace.getConfiguration({ scopeUri: resource, section: SETTINGS_SECTION }));
    } catch {
      return parseSettings({});
    }
  };

  connection.onRequest(ExtensionSummaryRequest, async (params) => {
    const none = { extensionId: null, statusText: null, markdown: '' };
    const location = locate(params.uri, server.services.workspaceFolders());
    if (!location?.workspaceFolder) return none;
    const settings = (await server.contextFor(params.uri))?.settings ?? (await settingsFor(params.uri));
    const unit = owningUnit(location.fsPath, location.workspaceFolder, settings, server.services.clock.nowMs());
    if (!unit) return none;
    const texts = openTexts();
    // Open documents of the unit reuse the provider's cached scan of their current version.
    const cached = new Map<string, FileScanResult>();
    for (const doc of server.documents.all()) {
      const p = uriToFsPath(doc.uri);
      if (!p || !texts.has(p) || !(p === unit.root || p.startsWith(unit.root + '/'))) continue;
      const ctx = await server.contextFor(doc.uri);
      if (ctx && scannerProvider.handles(ctx.fsPath, ctx.relativePath, ctx.settings)) cached.set(p, scanOf(ctx));
    }
    const report = await scanUnitsAsync([unit], {
      precomputed: (abs) => cached.get(abs),
      base: location.workspaceFolder,
      today: server.services.clock.today(),
      policy: policyOracleFor(location.workspaceFolder, settings, server.services.env),
      maxFileBytes: settings['scan.maxFileBytes'],
      exclude: settings['scan.exclude'],
      readOverride: (abs) => texts.get(abs),
    });
    const result = report.units[0];
    if (!result) return none;
    return { extensionId: result.extensionId, statusText: statusTextOf(result), markdown: renderSummaryMarkdown(summaryEntry(result)) };
  });

  connection.onRequest(ScanWorkspaceRequest, async (params, token): Promise<ScanWorkspaceResult> => {
    const started = Date.now();
    clearUnitCache(); // an explicit scan discovers units afresh
    const folders = server.services.workspaceFolders();
    const progress = params.workDoneToken !== undefined ? connection.window.attachWorkDoneProgress(params.workDoneToken) : undefined;
    progress?.begin('Pi Security: scanning extensions', 0, undefined, true);
    const files: ScanWorkspaceFile[] = [];
    const extensions: ScanWorkspaceResult['extensions'] = [];
    const summaries: string[] = [];
    let cancelled = false;
    const texts = openTexts();
    for (const folder of folders) {
      if (token.isCancellationRequested || cancelled) {
        cancelled = true;
        break;
      }
      const settings = await settingsFor(fsPathToUri(folder));
      const units = unitsFor(folder, settings, server.services.clock.nowMs());
      const report: ScanReport = await scanUnitsAsync(units, {
        base: folder,
        today: server.services.clock.today(),
        policy: policyOracleFor(folder, settings, server.services.env),
        maxFileBytes: settings['scan.maxFileBytes'],
        exclude: settings['scan.exclude'],
        includeFile: (rel) => matchesAnyGlob(rel, settings['scan.include']) && !matchesAnyGlob(rel, settings['scan.exclude']),
        readOverride: (abs) => texts.get(abs),
        isCancelled: () => token.isCancellationRequested,
        onProgress: (done, total, file) => progress?.report(total > 0 ? Math.floor((done / total) * 100) : 0, file),
      });
      cancelled ||= report.cancelled;
      for (const unit of report.units) {
        extensions.push({ extensionId: unit.extensionId, root: unit.root, verdictText: unit.verdict.text });
        for (const file of unit.files) {
          const lines = file.lines ?? new LineIndex(file.text);
          const uri = fsPathToUri(`${folder}/${file.relativePath}`);
          const diagnostics = file.findings.filter((f) => isShown(f, settings)).map((f) => toDiagnostic(f, uri, lines, settings, server.services.extensionPath));
          files.push({ uri, diagnostics });
        }
      }
      summaries.push(renderHuman(report).trimEnd().split('\n').at(-1) ?? '');
    }
    progress?.done();
    const elapsedMs = Date.now() - started;
    if (elapsedMs > SLOW_SCAN_MS) server.services.log(`Scan Workspace took ${elapsedMs} ms (over ${SLOW_SCAN_MS} ms)`);
    return { cancelled, files, extensions, summary: summaries.join('; '), elapsedMs };
  });
}
