/**
 * The waiver file provider (waivers.md §4, §9): diagnostics, CodeLens, hover, completion and quick
 * fixes for `tests/suite_classification.toml` (files matched by `piSecurity.waivers.files`). All logic is
 * in `shared/waivers`; this module converts offsets to LSP ranges.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver';
import { matchesAnyGlob } from '../../../shared/common/glob';
import { LineIndex } from '../../../shared/common/lineIndex';
import { completionsAt, hoverAt, lensTitle, type CompletionKind } from '../../../shared/waivers/editor';
import { applyEdits, quickFixes } from '../../../shared/waivers/fixes';
import type { EntryResult, Problem, Severity } from '../../../shared/waivers/model';
import { allProblems, validateWaiverFile, type WaiverFileResult } from '../../../shared/waivers/validate';
import type { DocumentContext, DocumentProvider } from './types';

/** Client commands used by lenses and code actions (registered in client/src/commands/waivers.ts). */
export const REVEAL_WAIVER_COMMAND = 'piSecurity.waivers.reveal';
export const SELECT_RANGE_COMMAND = 'piSecurity.waivers.selectRange';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

interface Cached {
  document: unknown;
  version: number;
  key: string;
  result: WaiverFileResult;
}
const cache = new Map<string, Cached>();

/** Validation of the document's current version for today's date (shared by every feature). */
export function waiverResultOf(ctx: DocumentContext): WaiverFileResult {
  const today = ctx.services.clock.today();
  const knownGates = ctx.settings['waivers.knownGates'];
  const key = `${today}\u0000${knownGates.join(',')}`;
  const cached = cache.get(ctx.uri);
  if (cached && cached.document === ctx.document && cached.version === ctx.document.version && cached.key === key) return cached.result;
  const result = validateWaiverFile(ctx.document.getText(), { today, knownGates });
  cache.set(ctx.uri, { document: ctx.document, version: ctx.document.version, key, result });
  if (cache.size > 50) cache.delete(cache.keys().next().value as string);
  return result;
}

export function forgetWaiverDocument(uri: string): void {
  cache.delete(uri);
}

function rangeOf(result: WaiverFileResult, start: number, end: number): Range {
  return result.lines.rangeOf(start, end);
}

export function problemDiagnostic(result: WaiverFileResult, p: Problem): Diagnostic {
  return {
    range: rangeOf(result, p.span.start, p.span.end),
    severity: SEVERITY[p.severity],
    code: p.code,
    source: 'pi-sec',
    message: p.message,
    data: { field: p.field },
  };
}

function entryOfProblem(result: WaiverFileResult, p: Problem): EntryResult | undefined {
  for (const list of [result.waivers, result.quarantine]) for (const e of list) if (e.problems.includes(p)) return e;
  return undefined;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  gate: CompletionItemKind.EnumMember,
  key: CompletionItemKind.Property,
  scope: CompletionItemKind.EnumMember,
  date: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export const waiversProvider: DocumentProvider = {
  id: 'waivers',
  handles(fsPath, relativePath, settings) {
    return fsPath.endsWith('.toml') && matchesAnyGlob(relativePath, settings['waivers.files']);
  },
  diagnostics(ctx, token) {
    const result = waiverResultOf(ctx);
    if (token.isCancellationRequested) return [];
    return allProblems(result).map((p) => problemDiagnostic(result, p));
  },
  codeLenses(ctx): CodeLens[] {
    const result = waiverResultOf(ctx);
    return result.waivers.map((w) => {
      const pos = result.lines.positionAt(w.header.start);
      return {
        range: { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: 0 } },
        command: { title: lensTitle(w), command: REVEAL_WAIVER_COMMAND, arguments: [ctx.uri, w.id] },
      };
    });
  },
  hover(ctx, position) {
    const result = waiverResultOf(ctx);
    const h = hoverAt(result, result.lines.offsetAt(position));
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: rangeOf(result, h.span.start, h.span.end) };
  },
  completion(ctx, position): CompletionItem[] {
    const result = waiverResultOf(ctx);
    const offset = result.lines.offsetAt(position);
    return completionsAt(result, offset, ctx.settings['waivers.knownGates']).map((c) => {
      const item: CompletionItem = {
        label: c.label,
        kind: COMPLETION_KIND[c.kind],
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
      if (c.detail) item.detail = c.detail;
      if (c.sortText) item.sortText = c.sortText;
      const replace = c.replace ?? { start: offset, end: offset };
      item.textEdit = { range: rangeOf(result, replace.start, replace.end), newText: c.insertText };
      return item;
    });
  },
  codeActions(ctx, params): CodeAction[] {
    const result = waiverResultOf(ctx);
    if (result.syntax) return [];
    const today = ctx.services.clock.today();
    const knownGates = ctx.settings['waivers.knownGates'];
    const actions: CodeAction[] = [];
    const seen = new Set<string>();
    for (const p of allProblems(result)) {
      const diagnostic = problemDiagnostic(result, p);
      if (!overlaps(diagnostic.range, params.range)) continue;
      if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`))) continue;
      const entry = entryOfProblem(result, p);
      if (!entry) continue;
      for (const fix of quickFixes(result, entry, p, { today, knownGates })) {
        const key = `${entry.kind}:${entry.id}:${fix.title}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
        if (fix.isPreferred) action.isPreferred = true;
        if (fix.edits.length > 0) {
          action.edit = {
            changes: { [ctx.uri]: fix.edits.map((e) => ({ range: rangeOf(result, e.start, e.end), newText: e.newText })) },
          };
        }
        if (fix.selection) {
          // Positions of the selection in the edited text.
          const after = fix.edits.length > 0 ? new LineIndex(applyEdits(result.text, fix.edits)) : result.lines;
          const range = after.rangeOf(fix.selection.start, fix.selection.end);
          action.command = { title: 'Select', command: SELECT_RANGE_COMMAND, arguments: [ctx.uri, range] };
        }
        actions.push(action);
      }
    }
    return actions;
  },
};
