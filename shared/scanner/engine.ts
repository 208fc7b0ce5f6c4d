/**
 * Document scan entry point shared by the server and the CLI. The foundation implements import
 * classification for static specifiers; the resolution engine (scanner.md §3) plugs in here.
 */
import type * as acorn from 'acorn';
import { classifySpecifier } from './imports';
import { parseSource, type ParsedSource } from './parse';
import { ruleById } from './rules';
import type { Hit, Tier } from './types';

export interface ScanDocumentInput {
  text: string;
  /** POSIX path; decides the language and the parse order. */
  path: string;
}

export interface DocumentScan {
  hits: Hit[];
  parsed: ParsedSource;
}

export function scanDocument(input: ScanDocumentInput): DocumentScan {
  const parsed = parseSource(input.text, input.path);
  const hits: Hit[] = [];
  if (parsed.parseError) {
    hits.push(makeHit('PARSE-001', parsed.parseError.offset, parsed.parseError.offset, `Syntax error: ${parsed.parseError.message}; scanned in tolerant mode, results may be incomplete`));
  }
  for (const literal of staticSpecifiers(parsed.program)) classifyImport(literal, hits);
  hits.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { hits, parsed };
}

function classifyImport(literal: acorn.Literal, hits: Hit[]): void {
  if (typeof literal.value !== 'string') return;
  const cls = classifySpecifier(literal.value);
  if (cls.kind === 'forbidden') {
    hits.push(makeHit('CMP-FORBIDDEN-001', literal.start, literal.end, `Import of forbidden builtin "${cls.spec}" — ${cls.reason}`));
  }
}

/** String-literal specifiers of static imports, re-exports, `import("m")` and `require("m")`. */
function* staticSpecifiers(program: acorn.Program): Generator<acorn.Literal> {
  for (const node of walk(program)) {
    switch (node.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration': {
        const source = (node as acorn.ImportDeclaration | acorn.ExportAllDeclaration | acorn.ExportNamedDeclaration).source;
        if (source && source.type === 'Literal') yield source;
        break;
      }
      case 'ImportExpression': {
        const source = (node as acorn.ImportExpression).source;
        if (source.type === 'Literal') yield source;
        break;
      }
      case 'CallExpression': {
        const call = node as acorn.CallExpression;
        if (call.callee.type === 'Identifier' && call.callee.name === 'require' && call.arguments[0]?.type === 'Literal') {
          yield call.arguments[0];
        }
        break;
      }
    }
  }
}

/** Iterative pre-order walk over every ESTree node (no recursion, so deep nesting cannot overflow). */
export function* walk(root: acorn.Node): Generator<acorn.Node> {
  const stack: acorn.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const children: acorn.Node[] = [];
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'range') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) children.push(item);
      } else if (isNode(value)) children.push(value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function isNode(value: unknown): value is acorn.Node {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

export function makeHit(ruleId: string, start: number, end: number, message: string): Hit {
  const rule = ruleById(ruleId);
  const tier: Tier = rule?.tier ?? 'high';
  return { ruleId, tier, start, end, message, evasion: [], related: [] };
}
