/**
 * LSP shapes for scanner findings (scanner.md §7, §10): diagnostics, hover and code actions. Shared by
 * the document provider and the Scan Workspace request, so both show the same diagnostics.
 */
import { join } from 'node:path';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  MarkupKind,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Position,
} from 'vscode-languageserver';
import { addDays } from '../../../shared/common/dates';
import type { LineIndex } from '../../../shared/common/lineIndex';
import { removeHidden } from '../../../shared/scanner/analysis/hiddenUnicode';
import type { LocatedFinding } from '../../../shared/scanner/fileScan';
import { ruleById, ruleDocPath } from '../../../shared/scanner/rules';
import type { Tier } from '../../../shared/scanner/types';
import type { PiSecuritySettings } from '../../../shared/settings/schema';
import { fsPathToUri } from '../documentContext';

export const TIER_SEVERITY: Record<Tier, DiagnosticSeverity> = {
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

const TIER_LABEL: Record<Tier, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** Display severity after `rules.severity`; null when the rule is turned off in the editor. */
export function severityFor(ruleId: string, tier: Tier, settings: PiSecuritySettings): DiagnosticSeverity | null {
  const override = settings['rules.severity'][ruleId];
  if (override === 'off') return null;
  return override ? OVERRIDE_SEVERITY[override] : TIER_SEVERITY[tier];
}

/** True when the finding is shown in the editor (suppressed ones only with `showSuppressed`). */
export function isShown(f: LocatedFinding, settings: PiSecuritySettings): boolean {
  if (f.suppression && !settings['suppressions.showSuppressed']) return false;
  return severityFor(f.ruleId, f.tier, settings) !== null;
}

export function ruleDocUri(extensionPath: string, ruleId: string): string {
  return fsPathToUri(join(extensionPath, ruleDocPath(ruleId)));
}

export interface DiagnosticData {
  ruleId: string;
  tier: Tier;
  extensionId: string | null;
  fingerprint: string;
  remediation: string;
  capability?: string;
  decision?: string;
  layer?: number;
  alsoMatched?: string[];
}

export function toDiagnostic(f: LocatedFinding, uri: string, lines: LineIndex, settings: PiSecuritySettings, extensionPath: string): Diagnostic {
  const data: DiagnosticData = { ruleId: f.ruleId, tier: f.tier, extensionId: f.extensionId, fingerprint: f.fingerprint, remediation: f.remediation };
  if (f.capability !== undefined) data.capability = f.capability;
  if (f.decision !== undefined) data.decision = f.decision;
  if (f.layer !== undefined) data.layer = f.layer;
  if (f.alsoMatched.length > 0) data.alsoMatched = f.alsoMatched;
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(f.start, f.end),
    severity: f.suppression ? DiagnosticSeverity.Hint : (severityFor(f.ruleId, f.tier, settings) ?? TIER_SEVERITY[f.tier]),
    code: f.ruleId,
    codeDescription: { href: ruleDocUri(extensionPath, f.ruleId) },
    source: 'pi-sec',
    message: f.suppression ? `${f.message} (suppressed: ${f.suppression.reason})` : f.message,
    data,
  };
  if (f.related.length > 0) {
    diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri, range: lines.rangeOf(r.start, r.end) }, message: r.message }));
  }
  if (f.ruleId === 'SUP-003') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

function contains(f: LocatedFinding, offset: number): boolean {
  return f.start === f.end ? offset === f.start : offset >= f.start && offset <= f.end;
}

/** Hover over diagnostic ranges: rule name and tier, rationale, remediation, evasion steps, policy decision. */
export function hoverFor(findings: readonly LocatedFinding[], lines: LineIndex, position: Position, settings: PiSecuritySettings, extensionPath: string, policyLine?: string): Hover | null {
  const offset = lines.offsetAt(position);
  const here = findings.filter((f) => isShown(f, settings) && contains(f, offset));
  if (here.length === 0) return null;
  const parts = here.map((f) => {
    const rule = ruleById(f.ruleId);
    const lines: string[] = [`**${f.ruleId}** \`${rule?.name ?? f.ruleId}\` · ${TIER_LABEL[f.tier]}`, '', f.message, ''];
    if (rule) lines.push(`**Rationale:** ${rule.rationale}`, '', `**Remediation:** ${rule.remediation}`, '');
    if (f.evasion.length > 0) lines.push(`**Evasion path:** ${f.evasion.join(' → ')}`, '');
    if (f.alsoMatched.length > 0) lines.push(`**Also matched:** ${f.alsoMatched.join(', ')}`, '');
    if (f.ruleId.startsWith('POL-')) {
      const decision = [f.capability && `capability \`${f.capability}\``, f.decision && `decision **${f.decision}**`, f.layer !== undefined && `layer ${f.layer}`].filter(Boolean).join(', ');
      lines.push(`**Policy:** ${[decision, policyLine].filter(Boolean).join(' — ') || 'effective policy'}`, '');
    }
    if (f.suppression) lines.push(`**Suppressed** on line ${f.suppression.line}${f.suppression.until ? ` until ${f.suppression.until}` : ''}: ${f.suppression.reason}`, '');
    lines.push(`[Rule documentation](${ruleDocUri(extensionPath, f.ruleId)})`);
    return lines.join('\n');
  });
  const first = here[0];
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: lines.rangeOf(first.start, first.end) };
}

