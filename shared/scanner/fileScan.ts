/**
 * One file through the whole pipeline: size check, parse + analysis (engine.ts), suppressions (§7),
 * coalescing (§5.6), positions (§2.3) and fingerprints (§10). Used by the CLI, the workspace scan and
 * the editor, so all three report the same findings for the same text.
 */
import { LineIndex } from '../common/lineIndex';
import { escapeHidden } from './analysis/hiddenUnicode';
import { coalesce } from './coalesce';
import { makeHit, scanDocument, type DocumentScan } from './engine';
import { assignFingerprints } from './fingerprint';
import type { SourceComment } from './parse';
import type { PolicyOracle } from './policyOracle';
import { ruleById } from './rules';
import { applySuppressions } from './suppressions';
import { emptyFacts, type DocumentFacts, type Finding, type Hit, type RelatedSpan } from './types';

export const DEFAULT_MAX_FILE_BYTES = 1_048_576;

export interface FileScanOptions {
  /** POSIX path relative to the workspace folder (CLI: the current directory), used in reports. */
  relativePath: string;
  extensionId: string | null;
  /** Injected UTC date for suppression expiry. */
  today: string;
  policy?: PolicyOracle;
  /** False for `--no-suppressions`: suppression comments are ignored entirely. */
  suppressions?: boolean;
  maxFileBytes?: number;
}

/** A finding with its offsets and the editor-only details (related information, policy data). */
export interface LocatedFinding extends Finding {
  start: number;
  end: number;
  related: RelatedSpan[];
  capability?: string;
  decision?: string;
  layer?: number;
}

export interface FileScanResult {
  relativePath: string;
  text: string;
  lines: LineIndex;
  /** The file's comments (suppressions, `pi-expect` labels); the syntax tree is not kept. */
  comments: readonly SourceComment[];
  /** Unsuppressed rule hits before coalescing (verdict counting, §9.1). SUP-* excluded. */
  activeHits: Hit[];
  /** Suppressed rule hits. */
  suppressedHits: Hit[];
  /** SUP-002 hits (expired suppressions). */
  expiredSuppressions: number;
  /** Report order: line, column, rule id. Suppressed findings included. */
  findings: LocatedFinding[];
  facts: DocumentFacts;
  tolerant: boolean;
  stripFailed: boolean;
  /** True when the file could not be scanned at all (SEC-SCAN-001). */
  scanFailed: boolean;
}

/** A file that could not be read or parsed: one SEC-SCAN-001 at line 1, column 1. */
export function scanFailure(relativePath: string, cause: string, extensionId: string | null, text = ''): FileScanResult {
  const hit = makeHit('SEC-SCAN-001', 0, 0, `Not scanned: ${cause}`);
  return finish({ relativePath, extensionId, text, hits: [hit], suppressed: [], supHits: [], facts: emptyFacts(), scanFailed: true });
}

export function scanFileText(text: string, options: FileScanOptions): FileScanResult {
  const tooLarge = sizeRefusal(text, options);
  if (tooLarge) return tooLarge;
  const scan = scanDocument({ text, path: options.relativePath, policy: options.policy, extensionId: options.extensionId });
  return completeFileScan(text, options, documentScanOutput(scan));
}

export function documentScanOutput(scan: DocumentScan): DocumentScanOutput {
  const parsed = scan.parsed;
  return {
    hits: scan.hits,
    facts: scan.facts,
    comments: parsed.comments,
    firstStatementStart: parsed.program.body.length > 0 ? parsed.program.body[0].start : null,
    tolerant: parsed.mode === 'tolerant',
    stripFailed: parsed.stripFailed,
  };
}

/** SEC-SCAN-001 for a file over the size limit, or undefined. */
export function sizeRefusal(text: string, options: FileScanOptions): FileScanResult | undefined {
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const size = text.length > limit / 3 ? Buffer.byteLength(text, 'utf8') : text.length;
  if (size <= limit) return undefined;
  return scanFailure(options.relativePath, `file exceeds the size limit (${size} > ${limit} bytes)`, options.extensionId, text);
}

/** A document's rule hits and parse facts, before suppressions and reporting. */
export interface DocumentScanOutput {
  /** Ordered by offset, then rule id; ranges inside the text. */
  hits: Hit[];
  facts: DocumentFacts;
  comments: readonly SourceComment[];
  /** Offset of the first top-level statement (file-level suppressions must precede it). */
  firstStatementStart: number | null;
  tolerant: boolean;
  stripFailed: boolean;
}

