/** Scanner diagnostics for JS-like files inside extension roots (scanner.md §10). */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { matchesAnyGlob } from '../../../shared/common/glob';
import { join, sep } from 'node:path';
import { discoverUnits } from '../../../shared/scanner/discovery';
import { scanFileText, type LocatedFinding } from '../../../shared/scanner/fileScan';
import { isJsLikePath } from '../../../shared/scanner/parse';
import { ruleDocPath } from '../../../shared/scanner/rules';
import type { Tier } from '../../../shared/scanner/types';
import type { PiSecuritySettings } from '../../../shared/settings/schema';
import { fsPathToUri } from '../documentContext';
import type { DocumentContext, DocumentProvider } from './types';

const TIER_SEVERITY: Record<Tier, DiagnosticSeverity> = {
  critical: DiagnosticSeverity.Error,
  high: DiagnosticSeverity.Warning,
  medium: DiagnosticSeverity.Information,
  low: DiagnosticSeverity.Hint,
};

const OVERRIDE_SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const scannerProvider: DocumentProvider = {
  id: 'scanner',
  handles(fsPath, relativePath, settings) {
    return isJsLikePath(fsPath) && matchesAnyGlob(relativePath, settings['scan.include']) && !matchesAnyGlob(relativePath, settings['scan.exclude']);
  },
  diagnostics(ctx) {
    const result = scanFileText(ctx.document.getText(), {
      relativePath: ctx.relativePath,
      extensionId: extensionIdOf(ctx),
      today: ctx.services.clock.today(),
      maxFileBytes: ctx.settings['scan.maxFileBytes'],
    });
    const out: Diagnostic[] = [];
    for (const finding of result.findings) {
      if (finding.suppression && !ctx.settings['suppressions.showSuppressed']) continue;
      if (severityFor(finding.ruleId, finding.tier, ctx.settings) === null) continue;
      out.push(toDiagnostic(ctx, finding));
    }
    return out;
  },
};

/** The id of the extension unit that owns the file (scanner.md §1.1), or null outside any unit. */
function extensionIdOf(ctx: DocumentContext): string | null {
  if (!ctx.workspaceFolder) return null;
  const units = discoverUnits({ base: ctx.workspaceFolder, roots: ctx.settings['extensions.roots'], ids: ctx.settings['extensions.ids'] });
  const owner = units.find((u) => ctx.fsPath === u.root || ctx.fsPath.startsWith(u.root + sep));
  return owner?.extensionId ?? null;
}

function severityFor(ruleId: string, tier: Tier, settings: PiSecuritySettings): DiagnosticSeverity | null {
  const override = settings['rules.severity'][ruleId];
  if (override === 'off') return null;
  return override ? OVERRIDE_SEVERITY[override] : TIER_SEVERITY[tier];
}

function toDiagnostic(ctx: DocumentContext, f: LocatedFinding): Diagnostic {
  const range = { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } };
  const positionOf = (offset: number) => ctx.document.positionAt(offset);
  return {
    range,
    severity: f.suppression ? DiagnosticSeverity.Hint : (severityFor(f.ruleId, f.tier, ctx.settings) ?? TIER_SEVERITY[f.tier]),
    code: f.ruleId,
    codeDescription: { href: fsPathToUri(join(ctx.services.extensionPath, ruleDocPath(f.ruleId))) },
    source: 'pi-sec',
    message: f.message,
    relatedInformation: f.related.map((r) => ({ location: { uri: ctx.uri, range: { start: positionOf(r.start), end: positionOf(r.end) } }, message: r.message })),
    tags: f.ruleId === 'SUP-003' ? [DiagnosticTag.Unnecessary] : undefined,
    data: { ruleId: f.ruleId, tier: f.tier, extensionId: f.extensionId, fingerprint: f.fingerprint, remediation: f.remediation, alsoMatched: f.alsoMatched },
  };
}
