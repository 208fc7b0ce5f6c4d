/**
 * Where an entry's keys live in the text (header table, inline table or dotted keys), so that edits can
 * insert, replace and remove lines while keeping comments and formatting.
 */
import type { LocEntry, Span, TomlLocation } from './locator';

export interface EntryLayout {
  form: 'header' | 'inline' | 'dotted';
  /** Field name → its entry (the key/value pair that defines it). */
  fields: Map<string, LocEntry>;
  /** Offset where new `key = value` text goes, and how to write one field there. */
  insertAt: number;
  render(pairs: readonly [string, string][]): string;
  /** Spans to delete to remove the whole entry (sorted, non-overlapping). */
  removal: Span[];
  /** Spans of the table-key segment holding the id (header segments, dotted segments). */
  idSegments: Span[];
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset of the line break ending the line that holds `offset` (or the text length). */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Past the line break ending the line that holds `offset`. */
export function nextLineStart(text: string, offset: number): number {
  const e = lineEndAt(text, offset);
  if (text[e] === '\r' && text[e + 1] === '\n') return e + 2;
  return e < text.length ? e + 1 : e;
}

function indentOf(text: string, offset: number): string {
  const s = lineStartAt(text, offset);
  let i = s;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(s, i);
}

function samePrefix(path: readonly string[], prefix: readonly string[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Layout of `[table.id]` (e.g. `waiver`, `ext_must_pass`); undefined when it cannot be located. */
export function entryLayout(text: string, loc: TomlLocation, table: string, id: string): EntryLayout | undefined {
  const base = [table, id];
  const eol = eolOf(text);
  const fields = new Map<string, LocEntry>();
  const idSegments: Span[] = [];
  for (const ct of loc.containers) {
    if ((ct.kind === 'header' || ct.kind === 'array-header') && samePrefix(ct.path, base) && ct.segments[1]) idSegments.push(ct.segments[1]);
  }
  const related = loc.entries.filter((e) => samePrefix(e.path, base));
  for (const e of related) {
    if (e.path.length === 3 && !fields.has(e.path[2])) fields.set(e.path[2], e);
    if (e.parentLength <= 1 && e.keySegments[1 - e.parentLength]) idSegments.push(e.keySegments[1 - e.parentLength]);
  }

  const header = loc.headers(base).find((h) => h.kind === 'header');
  if (header) {
    const own = header.entries.map((i) => loc.entries[i]);
    const last = own[own.length - 1];
    const anchor = last ? last.value.end : header.span.end;
    const insertAt = lineEndAt(text, anchor);
    const indent = last ? indentOf(text, last.key.start) : '';
    const start = lineStartAt(text, header.span.start);
    let end = nextLineStart(text, anchor);
    // Also take one blank line that follows, so the file keeps a single blank line between tables.
    const afterBlank = nextLineStart(text, end);
    if (end < text.length && text.slice(end, lineEndAt(text, end)).trim() === '' && afterBlank > end) end = afterBlank;
    return {
      form: 'header',
      fields,
      insertAt,
      render: (pairs) => pairs.map(([k, v]) => `${eol}${indent}${k} = ${v}`).join(''),
      removal: [{ start, end }],
      idSegments: mergeSpans(idSegments),
    };
  }
  const inlineEntry = loc.entry(base);
  if (inlineEntry && inlineEntry.valueKind === 'inline-table') {
    const ct = loc.containers.find((c) => c.kind === 'inline' && c.span.start === inlineEntry.value.start);
    const own = ct ? ct.entries.map((i) => loc.entries[i]) : [];
    const last = own[own.length - 1];
    const insertAt = last ? last.value.end : inlineEntry.value.start + 1;
    return {
      form: 'inline',
      fields,
      insertAt,
      render: (pairs) =>
        last ? pairs.map(([k, v]) => `, ${k} = ${v}`).join('') : ` ${pairs.map(([k, v]) => `${k} = ${v}`).join(', ')} `,
      removal: [{ start: lineStartAt(text, inlineEntry.key.start), end: nextLineStart(text, inlineEntry.value.end) }],
      idSegments: mergeSpans(idSegments),
    };
  }
  const dotted = related.filter((e) => e.path.length >= 3 && e.parentLength < 2);
  if (dotted.length > 0) {
    const last = dotted[dotted.length - 1];
    const lastSeg = last.keySegments[last.keySegments.length - 1];
    const prefix = text.slice(last.key.start, lastSeg.start);
    const indent = indentOf(text, last.key.start);
    return {
      form: 'dotted',
      fields,
      insertAt: lineEndAt(text, last.value.end),
      render: (pairs) => pairs.map(([k, v]) => `${eol}${indent}${prefix}${k} = ${v}`).join(''),
      removal: mergeSpans(dotted.map((e) => ({ start: lineStartAt(text, e.key.start), end: nextLineStart(text, e.value.end) }))),
      idSegments: mergeSpans(idSegments),
    };
  }
  return undefined;
}