/** Suppressions (§7), coalescing, positions and fingerprints over a document scan. */
export function completeFileScan(text: string, options: FileScanOptions, doc: DocumentScanOutput): FileScanResult {
  let active: Hit[] = doc.hits;
  let suppressed: { hit: Hit; reason: string; until: string | null; line: number; fileLevel: boolean }[] = [];
  let supHits: Hit[] = [];
  const lines = new LineIndex(text);
  if (options.suppressions !== false && doc.comments.length > 0) {
    const outcome = applySuppressions(doc.hits, {
      comments: doc.comments,
      codeText: text, // the original text: a line holding only a decorator or type syntax still holds code
      lines,
      firstStatementStart: doc.firstStatementStart,
      today: options.today,
    });
    active = outcome.hits.filter((h) => h.suppression === null).map((h) => h.hit);
    suppressed = outcome.hits.filter((h) => h.suppression !== null).map((h) => ({ hit: h.hit, ...h.suppression! }));
    supHits = outcome.supHits;
  }
  const scanFailed = doc.hits.some((h) => h.ruleId === 'SEC-SCAN-001');
  return finish({
    relativePath: options.relativePath,
    extensionId: options.extensionId,
    text,
    lines,
    comments: doc.comments,
    hits: active,
    suppressed,
    supHits,
    facts: doc.facts,
    scanFailed,
    tolerant: doc.tolerant,
    stripFailed: doc.stripFailed,
  });
}

interface FinishInput {
  relativePath: string;
  extensionId: string | null;
  text: string;
  lines?: LineIndex;
  comments?: readonly SourceComment[];
  hits: Hit[];
  suppressed: { hit: Hit; reason: string; until: string | null; line: number; fileLevel: boolean }[];
  supHits: Hit[];
  facts: DocumentFacts;
  scanFailed: boolean;
  tolerant?: boolean;
  stripFailed?: boolean;
}

function finish(input: FinishInput): FileScanResult {
  const lines = input.lines ?? new LineIndex(input.text);
  type Draft = Omit<LocatedFinding, 'fingerprint'>;
  const drafts: Draft[] = [];
  const base = (hit: Hit, message: string, alsoMatched: string[]): Draft => {
    const start = lines.positionAt(hit.start);
    const end = lines.positionAt(hit.end);
    const draft: Draft = {
      ruleId: hit.ruleId,
      tier: hit.tier,
      // Quoted source text must not hide or reorder anything in the Problems panel or a report.
      message: escapeHidden(message),
      remediation: ruleById(hit.ruleId)?.remediation ?? '',
      file: input.relativePath,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      extensionId: input.extensionId,
      evasion: hit.evasion,
      alsoMatched,
      suppression: null,
      start: hit.start,
      end: hit.end,
      related: hit.related,
    };
    if (hit.capability !== undefined) draft.capability = hit.capability;
    if (hit.decision !== undefined) draft.decision = hit.decision;
    if (hit.layer !== undefined) draft.layer = hit.layer;
    return draft;
  };
  for (const merged of coalesce(input.hits)) drafts.push(base(merged.hit, merged.message, merged.alsoMatched));
  // Suppression diagnostics are about the comment, one per problem; they are never merged.
  for (const hit of input.supHits) drafts.push(base(hit, hit.message, []));
  for (const s of input.suppressed) {
    drafts.push({ ...base(s.hit, s.hit.message, []), suppression: { reason: s.reason, until: s.until, line: s.line, fileLevel: s.fileLevel } });
  }
  drafts.sort(compareFindings);
  const fingerprints = assignFingerprints(
    input.relativePath,
    drafts.map((d) => ({ ruleId: d.ruleId, nodeText: input.text.slice(d.start, d.end) })),
  );
  const findings = drafts.map((d, i) => ({ ...d, fingerprint: fingerprints[i] }));
  return {
    relativePath: input.relativePath,
    text: input.text,
    lines,
    comments: input.comments ?? [],
    activeHits: input.hits,
    suppressedHits: input.suppressed.map((s) => s.hit),
    expiredSuppressions: input.supHits.filter((h) => h.ruleId === 'SUP-002').length,
    findings,
    facts: input.facts,
    tolerant: input.tolerant ?? false,
    stripFailed: input.stripFailed ?? false,
    scanFailed: input.scanFailed,
  };
}

/** Report order: file, line, column, rule id (scanner.md §11). */
export function compareFindings(a: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>, b: Pick<Finding, 'file' | 'line' | 'column' | 'ruleId'>): number {
  if (a.file !== b.file) return Buffer.compare(Buffer.from(a.file), Buffer.from(b.file));
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
