/** Parsing: position-preserving TypeScript strip, acorn with fallback order, tolerant mode (scanner.md §2). */
import * as acorn from 'acorn';
import jsx from 'acorn-jsx';
import { parse as parseLoose } from 'acorn-loose';
import ts from 'typescript';
import { blankSourceFile } from 'ts-blank-space';

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
  /** Set when the TypeScript stripper reported syntax it could not erase. */
  stripProblems: ParseFailure[];
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

type SourceKind = 'module' | 'script';

function attemptOrder(path: string): SourceKind[] {
  if (/\.m[jt]s$/.test(path)) return ['module'];
  if (/\.c[jt]s$/.test(path)) return ['script', 'module'];
  return ['module', 'script'];
}

const JsxParser = acorn.Parser.extend(jsx());

/** Replaces TypeScript-only syntax with spaces, keeping every offset. */
export function stripTypeScript(text: string, language: SourceLanguage): { text: string; problems: ParseFailure[] } {
  const problems: ParseFailure[] = [];
  const kind = language === 'tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(language === 'tsx' ? 'input.tsx' : 'input.ts', text, ts.ScriptTarget.ESNext, false, kind);
  const out = blankSourceFile(sourceFile, (node) => {
    problems.push({ message: `unsupported TypeScript syntax (${ts.SyntaxKind[node.kind]})`, offset: node.getStart(sourceFile) });
  });
  return { text: out, problems };
}

export function parseSource(originalText: string, path: string): ParsedSource {
  const language = languageOf(path);
  // A leading BOM becomes a space so offsets are kept (scanner.md §1.2).
  let text = originalText.charCodeAt(0) === 0xfeff ? ' ' + originalText.slice(1) : originalText;
  let stripProblems: ParseFailure[] = [];
  if (language === 'ts' || language === 'tsx') {
    const stripped = stripTypeScript(text, language);
    text = stripped.text;
    stripProblems = stripped.problems;
  }
  const parser = language === 'jsx' || language === 'tsx' ? JsxParser : acorn.Parser;
  let firstError: ParseFailure | undefined;
  for (const sourceType of attemptOrder(path)) {
    const comments: SourceComment[] = [];
    try {
      const program = parser.parse(text, acornOptions(sourceType, comments)) as acorn.Program;
      return { program, strippedText: text, comments, stripProblems };
    } catch (error) {
      firstError ??= toFailure(error);
    }
  }
  const comments: SourceComment[] = [];
  const program = parseLoose(text, { ...acornOptions('module', comments), onComment: undefined }) as acorn.Program;
  collectCommentsTolerantly(text, comments);
  return { program, strippedText: text, comments, parseError: firstError, stripProblems };
}

function acornOptions(sourceType: SourceKind, comments: SourceComment[]): acorn.Options {
  return {
    ecmaVersion: 'latest',
    sourceType,
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    locations: true,
    ranges: true,
    onComment: (block, text, start, end) => comments.push({ block, text, start, end }),
  };
}

function toFailure(error: unknown): ParseFailure {
  if (error instanceof SyntaxError && typeof (error as SyntaxError & { pos?: number }).pos === 'number') {
    return { message: error.message.replace(/ \(\d+:\d+\)$/, ''), offset: (error as SyntaxError & { pos: number }).pos };
  }
  return { message: error instanceof Error ? error.message : String(error), offset: 0 };
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
