/** In-source suppressions `pi-scan-allow` (scanner.md §7): grammar, targets, validation, expiry. */
import { parseIsoDate } from '../common/dates';
import type { LineIndex } from '../common/lineIndex';
import type { SourceComment } from './parse';
import { ruleById } from './rules';
import type { Hit, Suppression, Tier } from './types';

export interface ParsedSuppression {
  fileLevel: boolean;
  /** Valid, suppressible rule ids in the order written. */
  ruleIds: string[];
  until: string | null;
  reason: string;
  /** Range of the whole comment. */
  start: number;
  end: number;
  /** 0-based line of the comment start. */
  line: number;
  /** 0-based line the suppression applies to (null for file-level or when no code follows). */
  targetLine: number | null;
  /** False when the suppression is not applied (missing reason, bad date, expired, misplaced). */
  applied: boolean;
}

export interface SuppressionOutcome {
  /** Every input hit, in input order, with its suppression (null when active). */
  hits: { hit: Hit; suppression: Suppression | null }[];
  /** SUP-001 / SUP-002 / SUP-003 hits. */
  supHits: Hit[];
  suppressions: ParsedSuppression[];
}

const MARKER = /^\s*pi-scan-allow(-file)?(?=\s|$)/;
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;

export const SUP_MESSAGES = {
  needsReason: 'Suppression needs a reason after "--"',
  unknownRule: (id: string) => `Unknown rule id "${id}"`,
  notSuppressible: (id: string) => `${id} cannot be suppressed`,
  badDate: '"until" must be a real date in YYYY-MM-DD form',
  expired: (date: string) => `Suppression expired on ${date}; the finding is active again`,
  criticalWithoutUntil: 'Critical findings should be suppressed with an expiry (until YYYY-MM-DD)',
  unused: (rule: string) => `No ${rule} finding on the target line`,
  noRules: 'Suppression needs at least one rule id',
  fileLevelPlacement: 'pi-scan-allow-file must come before the first statement',
} as const;

export interface SuppressionContext {
  comments: readonly SourceComment[];
  /** Text used to decide which lines hold code (the stripped text, same offsets as the original). */
  codeText: string;
  lines: LineIndex;
  /** Start offset of the first statement, or null for an empty program. */
  firstStatementStart: number | null;
  /** Injected UTC date, YYYY-MM-DD. */
  today: string;
}

/** Parses and validates every suppression comment, then applies the valid ones to `hits`. */
export function applySuppressions(hits: readonly Hit[], ctx: SuppressionContext): SuppressionOutcome {
  const supHits: Hit[] = [];
  const suppressions: ParsedSuppression[] = [];
  let codeLines: Uint8Array | undefined;
  for (const comment of ctx.comments) {
    const marker = MARKER.exec(comment.text);
    if (!marker) continue;
    codeLines ??= linesWithCode(ctx);
    const parsed = parseSuppression(comment, marker, ctx, codeLines, supHits);
    if (parsed) suppressions.push(parsed);
  }
  const out: SuppressionOutcome['hits'] = hits.map((hit) => ({ hit, suppression: null }));
  for (const sup of suppressions) {
    if (!sup.applied) continue;
    for (const ruleId of sup.ruleIds) {
      let used = false;
      for (const entry of out) {
        if (entry.hit.ruleId !== ruleId) continue;
        if (!sup.fileLevel && ctx.lines.positionAt(entry.hit.start).line !== sup.targetLine) continue;
        used = true;
        entry.suppression ??= { reason: sup.reason, until: sup.until, line: sup.line + 1, fileLevel: sup.fileLevel };
      }
      if (!used) supHits.push(supHit('SUP-003', sup.start, sup.end, SUP_MESSAGES.unused(ruleId)));
    }
  }
  supHits.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return { hits: out, supHits, suppressions };
}

