/**
 * Quick fixes of waivers.md §4 as minimal text edits (offsets into the current text). Every fix keeps
 * comments and formatting: values are replaced in place, new keys are inserted on their own lines (or
 * inside the inline table), removals take whole lines.
 */
import { addDays, daysBetween, isIsoDate } from '../common/dates';
import { entryLayout, type EntryLayout } from './layout';
import type { Span } from './locator';
import { BEAD_RE, SCOPES, type EntryResult, type Problem } from './model';
import type { WaiverFileResult } from './validate';
import { QUARANTINE_KIND, WAIVER_KIND, type EntryKind } from './messages';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface QuickFix {
  title: string;
  /** The diagnostic code the fix answers. */
  code: string;
  edits: TextEdit[];
  isPreferred?: boolean;
  /** Range to select after the edits are applied (offsets into the edited text). */
  selection?: Span;
}

export const RENEWAL_PLACEHOLDER = '<why more time is needed>';

export function quoteToml(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** Applies non-overlapping edits (any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Maps a range inside `edit.newText` to offsets in the edited text. */
function selectionIn(edits: readonly TextEdit[], edit: TextEdit, from: number, to: number): Span {
  let shift = 0;
  for (const e of edits) if (e !== edit && e.start < edit.start) shift += e.newText.length - (e.end - e.start);
  return { start: edit.start + shift + from, end: edit.start + shift + to };
}

/** Normalises an unambiguous near-date (`2026-2-5`, `2026/02/05`, `20260205`, `2026-02-05T10:00:00Z`). */
export function normaliseDate(value: string): string | undefined {
  const v = value.trim();
  const pad = (s: string): string => s.padStart(2, '0');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  let out: string | undefined;
  if (m) out = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(v))) out = `${m[1]}-${m[2]}-${m[3]}`;
  else if ((m = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.exec(v))) out = m[1];
  return out !== undefined && out !== value && isIsoDate(out) ? out : undefined;
}

interface FixContext {
  result: WaiverFileResult;
  entry: EntryResult;
  kind: EntryKind;
  layout: EntryLayout | undefined;
  today: string;
  knownGates: readonly string[];
}

function valueEdit(ctx: FixContext, key: string, value: string): TextEdit | undefined {
  const e = ctx.layout?.fields.get(key);
  if (!e) return undefined;
  const quoteChar = e.raw.startsWith("'") && !e.raw.startsWith("'''") && !value.includes("'") ? "'" : '"';
  return { start: e.value.start, end: e.value.end, newText: quoteChar === "'" ? `'${value}'` : quoteToml(value) };
}

function insertEdit(ctx: FixContext, pairs: [string, string][]): TextEdit | undefined {
  if (!ctx.layout || pairs.length === 0) return undefined;
  return { start: ctx.layout.insertAt, end: ctx.layout.insertAt, newText: ctx.layout.render(pairs.map(([k, v]) => [k, quoteToml(v)])) };
}

/** Sets `renewal_note` to the placeholder (replacing or inserting) and returns the edit plus where the placeholder sits in it. */
function renewalNoteEdit(ctx: FixContext): { edit: TextEdit; from: number; to: number } | undefined {
  const existing = valueEdit(ctx, 'renewal_note', RENEWAL_PLACEHOLDER);
  const edit = existing ?? insertEdit(ctx, [['renewal_note', RENEWAL_PLACEHOLDER]]);
  if (!edit) return undefined;
  const from = edit.newText.lastIndexOf(RENEWAL_PLACEHOLDER);
  return { edit, from, to: from + RENEWAL_PLACEHOLDER.length };
}

function renewal(ctx: FixContext, title: string, values: [string, string][]): QuickFix | undefined {
  const edits: TextEdit[] = [];
  for (const [k, v] of values) {
    const e = valueEdit(ctx, k, v);
    if (!e) return undefined;
    edits.push(e);
  }
  const note = renewalNoteEdit(ctx);
  if (!note) return undefined;
  edits.push(note.edit);
  return { title, code: '', edits, selection: selectionIn(edits, note.edit, note.from, note.to) };
}

function defaultFieldValue(ctx: FixContext, key: string): string {
  const { today, entry } = ctx;
  switch (key) {
    case 'created':
    case 'quarantined':
      return today;
    case 'expires': {
      if (!entry.created) return addDays(today, 14);
      const plus14 = addDays(entry.created, 14);
      return daysBetween(today, plus14) >= 0 ? plus14 : addDays(entry.created, ctx.kind.maxDays);
    }
    case 'owner':
      return '<owner>';
    case 'bead':
      return '<bd-id>';
    case 'scope':
      return '<full|preflight|both>';
    case 'remove_when':
      return '<objective exit condition>';
    default:
      return `<${key}>`;
  }
}

