/**
 * Policy config files (policy.md §7): `.pi/settings.json`, `.pi/config.toml`, and the global
 * `settings.json` / `config.toml` when opened. CFG-* diagnostics with quick fixes.
 */
import { homedir } from 'node:os';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { CodeActionKind, CompletionItemKind, DiagnosticSeverity, MarkupKind, type CodeAction, type CompletionItem, type Diagnostic, type Hover } from 'vscode-languageserver';
import { tomlHover, tomlKeyCompletions } from '../../../shared/policy/config/assist';
import { LineIndex } from '../../../shared/common/lineIndex';
import { loadConfigText, type ConfigDiagnostic, type ConfigFormat } from '../../../shared/policy/config/load';
import { editorCliOptions, editorEnv, editorGlobalDir } from '../../../shared/policy/editorInput';
import { globalConfigDir, resolvePolicy } from '../../../shared/policy/resolve';
import type { PiSecuritySettings } from '../../../shared/settings/schema';
import type { DocumentContext, DocumentProvider } from './types';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

function formatOf(fsPath: string): ConfigFormat | null {
  const b = basename(fsPath);
  return b === 'settings.json' ? 'json' : b === 'config.toml' ? 'toml' : null;
}

function isGlobalFile(fsPath: string, settings: PiSecuritySettings, env: Record<string, string | undefined>): boolean {
  const g = globalConfigDir({ globalDir: editorGlobalDir(settings), env: editorEnv(settings, env), homeDir: homedir() });
  return resolvePath(dirname(fsPath)) === resolvePath(g);
}

/** Whether a path is a policy config file: `<dir>/.pi/settings.json|config.toml`, or `…/.pi/agent/…`. */
export function isPolicyConfigPath(fsPath: string): boolean {
  if (formatOf(fsPath) === null) return false;
  const parts = fsPath.split(/[\\/]/);
  const parent = parts[parts.length - 2];
  return parent === '.pi' || (parent === 'agent' && parts[parts.length - 3] === '.pi');
}

let lastEnv: Record<string, string | undefined> = {};

/** Diagnostics for one config document, resolved together with the other layers (CFG-008, CFG-013). */
export function configDiagnostics(ctx: DocumentContext): ConfigDiagnostic[] {
  const format = formatOf(ctx.fsPath);
  if (format === null) return [];
  const text = ctx.document.getText();
  const env = editorEnv(ctx.settings, ctx.services.env);
  const isProjectFile = basename(dirname(ctx.fsPath)) === '.pi';
  const projectDir = isProjectFile ? dirname(dirname(ctx.fsPath)) : ctx.workspaceFolder;
  const target = resolvePath(ctx.fsPath);
  try {
    const resolution = resolvePolicy({
      env,
      projectDir,
      globalDir: editorGlobalDir(ctx.settings),
      homeDir: homedir(),
      cwd: ctx.workspaceFolder ?? dirname(ctx.fsPath),
      cli: editorCliOptions(ctx.settings),
      readFile: (p) => (resolvePath(p) === target ? text : defaultRead(p)),
    });
    const state = resolution.files.find((f) => resolvePath(f.absPath) === target);
    if (state) return state.diagnostics;
  } catch {
    // fall through to the file on its own
  }
  return loadConfigText(text, format).diagnostics;
}

function defaultRead(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

function toLsp(d: ConfigDiagnostic, index: LineIndex, uri: string): Diagnostic {
  return {
    range: index.rangeOf(d.span.start, Math.max(d.span.end, d.span.start)),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'pi-security',
    message: d.message,
    data: { uri, code: d.code, start: d.span.start, end: d.span.end },
  };
}

export const configProvider: DocumentProvider = {
  id: 'policy-config',
  handles(fsPath, _relativePath, settings) {
    if (isPolicyConfigPath(fsPath)) return true;
    return formatOf(fsPath) !== null && isGlobalFile(fsPath, settings, lastEnv);
  },
  diagnostics(ctx, token) {
    lastEnv = { ...ctx.services.env };
    const index = new LineIndex(ctx.document.getText());
    const list = configDiagnostics(ctx);
    if (token.isCancellationRequested) return [];
    return list.map((d) => toLsp(d, index, ctx.uri));
  },
  hover(ctx, position): Hover | null {
    if (formatOf(ctx.fsPath) !== 'toml') return null;
    const text = ctx.document.getText();
    const index = new LineIndex(text);
    const h = tomlHover(text, index.offsetAt(position));
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: index.rangeOf(h.start, h.end) } : null;
  },
  completion(ctx, position): CompletionItem[] {
    if (formatOf(ctx.fsPath) !== 'toml') return [];
    const text = ctx.document.getText();
    return tomlKeyCompletions(text, new LineIndex(text).offsetAt(position)).map((c) => ({
      label: c.label,
      kind: CompletionItemKind.Property,
      detail: c.detail,
      documentation: { kind: MarkupKind.Markdown, value: c.documentation },
      insertText: c.insertText,
    }));
  },
  codeActions(ctx, params) {
    const index = new LineIndex(ctx.document.getText());
    const wanted = params.range;
    const start = index.offsetAt(wanted.start);
    const end = index.offsetAt(wanted.end);
    const actions: CodeAction[] = [];
    for (const d of configDiagnostics(ctx)) {
      const fix = d.fix;
      if (!fix) continue;
      if (d.span.end < start || d.span.start > end) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLsp(d, index, ctx.uri)],
        isPreferred: true,
        edit: { changes: { [ctx.uri]: fix.edits.map((e) => ({ range: index.rangeOf(e.span.start, e.span.end), newText: e.newText })) } },
      });
    }
    return actions;
  },
};