function parseSuppression(
  comment: SourceComment,
  marker: RegExpExecArray,
  ctx: SuppressionContext,
  codeLines: Uint8Array,
  supHits: Hit[],
): ParsedSuppression | undefined {
  const fileLevel = marker[1] === '-file';
  const body = comment.text.slice(marker[0].length);
  const report = (ruleId: string, message: string) => supHits.push(supHit(ruleId, comment.start, comment.end, message));
  const sep = REASON_SEPARATOR.exec(body);
  const head = sep ? body.slice(0, sep.index) : body;
  const reason = sep ? body.slice(sep.index + sep[0].length).trim() : '';
  let applied = true;
  if (!sep || reason.length === 0) {
    report('SUP-001', SUP_MESSAGES.needsReason);
    applied = false;
  }
  let until: string | null = null;
  let idsText = head.trim();
  const untilMatch = /(?:^|\s)until(?:\s+(\S*))?\s*$/.exec(idsText);
  if (untilMatch) {
    idsText = idsText.slice(0, untilMatch.index).trim();
    const date = untilMatch[1] ?? '';
    if (parseIsoDate(date) === undefined) {
      report('SUP-001', SUP_MESSAGES.badDate);
      applied = false;
    } else until = date;
  }
  const ruleIds: string[] = [];
  const rawIds = idsText.length === 0 ? [] : idsText.split(',').map((s) => s.trim());
  if (rawIds.length === 0) {
    report('SUP-001', SUP_MESSAGES.noRules);
    applied = false;
  }
  let hasCritical = false;
  for (const id of rawIds) {
    const rule = ruleById(id);
    if (!rule) report('SUP-001', SUP_MESSAGES.unknownRule(id));
    else if (rule.family === 'SUP' || rule.family === 'PARSE') report('SUP-001', SUP_MESSAGES.notSuppressible(id));
    else {
      if (!ruleIds.includes(id)) ruleIds.push(id);
      if (rule.tier === ('critical' satisfies Tier)) hasCritical = true;
    }
  }
  if (applied && until !== null && (parseIsoDate(ctx.today) ?? 0) > (parseIsoDate(until) ?? 0)) {
    report('SUP-002', SUP_MESSAGES.expired(until));
    applied = false;
  }
  if (applied && fileLevel && ctx.firstStatementStart !== null && comment.end > ctx.firstStatementStart) {
    report('SUP-001', SUP_MESSAGES.fileLevelPlacement);
    applied = false;
  }
  if (applied && hasCritical && until === null) report('SUP-001', SUP_MESSAGES.criticalWithoutUntil);
  const line = ctx.lines.positionAt(comment.start).line;
  return {
    fileLevel,
    ruleIds,
    until,
    reason,
    start: comment.start,
    end: comment.end,
    line,
    targetLine: fileLevel ? null : targetLineOf(comment, ctx, codeLines),
    applied,
  };
}

/** Target line resolver for comment-driven markers (suppressions, `pi-expect`), 0-based or null. */
export function createTargetResolver(ctx: Omit<SuppressionContext, 'today' | 'firstStatementStart'>): (comment: SourceComment) => number | null {
  let codeLines: Uint8Array | undefined;
  const full = { ...ctx, today: '1970-01-01', firstStatementStart: null };
  return (comment) => targetLineOf(comment, full, (codeLines ??= linesWithCode(full)));
}

/**
 * Trailing comment → its own line; otherwise the next line that holds code (scanner.md §7.2). A JSX
 * comment (a block comment wrapped in braces) alone on its line counts as a comment on its own line.
 */
function targetLineOf(comment: SourceComment, ctx: SuppressionContext, codeLines: Uint8Array): number | null {
  const startLine = ctx.lines.positionAt(comment.start).line;
  const endLine = ctx.lines.positionAt(comment.end).line;
  const before = codeIn(ctx, ctx.lines.lineStart(startLine), comment.start).trim();
  const lineEnd = endLine + 1 < ctx.lines.lineCount ? ctx.lines.lineStart(endLine + 1) : ctx.codeText.length;
  const after = codeIn(ctx, comment.end, lineEnd).trim();
  const jsxWrapped = before === '{' && after === '}';
  if (before.length > 0 && !jsxWrapped) return startLine;
  // Code after the comment on the line where it ends, e.g. a block suppression followed by `eval(x)`.
  if (after.length > 0 && !jsxWrapped) return endLine;
  for (let line = endLine + 1; line < codeLines.length; line++) {
    if (codeLines[line] && !isJsxCommentLine(ctx, line)) return line;
  }
  return null;
}

/** A line holding only a brace-wrapped block comment (a JSX comment), so stacked JSX suppressions work. */
function isJsxCommentLine(ctx: SuppressionContext, line: number): boolean {
  const from = ctx.lines.lineStart(line);
  const to = line + 1 < ctx.lines.lineCount ? ctx.lines.lineStart(line + 1) : ctx.codeText.length;
  return codeIn(ctx, from, to).replace(/\s+/g, '') === '{}' && ctx.codeText.slice(from, to).includes('/*');
}

/** The text in [from, to) outside comments. */
function codeIn(ctx: SuppressionContext, from: number, to: number): string {
  let out = '';
  let i = from;
  for (const c of ctx.comments) {
    if (c.end <= i) continue;
    if (c.start >= to) break;
    out += ctx.codeText.slice(i, c.start);
    i = c.end;
  }
  if (i < to) out += ctx.codeText.slice(i, to);
  return out;
}

/** One flag per line: 1 when the line holds non-space text outside comments. */
function linesWithCode(ctx: SuppressionContext): Uint8Array {
  const text = ctx.codeText;
  const flags = new Uint8Array(ctx.lines.lineCount);
  const comments = [...ctx.comments].sort((a, b) => a.start - b.start);
  let ci = 0;
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    while (ci < comments.length && comments[ci].end <= i) ci++;
    if (ci < comments.length && comments[ci].start <= i) {
      // Skip the comment, counting the line breaks inside it.
      const end = comments[ci].end;
      for (; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
      }
      i--;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    else if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12 && c !== 0xa0 && c !== 0xfeff) flags[line] = 1;
  }
  return flags;
}

function supHit(ruleId: string, start: number, end: number, message: string): Hit {
  return { ruleId, tier: ruleById(ruleId)?.tier ?? 'high', start, end, message, evasion: [], related: [] };
}