function removeEntryFix(ctx: FixContext): QuickFix | undefined {
  if (!ctx.layout) return undefined;
  return {
    title: ctx.kind.kind === 'waiver' ? 'Remove waiver' : 'Remove quarantine entry',
    code: '',
    edits: ctx.layout.removal.map((s) => ({ start: s.start, end: s.end, newText: '' })),
  };
}

function fixesFor(ctx: FixContext, problem: Problem): QuickFix[] {
  const out: (QuickFix | undefined)[] = [];
  const suffix = problem.code.slice(problem.code.indexOf('-') + 1);
  const { entry, today, kind } = ctx;
  const raw = (k: string): string | null => entry.raw[k] ?? null;
  const createdKey = kind.createdKey;
  switch (suffix) {
    case 'MISSING-FIELD': {
      const missing = kind.required.filter((k) => !ctx.layout?.fields.has(k) && raw(k) === null);
      const edit = insertEdit(ctx, missing.map((k) => [k, defaultFieldValue(ctx, k)]));
      if (edit && missing.length > 0) out.push({ title: `Insert missing field(s): ${missing.join(', ')}`, code: '', edits: [edit], isPreferred: true });
      break;
    }
    case 'NOT-STRING': {
      const field = problem.field ?? '';
      const e = ctx.layout?.fields.get(field);
      const info = problem.notString;
      if (!e || !info || info.kind === 'array' || info.kind === 'table') break;
      const value = info.kind === 'date' ? (info.datePart ?? e.raw) : e.raw.trim();
      out.push({ title: `Quote the value: ${field} = "${value}"`, code: '', edits: [{ start: e.value.start, end: e.value.end, newText: quoteToml(value) }], isPreferred: true });
      break;
    }
    case 'DATE-FORMAT': {
      const field = problem.field ?? '';
      const v = raw(field);
      const norm = v === null ? undefined : normaliseDate(v);
      const edit = norm ? valueEdit(ctx, field, norm) : undefined;
      if (edit && norm) out.push({ title: `Change to "${norm}"`, code: '', edits: [edit], isPreferred: true });
      break;
    }
    case 'DATE-ORDER': {
      const c = raw(createdKey);
      const x = raw('expires');
      if (c === null || x === null) break;
      const swappedOk = daysBetween(x, c) <= kind.maxDays && (kind.kind !== 'waiver' || daysBetween(today, x) <= 1);
      const a = valueEdit(ctx, createdKey, x);
      const b = valueEdit(ctx, 'expires', c);
      if (swappedOk && a && b) out.push({ title: `Swap ${createdKey} and expires`, code: '', edits: [a, b], isPreferred: true });
      break;
    }
    case 'DURATION': {
      if (!entry.created) break;
      const clamp = addDays(entry.created, kind.maxDays);
      const edit = valueEdit(ctx, 'expires', clamp);
      if (edit) out.push({ title: `Set expires to ${clamp} (${createdKey} + ${kind.maxDays} days)`, code: '', edits: [edit], isPreferred: true });
      if (kind.kind === 'waiver') out.push(renewal(ctx, 'Renew from today (new created date)', [['created', today], ['expires', addDays(today, 14)]]));
      break;
    }
    case 'CREATED-FUTURE': {
      const edit = valueEdit(ctx, 'created', today);
      if (edit) out.push({ title: `Set created to ${today}`, code: '', edits: [edit], isPreferred: true });
      break;
    }
    case 'SCOPE': {
      const v = raw('scope') ?? '';
      const folded = v.trim().toLowerCase();
      const order = [...SCOPES].sort((a, b) => Number(b === folded) - Number(a === folded));
      for (const s of order) {
        const edit = valueEdit(ctx, 'scope', s);
        if (edit) out.push({ title: `Change scope to "${s}"`, code: '', edits: [edit], isPreferred: s === folded });
      }
      break;
    }
    case 'BEAD': {
      const v = raw('bead') ?? '';
      const lower = v.toLowerCase();
      if (lower !== v && (BEAD_RE.test(lower) || BEAD_RE.test(`bd-${lower}`))) {
        const edit = valueEdit(ctx, 'bead', BEAD_RE.test(lower) ? lower : `bd-${lower}`);
        if (edit) out.push({ title: 'Lowercase bead', code: '', edits: [edit], isPreferred: true });
      }
      if (!lower.startsWith('bd-')) {
        const candidate = `bd-${v.replace(/^bd[_ ]?/i, '')}`;
        const fixed = BEAD_RE.test(candidate) ? candidate : BEAD_RE.test(candidate.toLowerCase()) ? candidate.toLowerCase() : undefined;
        const edit = fixed ? valueEdit(ctx, 'bead', fixed) : undefined;
        if (edit) out.push({ title: 'Add the bd- prefix', code: '', edits: [edit] });
      }
      break;
    }
    case 'UNKNOWN-KEY': {
      const key = problem.field ?? '';
      const e = ctx.layout?.fields.get(key);
      if (!e) break;
      const seg = e.keySegments[e.keySegments.length - 1];
      if (problem.nearest && !ctx.layout?.fields.has(problem.nearest)) {
        out.push({ title: `Rename to "${problem.nearest}"`, code: '', edits: [{ start: seg.start, end: seg.end, newText: problem.nearest }], isPreferred: true });
      }
      const edit = removeKeyEdit(ctx, key);
      if (edit) out.push({ title: `Remove unknown key "${key}"`, code: '', edits: [edit] });
      break;
    }
    case 'UNKNOWN-GATE': {
      const nearest = problem.nearest;
      if (!nearest || !ctx.layout || ctx.result.waivers.some((w) => w.id === nearest)) break;
      out.push({
        title: `Rename to "${nearest}"`,
        code: '',
        edits: ctx.layout.idSegments.map((s) => ({ start: s.start, end: s.end, newText: nearest })),
        isPreferred: true,
      });
      break;
    }
    case 'EXPIRED':
    case 'EXPIRING': {
      if (kind.kind === 'waiver' && entry.created && entry.expires) {
        const limit = addDays(entry.created, kind.maxDays);
        if (daysBetween(entry.expires, limit) > 0 && daysBetween(today, limit) >= 0) {
          out.push(renewal(ctx, `Extend to ${limit} (30-day limit)`, [['expires', limit]]));
        }
        out.push(renewal(ctx, 'Renew from today (new created date)', [['created', today], ['expires', addDays(today, 14)]]));
      }
      out.push(removeEntryFix(ctx));
      break;
    }
    default:
      break;
  }
  return out.filter((f): f is QuickFix => f !== undefined).map((f) => ({ ...f, code: problem.code }));
}

