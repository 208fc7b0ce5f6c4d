/** Parsing: position-preserving TypeScript strip, acorn with fallback order, tolerant mode (scanner.md §2). */
import * as acorn from 'acorn';
import jsx from 'acorn-jsx';
import { parse as parseLoose } from 'acorn-loose';
import { stripTypeScript, type NamespaceSite, type StripResult, type TypeOnlyImport } from './tsStrip';

export type { NamespaceSite, TypeOnlyImport } from './tsStrip';

export type SourceLanguage = 'js' | 'jsx' | 'ts' | 'tsx';

export interface SourceComment {
  block: boolean;
  /** Comment text without its delimiters. */
  text: string;
  start: number;
  end: number;
}

export interface ParseFailure {
  message: string;
  offset: number;
}

export interface ParsedSource {
  program: acorn.Program;
  /** The text acorn parsed: TypeScript-only syntax replaced by spaces, same length as the original. */
  strippedText: string;
  comments: SourceComment[];
  /** Set when every strict attempt failed; `program` then comes from the tolerant parser. */
  parseError?: ParseFailure;
  /** TypeScript syntax the stripper reported but could not erase (informational). */
  stripProblems: ParseFailure[];
  /** True when the TypeScript stripper threw; the original text was then scanned in tolerant mode. */
  stripFailed: boolean;
  /** How the program was obtained. */
  mode: 'module' | 'script' | 'tolerant';
  /** Imports and re-exports that are type-only (scanner.md §2.1): never classified, never side-effect imports. */
  typeOnlyImports: TypeOnlyImport[];
  /**
   * Expressions that are not part of `program`: decorator expressions, blanked in `strippedText` and
   * parsed on their own at their offsets. Analysis walks them like any other expression.
   */
  extraExpressions: acorn.Expression[];
  /** TypeScript value namespaces, left as blocks in `strippedText` (their members resolve as `N.k`). */
  namespaces: NamespaceSite[];
}

const JS_LIKE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

export function isJsLikePath(path: string): boolean {
  return JS_LIKE.test(path) && !DECLARATION.test(path);
}

export function languageOf(path: string): SourceLanguage {
  if (path.endsWith('.tsx')) return 'tsx';
  if (path.endsWith('.jsx')) return 'jsx';
  if (/\.[cm]?ts$/.test(path)) return 'ts';
  return 'js';
}

export type SourceKind = 'module' | 'script';

export function attemptOrder(path: string): SourceKind[] {
  if (/\.m[jt]s$/.test(path)) return ['module'];
  if (/\.c[jt]s$/.test(path)) return ['script', 'module'];
  return ['module', 'script'];
}

const JsxParser = acorn.Parser.extend(jsx());

/**
 * For a window of statements parsed apart: `export { x }` may name a declaration outside the window,
 * so acorn's undefined-export error is skipped (the caller checks exports across statements).
 */
function deferUndefinedExports(Base: typeof acorn.Parser): typeof acorn.Parser {
  const Recoverable = Base as unknown as new (...args: unknown[]) => { raiseRecoverable(pos: number, message: string): void };
  class WindowParser extends Recoverable {
    override raiseRecoverable(pos: number, message: string): void {
      if (/^Export '.*' is not defined$/.test(message)) return;
      super.raiseRecoverable(pos, message);
    }
  }
  return WindowParser as unknown as typeof acorn.Parser;
}
const WindowParser = deferUndefinedExports(acorn.Parser);
const WindowJsxParser = deferUndefinedExports(JsxParser);

/** True when a program node is the tolerant parser's placeholder identifier (`✖`). */
export function isLoosePlaceholder(node: acorn.Node): boolean {
  return node.type === 'Identifier' && (node as acorn.Identifier).name === '✖';
}

export function parseSource(originalText: string, path: string): ParsedSource {
  const language = languageOf(path);
  // A leading BOM becomes a space so offsets are kept (scanner.md §1.2).
  let text = originalText.charCodeAt(0) === 0xfeff ? ' ' + originalText.slice(1) : originalText;
  let strip: StripResult | undefined;
  let stripFailure: ParseFailure | undefined;
  if (language === 'ts' || language === 'tsx') {
    try {
      strip = stripTypeScript(text, language === 'tsx');
      text = strip.text;
    } catch (error) {
      stripFailure = { message: `TypeScript could not be stripped (${describeError(error)})`, offset: 0 };
    }
  }
  const parser = language === 'jsx' || language === 'tsx' ? JsxParser : acorn.Parser;
  const base = {
    strippedText: text,
    stripProblems: strip?.problems ?? [],
    stripFailed: stripFailure !== undefined,
    typeOnlyImports: strip?.typeOnlyImports ?? [],
    namespaces: strip?.namespaces ?? [],
  };
  let firstError: ParseFailure | undefined = stripFailure;
  if (!stripFailure) {
    // Plain `.js` files often hold JSX (React projects): after the attempts of §2.2 fail, the same
    // order with JSX enabled. Code without JSX parses the same either way, so nothing else changes.
    const parsers = language === 'js' ? [parser, JsxParser] : [parser];
    for (const attemptParser of parsers) {
      for (const sourceType of attemptOrder(path)) {
        const comments: SourceComment[] = [];
        try {
          const program = attemptParser.parse(text, acornOptions(sourceType, wantsComments(text) ? comments : null)) as acorn.Program;
          const extraExpressions = strip ? parseDecorators(attemptParser, strip, sourceType) : [];
          return { ...base, program, comments, mode: sourceType, extraExpressions };
        } catch (error) {
          firstError ??= toFailure(error);
        }
      }
    }
  }
  const comments: SourceComment[] = [];
  let program: acorn.Program;
  try {
    program = parseLoose(text, { ...acornOptions('module', comments), onComment: undefined }) as acorn.Program;
  } catch {
    // Even the tolerant parser gave up (e.g. nesting deeper than the stack): scan nothing but comments.
    program = emptyProgram(text.length);
  }
  if (wantsComments(text)) collectCommentsTolerantly(text, comments);
  const extraExpressions = strip ? parseDecorators(parser, strip, 'module') : [];
  return { ...base, program, comments, parseError: firstError ?? { message: 'unknown syntax error', offset: 0 }, mode: 'tolerant', extraExpressions };
}

