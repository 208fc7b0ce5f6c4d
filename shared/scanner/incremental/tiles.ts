/**
 * Tiles: the document cut at top-level statement starts, so every character belongs to exactly one
 * statement's tile (leading comments and decorators go with the statement they precede). The
 * incremental editor scan re-parses only the tiles an edit touches and reuses the others.
 */
import type { Nd } from '../analysis/ast';
import type { SourceComment, TypeOnlyImport } from '../parse';
import type { AnalysisFacts } from '../analysis';
import type { Hit } from '../types';
import type { UnitSummary } from './summary';

export interface Tile {
  /** Current range in the document (tiles are contiguous and cover the whole text). */
  start: number;
  end: number;
  /** The top-level statement; its node offsets lag the document by `astShift` until it is analysed. */
  stmt: Nd;
  /** Decorator expressions of the statement (parsed apart from the program). */
  extras: Nd[];
  astShift: number;
  /** The tile's slice of the stripped text (same length as its original slice). */
  stripped: string;
  /** Current offsets. */
  comments: SourceComment[];
  typeOnly: TypeOnlyImport[];
  summary: UnitSummary;
  /** The rules' output for the statement, in current offsets; null until analysed. */
  result: TileResult | null;
  /** Statements declaring the functions this statement makes receive `pi` (null until analysed). */
  piTargets: ReadonlySet<Nd> | null;
}

export interface TileResult {
  hits: Hit[];
  facts: AnalysisFacts;
}

/** Node fields that never hold child nodes. */
const LEAF_KEYS: ReadonlySet<string> = new Set(['type', 'start', 'end', 'loc', 'range', 'raw', 'regex', 'bigint', 'name', 'operator', 'kind', 'sourceType']);
/** Adds `delta` to the offsets of every node under `root` (iterative: deep nesting cannot overflow). */
export function shiftTree(root: Nd, delta: number): void {
  if (delta === 0) return;
  const stack: Nd[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.start += delta;
    node.end += delta;
    for (const key in node) {
      if (LEAF_KEYS.has(key)) continue;
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const child = value[i];
          if (child !== null && typeof child === 'object' && typeof child.type === 'string') stack.push(child);
        }
      } else if (typeof value.type === 'string') stack.push(value);
    }
  }
}

/** Brings a tile's statement and decorators to current offsets. */
export function settleTile(tile: Tile): void {
  if (tile.astShift === 0) return;
  shiftTree(tile.stmt, tile.astShift);
  for (const extra of tile.extras) shiftTree(extra, tile.astShift);
  tile.astShift = 0;
}

/**
 * True when nothing that follows can continue the statement (a `(`, `[` or template on the next line
 * would otherwise join it by the absence of automatic semicolon insertion).
 */
export function endsClosed(stmt: Nd, stripped: (offset: number) => string): boolean {
  let node: Nd | null = stmt;
  for (let depth = 0; node && depth < 10_000; depth++) {
    if (stripped(node.end - 1) === ';') return true;
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'ClassDeclaration':
      case 'BlockStatement':
      case 'TryStatement':
      case 'SwitchStatement':
        return true;
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
        node = node.declaration && (node.declaration.type === 'FunctionDeclaration' || node.declaration.type === 'ClassDeclaration') ? node.declaration : null;
        break;
      case 'IfStatement':
        node = node.alternate ?? node.consequent;
        break;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'LabeledStatement':
      case 'WithStatement':
        node = node.body;
        break;
      default:
        return false;
    }
  }
  return false;
}

/**
 * Where each statement's tile begins: the statement start, or the `@` of a decorator written before it
 * (after the previous statement). The first tile begins at `from`.
 */
export function tileStarts(statements: readonly Nd[], decoratorAts: readonly number[], from: number): number[] {
  const starts: number[] = [];
  let d = 0;
  for (let i = 0; i < statements.length; i++) {
    const prevEnd = i === 0 ? from : statements[i - 1].end;
    let start = statements[i].start;
    while (d < decoratorAts.length && decoratorAts[d] < statements[i].start) {
      if (decoratorAts[d] >= prevEnd) start = Math.min(start, decoratorAts[d]);
      d++;
    }
    starts.push(i === 0 ? from : start);
  }
  return starts;
}

/**
 * Offsets before an edit of `[from, to)` (old offsets) that grew the text by `delta`, moved to new
 * offsets: NaN inside the edited range (a start at `from`, an end at `to`, stay valid).
 */
export function editMapping(from: number, to: number, delta: number): { mapStart: (x: number) => number; mapEnd: (x: number) => number } {
  return {
    mapStart: (x) => (x < from ? x : x >= to ? x + delta : NaN),
    mapEnd: (x) => (x <= from ? x : x >= to ? x + delta : NaN),
  };
}

/** A statement's cached results at new offsets, or null when one of them lay inside the edit. */
export function mapResult(result: TileResult, mapStart: (x: number) => number, mapEnd: (x: number) => number): TileResult | null {
  const f = result.facts;
  if (result.hits.length === 0 && f.capabilities.length === 0 && f.commands.length === 0 && f.envReads.length === 0) return result;
  let valid = true;
  const span = <T extends { start: number; end: number }>(x: T): T => {
    const start = mapStart(x.start);
    const end = x.end === x.start ? start : mapEnd(x.end);
    if (Number.isNaN(start) || Number.isNaN(end)) valid = false;
    return { ...x, start, end };
  };
  const hits: Hit[] = result.hits.map((h) => ({ ...span(h), related: h.related.map(span) }));
  const facts: AnalysisFacts = {
    capabilities: result.facts.capabilities.map(span),
    commands: result.facts.commands.map(span),
    envReads: result.facts.envReads.map(span),
  };
  return valid ? { hits, facts } : null;
}

