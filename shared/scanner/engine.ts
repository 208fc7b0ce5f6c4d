/**
 * Document scan entry point shared by the server and the CLI: parse (scanner.md §2), PARSE-001, then
 * the rule analysis. The foundation implements import classification for static specifiers; the
 * resolution engine (scanner.md §3, `shared/scanner/analysis`) replaces `runAnalysis` below.
 * Suppressions, coalescing and fingerprints are applied afterwards by `fileScan.ts`.
 */
import type * as acorn from 'acorn';
import { analyzeProgram } from './analysis';
import { parseSource, type ParsedSource } from './parse';
import type { PolicyOracle } from './policyOracle';
import { ruleById } from './rules';
import { emptyFacts, type DocumentFacts, type Hit, type Tier } from './types';

export interface ScanDocumentInput {
  text: string;
  /** POSIX path; decides the language and the parse order. */
  path: string;
  /** Effective policy for POL-* rules; without it no POL-* hits are produced. */
  policy?: PolicyOracle;
  extensionId?: string | null;
}

export interface DocumentScan {
  hits: Hit[];
  parsed: ParsedSource;
  facts: DocumentFacts;
}

export interface AnalysisResult {
  hits: Hit[];
  facts: DocumentFacts;
}

export function scanDocument(input: ScanDocumentInput): DocumentScan {
  return scanParsed(parseSource(input.text, input.path), input);
}

/** PARSE-001 and the rule analysis over a parse of `input.text`. */
export function scanParsed(parsed: ParsedSource, input: ScanDocumentInput): DocumentScan {
  const hits: Hit[] = [];
  if (parsed.parseError) {
    hits.push(makeHit('PARSE-001', parsed.parseError.offset, parsed.parseError.offset, `Syntax error: ${parsed.parseError.message}; scanned in tolerant mode, results may be incomplete`));
  }
  let facts = emptyFacts();
  try {
    const analysis = runAnalysis(parsed, input);
    hits.push(...analysis.hits);
    facts = analysis.facts;
  } catch (error) {
    // Never an empty or crashing result: the file is reported as not (fully) scanned (fail-closed).
    const reason = error instanceof RangeError ? 'nesting too deep to analyse' : `analysis failed (${error instanceof Error ? error.message : String(error)})`;
    hits.push(makeHit('SEC-SCAN-001', 0, 0, `Not scanned: ${reason}`));
  }
  return { hits: orderHits(hits, input.text.length), parsed, facts };
}

/** Clamps every range into the text and sorts by offset, then rule id (in place). */
export function orderHits(hits: Hit[], length: number): Hit[] {
  // acorn-loose can end a recovered node past the end of the text (e.g. `require(*/`).
  for (const hit of hits) {
    hit.start = Math.min(hit.start, length);
    hit.end = Math.min(Math.max(hit.end, hit.start), length);
  }
  return hits.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
}

/** The rule analysis of one parsed document (scanner.md §3–§8, `shared/scanner/analysis`). */
function runAnalysis(parsed: ParsedSource, input: ScanDocumentInput): AnalysisResult {
  const { hits, facts } = analyzeProgram(parsed, { text: input.text, policy: input.policy, extensionId: input.extensionId ?? null });
  return { hits, facts };
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