/** Ids that a suppression may name (scanner.md §7.3). */
export function isSuppressible(ruleId: string): boolean {
  return !ruleId.startsWith('SUP-') && ruleId !== 'PARSE-001' && ruleById(ruleId) !== undefined;
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

export interface CodeActionInput {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  findings: readonly LocatedFinding[];
  /** Requested range (offsets). */
  start: number;
  end: number;
  diagnostics: readonly Diagnostic[];
  today: string;
  extensionPath: string;
  settings: PiSecuritySettings;
}

/**
 * Quick fixes: "Suppress {id} on this line…" (a snippet inserting the comment above the line with its
 * indentation, cursor on the reason), "Open rule documentation", "Show effective policy", and for
 * POL-EXEC "Classify this command under each profile".
 */
export function codeActionsFor(input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const relevant = input.findings.filter((f) => !f.suppression && isShown(f, input.settings) && f.start <= input.end && f.end >= input.start);
  for (const f of relevant) {
    const key = `${f.ruleId}@${f.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const diagnostic = input.diagnostics.find((d) => d.code === f.ruleId && d.range.start.line === f.line - 1);
    const attach = diagnostic ? { diagnostics: [diagnostic] } : {};
    if (isSuppressible(f.ruleId)) {
      const lineStart = input.lines.lineStart(f.line - 1);
      const indent = /^[ \t]*/.exec(input.text.slice(lineStart, lineStart + 200))![0];
      const until = addDays(input.today, 30);
      const snippet = `${escapeSnippet(indent)}// pi-scan-allow ${f.ruleId} until ${until} -- \${1:reason}\n`;
      const position = { line: f.line - 1, character: 0 };
      actions.push({
        title: `Suppress ${f.ruleId} on this line…`,
        kind: CodeActionKind.QuickFix,
        ...attach,
        edit: {
          documentChanges: [
            {
              textDocument: { uri: input.uri, version: input.version },
              edits: [{ range: { start: position, end: position }, snippet: { kind: 'snippet', value: snippet } }],
            },
          ],
        },
      });
    }
    actions.push({
      title: `Open rule documentation for ${f.ruleId}`,
      kind: CodeActionKind.QuickFix,
      ...attach,
      command: { title: `Open rule documentation for ${f.ruleId}`, command: 'piSecurity.openRuleDoc', arguments: [ruleDocUri(input.extensionPath, f.ruleId)] },
    });
    if (f.extensionId && f.ruleId.startsWith('POL-')) {
      actions.push({
        title: `Show effective policy for ${f.extensionId}`,
        kind: CodeActionKind.QuickFix,
        ...attach,
        command: { title: `Show effective policy for ${f.extensionId}`, command: 'piSecurity.showEffectivePolicy', arguments: [f.extensionId] },
      });
    }
    if (f.ruleId === 'SEC-UNICODE-001') {
      // Removing the characters shows the line as it runs, or drops the hidden payload.
      const cleaned = removeHidden(input.text.slice(f.start, f.end));
      if (cleaned !== input.text.slice(f.start, f.end)) {
        actions.push({
          title: 'Remove the invisible and bidirectional characters',
          kind: CodeActionKind.QuickFix,
          ...attach,
          isPreferred: true,
          edit: { documentChanges: [{ textDocument: { uri: input.uri, version: input.version }, edits: [{ range: input.lines.rangeOf(f.start, f.end), newText: cleaned }] }] },
        });
      }
    }
    if (f.ruleId.startsWith('POL-EXEC-')) {
      actions.push({
        title: 'Classify this command under each profile',
        kind: CodeActionKind.QuickFix,
        ...attach,
        command: { title: 'Classify this command under each profile', command: 'piSecurity.classifyCommand', arguments: [/"([^"]+)"/.exec(f.message)?.[1] ?? input.text.slice(f.start, f.end)] },
      });
    }
  }
  return actions;
}