function removeKeyEdit(ctx: FixContext, key: string): TextEdit | undefined {
  const e = ctx.layout?.fields.get(key);
  if (!e) return undefined;
  const text = ctx.result.text;
  if (ctx.layout?.form === 'inline') {
    // `, key = v` or `key = v, `
    let start = e.key.start;
    let end = e.value.end;
    let j = end;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] === ',') {
      end = j + 1;
      while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    } else {
      let k = start;
      while (k > 0 && (text[k - 1] === ' ' || text[k - 1] === '\t')) k--;
      if (text[k - 1] === ',') start = k - 1;
    }
    return { start, end, newText: '' };
  }
  let s = e.key.start;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  let end = e.value.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (end < text.length) end++;
  return { start: s, end, newText: '' };
}

/** "Select value" for WVR-EMPTY / WVR-PLACEHOLDER: no edit, just the string's content to select. */
function selectValue(ctx: FixContext, problem: Problem): QuickFix | undefined {
  const e = problem.field ? ctx.layout?.fields.get(problem.field) : undefined;
  if (!e) return undefined;
  const q = e.raw.startsWith('"""') || e.raw.startsWith("'''") ? 3 : 1;
  return { title: 'Select value', code: problem.code, edits: [], selection: { start: e.value.start + q, end: Math.max(e.value.start + q, e.value.end - q) } };
}

export interface FixOptions {
  today: string;
  knownGates: readonly string[];
}

/** Quick fixes for one problem of one entry (waiver or quarantine). */
export function quickFixes(result: WaiverFileResult, entry: EntryResult, problem: Problem, opts: FixOptions): QuickFix[] {
  const kind = entry.kind === 'waiver' ? WAIVER_KIND : QUARANTINE_KIND;
  const layout = entryLayout(result.text, result.location, kind.table, entry.id);
  const ctx: FixContext = { result, entry, kind, layout, today: opts.today, knownGates: opts.knownGates };
  const suffix = problem.code.slice(problem.code.indexOf('-') + 1);
  if (suffix === 'EMPTY' || suffix === 'PLACEHOLDER') {
    const sel = selectValue(ctx, problem);
    return sel ? [sel] : [];
  }
  return fixesFor(ctx, problem);
}

/** All fixes of an entry, per problem (used for "Remove waiver" on expired / expiring waivers too). */
export function entryFixes(result: WaiverFileResult, entry: EntryResult, opts: FixOptions): { problem: Problem; fixes: QuickFix[] }[] {
  return entry.problems.map((problem) => ({ problem, fixes: quickFixes(result, entry, problem, opts) }));
}

/** The entry whose problem sits at `offset` (for code actions on a range). */
export function entryAt(result: WaiverFileResult, offset: number): EntryResult | undefined {
  for (const list of [result.waivers, result.quarantine]) {
    for (const e of list) if (e.problems.some((p) => p.span.start <= offset && offset <= p.span.end)) return e;
  }
  return undefined;
}