/**
 * One strict attempt in the given mode, no tolerant fallback: the incremental editor scan re-parses a
 * window of top-level statements this way and falls back to a full parse when it fails. Exports of
 * names declared outside the window are accepted here and checked by the caller.
 */
export function parseStrict(originalText: string, path: string, sourceType: SourceKind): ParsedSource | undefined {
  const language = languageOf(path);
  let text = originalText.charCodeAt(0) === 0xfeff ? ' ' + originalText.slice(1) : originalText;
  let strip: StripResult | undefined;
  if (language === 'ts' || language === 'tsx') {
    try {
      strip = stripTypeScript(text, language === 'tsx');
      text = strip.text;
    } catch {
      return undefined;
    }
    // TypeScript's recovery can make a window parse that the whole file would not (an open brace
    // closed at the window's end): only error-free windows are trusted.
    if (strip.recovered) return undefined;
  }
  const parser = language === 'jsx' || language === 'tsx' ? WindowJsxParser : WindowParser;
  const program = parseWindow(parser, text, sourceType) ?? (language === 'js' ? parseWindow(WindowJsxParser, text, sourceType) : undefined);
  if (!program) return undefined;
  const extraExpressions = strip ? parseDecorators(program.parser, strip, sourceType) : [];
  return {
    program: program.program,
    strippedText: text,
    comments: program.comments,
    stripProblems: strip?.problems ?? [],
    stripFailed: false,
    mode: sourceType,
    typeOnlyImports: strip?.typeOnlyImports ?? [],
    extraExpressions,
    namespaces: strip?.namespaces ?? [],
  };
}

/** One window attempt with one parser (JSX is also tried for `.js`, as in `parseSource`). */
function parseWindow(parser: typeof acorn.Parser, text: string, sourceType: SourceKind): { program: acorn.Program; comments: SourceComment[]; parser: typeof acorn.Parser } | undefined {
  const comments: SourceComment[] = [];
  try {
    return { program: parser.parse(text, acornOptions(sourceType, wantsComments(text) ? comments : null)) as acorn.Program, comments, parser };
  } catch {
    return undefined;
  }
}

function emptyProgram(length: number): acorn.Program {
  return {
    type: 'Program',
    body: [],
    sourceType: 'module',
    start: 0,
    end: length,
  } as acorn.Program;
}

/** Decorator expressions, parsed at their offsets in the text as it was before decorators were blanked. */
function parseDecorators(parser: typeof acorn.Parser, strip: StripResult, sourceType: SourceKind): acorn.Expression[] {
  const out: acorn.Expression[] = [];
  for (const deco of strip.decorators) {
    // Only the decorator's own text is visible, so the expression cannot run into the decorated code.
    const input = strip.textWithDecorators.slice(0, deco.end);
    try {
      out.push(parser.parseExpressionAt(input, deco.start, acornOptions(sourceType, null)) as acorn.Expression);
    } catch {
      // A decorator acorn cannot read is skipped; the class itself is still scanned.
    }
  }
  return out;
}

/**
 * Comments matter only to suppressions and `pi-expect` expectations (their markers and the lines
 * between a marker and its code): without a marker in the text they are not collected.
 */
const COMMENT_MARKERS = /pi-scan-allow|pi-expect/;

function wantsComments(text: string): boolean {
  return COMMENT_MARKERS.test(text);
}

function acornOptions(sourceType: SourceKind, comments: SourceComment[] | null): acorn.Options {
  return {
    ecmaVersion: 'latest',
    sourceType,
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    // Positions come from offsets (LineIndex); acorn's per-node locations would only cost time.
    onComment: comments ? (block, text, start, end) => comments.push({ block, text, start, end }) : undefined,
  };
}

function describeError(error: unknown): string {
  if (error instanceof RangeError) return 'nesting too deep';
  return error instanceof Error ? error.message : String(error);
}

function toFailure(error: unknown): ParseFailure {
  if (error instanceof SyntaxError && typeof (error as SyntaxError & { pos?: number }).pos === 'number') {
    return { message: error.message.replace(/ \(\d+:\d+\)$/, ''), offset: (error as SyntaxError & { pos: number }).pos };
  }
  return { message: describeError(error), offset: 0 };
}

/** Collects comments with acorn's tokenizer, stopping quietly at the first token it cannot read. */
function collectCommentsTolerantly(text: string, comments: SourceComment[]): void {
  try {
    const tokens = acorn.tokenizer(text, {
      ecmaVersion: 'latest',
      allowHashBang: true,
      onComment: (block, commentText, start, end) => comments.push({ block, text: commentText, start, end }),
    });
    for (const token of tokens) {
      if (token.type === acorn.tokTypes.eof) break;
    }
  } catch {
    // Comments after an untokenizable point are lost; the PARSE-001 finding says results may be incomplete.
  }
}
