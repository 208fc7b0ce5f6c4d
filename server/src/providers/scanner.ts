/** Scanner diagnostics, hover and quick fixes for JS-like files inside extension roots (scanner.md §7, §10). */
import { sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { matchesAnyGlob } from '../../../shared/common/glob';
import { LineIndex } from '../../../shared/common/lineIndex';
import { discoverUnits, type ExtensionUnit } from '../../../shared/scanner/discovery';
import type { FileScanResult } from '../../../shared/scanner/fileScan';
import { IncrementalFileScanner } from '../../../shared/scanner/incremental/documentScanner';
import { isJsLikePath } from '../../../shared/scanner/parse';
import type { PiSecuritySettings } from '../../../shared/settings/schema';
import { codeActionsFor, hoverFor, isShown, toDiagnostic } from './scannerLsp';
import { policyOracleFor } from './scannerPolicy';
import type { PolicyOracle } from '../../../shared/scanner/policyOracle';
import type { DocumentContext, DocumentProvider } from './types';

const UNIT_CACHE_MS = 2000;
const unitCache = new Map<string, { at: number; units: ExtensionUnit[] }>();

/**
 * Units of a workspace folder, cached briefly (discovery reads the disk; diagnostics run per keystroke).
 * The cache runs on a monotonic timer, not the injected clock (a fixed test clock would never expire it).
 */
export function unitsFor(folder: string, settings: PiSecuritySettings, _nowMs?: number): ExtensionUnit[] {
  const nowMs = performance.now();
  const key = JSON.stringify([folder, settings['extensions.roots'], settings['extensions.ids'], settings['scan.exclude']]);
  const cached = unitCache.get(key);
  if (cached && nowMs - cached.at >= 0 && nowMs - cached.at < UNIT_CACHE_MS) return cached.units;
  const units = discoverUnits({ base: folder, roots: settings['extensions.roots'], ids: settings['extensions.ids'], exclude: settings['scan.exclude'] });
  unitCache.set(key, { at: nowMs, units });
  return units;
}

export function clearUnitCache(): void {
  unitCache.clear();
}

/** The unit owning a file (scanner.md §1.1), or undefined outside any unit (pseudo-unit, no id). */
export function owningUnit(fsPath: string, folder: string | null, settings: PiSecuritySettings, nowMs: number): ExtensionUnit | undefined {
  if (!folder) return undefined;
  return unitsFor(folder, settings, nowMs).find((u) => fsPath === u.root || (u.kind === 'dir' && fsPath.startsWith(u.root + sep)));
}

interface CachedScan {
  document: unknown;
  version: number;
  key: string;
  policy: PolicyOracle | undefined;
  result: FileScanResult;
}

/** The effective policy for a document (none outside a workspace folder: POL rules need the project layer). */
export function policyFor(ctx: DocumentContext): PolicyOracle | undefined {
  return ctx.workspaceFolder ? policyOracleFor(ctx.workspaceFolder, ctx.settings, ctx.services.env) : undefined;
}

const MAX_OPEN_SCANS = 200;
const scanCache = new Map<string, CachedScan>();
const scanners = new Map<string, IncrementalFileScanner>();

/** The scan of the document's current version (shared by diagnostics, hover and code actions). */
export function scanOf(ctx: DocumentContext): FileScanResult {
  const extensionId = owningUnit(ctx.fsPath, ctx.workspaceFolder, ctx.settings, ctx.services.clock.nowMs())?.extensionId ?? null;
  const today = ctx.services.clock.today();
  const key = JSON.stringify([extensionId, today, ctx.settings['scan.maxFileBytes'], ctx.relativePath]);
  const policy = policyFor(ctx);
  const cached = scanCache.get(ctx.uri);
  if (cached && cached.document === ctx.document && cached.version === ctx.document.version && cached.key === key && cached.policy === policy) return cached.result;
  let scanner = scanners.get(ctx.uri);
  if (!scanner) {
    scanner = new IncrementalFileScanner();
    scanners.set(ctx.uri, scanner);
    if (scanners.size > MAX_OPEN_SCANS) scanners.delete(scanners.keys().next().value as string);
  }
  // Same findings as the CLI's full scan; only the statements an edit can affect are re-analysed.
  const result = scanner.scan(ctx.document.getText(), {
    relativePath: ctx.relativePath,
    extensionId,
    today,
    policy,
    maxFileBytes: ctx.settings['scan.maxFileBytes'],
  });
  scanCache.set(ctx.uri, { document: ctx.document, version: ctx.document.version, key, policy, result });
  if (scanCache.size > MAX_OPEN_SCANS) scanCache.delete(scanCache.keys().next().value as string);
  return result;
}

/** Drops what the scanner keeps for a closed document. */
export function forgetScannedDocument(uri: string): void {
  scanCache.delete(uri);
  scanners.delete(uri);
}

export const scannerProvider: DocumentProvider = {
  id: 'scanner',
  handles(fsPath, relativePath, settings) {
    return isJsLikePath(fsPath) && matchesAnyGlob(relativePath, settings['scan.include']) && !matchesAnyGlob(relativePath, settings['scan.exclude']);
  },
  diagnostics(ctx, token) {
    const result = scanOf(ctx);
    if (token.isCancellationRequested) return [];
    return result.findings.filter((f) => isShown(f, ctx.settings)).map((f) => toDiagnostic(f, ctx.uri, result.lines, ctx.settings, ctx.services.extensionPath));
  },
  hover(ctx, position) {
    const result = scanOf(ctx);
    const summary = policyFor(ctx)?.summary;
    const policyLine = summary ? `profile ${summary.profile} from ${summary.profileSource}${summary.allowDangerous ? ', allowDangerous' : ''}` : undefined;
    return hoverFor(result.findings, result.lines, position, ctx.settings, ctx.services.extensionPath, policyLine);
  },
  codeActions(ctx, params) {
    const result = scanOf(ctx);
    const lines: LineIndex = result.lines;
    return codeActionsFor({
      uri: ctx.uri,
      version: ctx.document.version,
      text: result.text,
      lines,
      findings: result.findings,
      start: lines.offsetAt(params.range.start),
      end: lines.offsetAt(params.range.end),
      diagnostics: params.context.diagnostics,
      today: ctx.services.clock.today(),
      extensionPath: ctx.services.extensionPath,
      settings: ctx.settings,
    });
  },
};
