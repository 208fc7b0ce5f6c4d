/**
 * Staged validation of `tests/suite_classification.toml` (waivers.md §4, §5, §10):
 * stage 1 syntax (smol-toml), stage 2 shape (zod), stage 3 semantics (dates, scope, bead, status).
 */
import { parse, TomlDate, TomlError } from 'smol-toml';
import { z } from 'zod';
import { parseIsoDate } from '../common/dates';
import { LineIndex } from '../common/lineIndex';
import { locateToml, type Span, type TomlLocation } from './locator';
import { msg, QUARANTINE_KIND, WAIVER_KIND, type EntryKind } from './messages';
import {
  BEAD_RE,
  CODE_ORDER,
  DATE_FORM_RE,
  LANES,
  QUARANTINE_CATEGORIES,
  SCOPES,
  SELF_GATE,
  type EntryResult,
  type Lane,
  type NotStringKind,
  type Problem,
  type Scope,
  type Severity,
  type Status,
  type SyntaxError,
  type ValidationOptions,
} from './model';
import { nearestName } from './nearest';

export interface WaiverFileResult {
  text: string;
  today: string;
  syntax: SyntaxError | null;
  waivers: EntryResult[];
  quarantine: EntryResult[];
  suiteProblems: Problem[];
  location: TomlLocation;
  lines: LineIndex;
}

type TomlObject = Record<string, unknown>;

export function isTomlTable(v: unknown): v is TomlObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const PLACEHOLDER_WORDS = new Set(['yourname', 'todo', 'tbd', 'xxx', 'bd-xxxx']);
const PLACEHOLDER_MAX = Math.max(...[...PLACEHOLDER_WORDS].map((w) => w.length));

export function isPlaceholder(value: string): boolean {
  const t = value.trim();
  if (t.length >= 2 && t.charCodeAt(0) === 60 /* < */ && t.charCodeAt(t.length - 1) === 62 /* > */) return true;
  return t.length <= PLACEHOLDER_MAX && PLACEHOLDER_WORDS.has(t.toLowerCase());
}

/** parseIsoDate with a small per-run memo (real files repeat the same dates). */
function dayOf(memo: Map<string, number | undefined>, text: string): number | undefined {
  if (memo.has(text)) return memo.get(text);
  const d = parseIsoDate(text);
  if (memo.size < 4096) memo.set(text, d);
  return d;
}

/** zod shape of one entry: every known key a string, required keys present, anything else allowed (UNKNOWN-KEY). */
function entryShape(kind: EntryKind): z.ZodType<TomlObject> {
  const fields: Record<string, z.ZodType> = {};
  for (const k of kind.required) fields[k] = z.string();
  for (const k of kind.optional) fields[k] = z.string().optional();
  return z.object(fields).catchall(z.unknown()) as unknown as z.ZodType<TomlObject>;
}
const SHAPES = { waiver: entryShape(WAIVER_KIND), quarantine: entryShape(QUARANTINE_KIND) };

const codeRank = new Map<string, number>(CODE_ORDER.map((c, i) => [c, i]));
function rank(code: string): number {
  return codeRank.get(code.slice(code.indexOf('-') + 1)) ?? CODE_ORDER.length;
}

function parserMessage(e: TomlError): string {
  const first = e.message.split('\n')[0] ?? e.message;
  return first.replace(/^Invalid TOML document:\s*/, '');
}

function valueKindOf(v: unknown, raw: string | undefined): { kind: NotStringKind; datePart?: string } {
  if (v instanceof TomlDate || v instanceof Date) {
    const d = v as TomlDate;
    const isTime = typeof d.isTime === 'function' && d.isTime();
    if (isTime) return { kind: 'time' };
    const m = raw ? /^\d{4}-\d{2}-\d{2}/.exec(raw) : null;
    return { kind: 'date', datePart: m ? m[0] : Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10) };
  }
  if (typeof v === 'boolean') return { kind: 'boolean' };
  if (typeof v === 'bigint') return { kind: 'integer' };
  if (typeof v === 'number') {
    const r = (raw ?? String(v)).toLowerCase();
    const isFloat = !/^[+-]?0[xob]/.test(r) && (/[.e]/.test(r) || /inf|nan/.test(r));
    return { kind: isFloat ? 'float' : 'integer' };
  }
  if (Array.isArray(v)) return { kind: 'array' };
  return { kind: 'table' };
}

function sortProblems(problems: Problem[]): Problem[] {
  if (problems.length < 2) return problems;
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.code) - rank(b.p.code) || a.i - b.i)
    .map((x) => x.p);
}

export function appliesIn(id: string, status: Status, scope: Scope | null): Lane[] {
  if (id === SELF_GATE || scope === null) return [];
  if (status !== 'active' && status !== 'expiring_soon') return [];
  return LANES.filter((l) => scope === 'both' || scope === l);
}

interface EntryCtx {
  kind: EntryKind;
  id: string | null;
  loc: TomlLocation;
  header: Span;
  problems: Problem[];
}

function addProblem(c: EntryCtx, code: string, severity: Severity, field: string | null, message: string, span: Span, extra?: Partial<Problem>): void {
  const p: Problem = { code: `${c.kind.prefix}-${code}`, severity, field, message, span };
  if (extra) Object.assign(p, extra);
  c.problems.push(p);
}

function keyPath(c: EntryCtx, key: string): string[] {
  return c.id === null ? [c.kind.table, key] : [c.kind.table, c.id, key];
}

function valueSpanOf(c: EntryCtx, key: string): Span {
  const p = keyPath(c, key);
  return c.loc.entry(p)?.value ?? c.loc.definition(p) ?? c.header;
}

function keySpanOf(c: EntryCtx, key: string): Span {
  const p = keyPath(c, key);
  return c.loc.entry(p)?.key ?? c.loc.definition(p) ?? c.header;
}

/** Gate / key checks (stage 2, table level). */
function gateChecks(c: EntryCtx, knownGate: boolean, opts: ValidationOptions): void {
  const id = c.id;
  if (id === null) return;
  if (c.kind.kind === 'waiver') {
    if (!knownGate) {
      const nearest = nearestName(id, opts.knownGates, 3);
      addProblem(c, 'UNKNOWN-GATE', 'warning', null, msg.unknownGate(id, nearest), c.header, nearest ? { nearest } : undefined);
    }
    if (id === SELF_GATE) addProblem(c, 'SELF', 'warning', null, msg.self(), c.header);
  } else if (!/^[A-Za-z0-9_]+$/.test(id)) {
    addProblem(c, 'KEY', 'warning', null, msg.quarantineKey(id), c.header);
  }
}

const ALL_KEYS = { waiver: [...WAIVER_KIND.required, ...WAIVER_KIND.optional], quarantine: [...QUARANTINE_KIND.required, ...QUARANTINE_KIND.optional] };

function validateEntry(
  kind: EntryKind,
  id: string | null,
  value: unknown,
  loc: TomlLocation,
  opts: ValidationOptions,
  fallback: Span,
  todayDay: number,
  known: ReadonlySet<string>,
  dateMemo: Map<string, number | undefined>,
): EntryResult {
  const table = kind.table;
  const header = (id === null ? loc.definition([table]) : loc.definition([table, id])) ?? fallback;
  const problems: Problem[] = [];
  const c: EntryCtx = { kind, id, loc, header, problems };
  const idText = id ?? '';
  const knownGate = kind.kind === 'waiver' ? known.has(idText) : false;
  const raw: Record<string, string | null> = {};
  const allKeys = ALL_KEYS[kind.kind];
  for (const k of allKeys) raw[k] = null;

  if (!isTomlTable(value)) {
    addProblem(c, 'NOT-TABLE', 'error', null, msg.notTable(kind, id), header);
    gateChecks(c, knownGate, opts);
    const sorted = sortProblems(problems);
    return {
      kind: kind.kind,
      id: idText,
      header,
      status: 'invalid',
      detail: sorted.find((p) => p.severity === 'error')?.message ?? '',
      knownGate,
      scope: null,
      appliesIn: [],
      problems: sorted,
      raw,
    };
  }

  // Stage 2: shape (zod decides which fields are missing / not strings).
  const shape = SHAPES[kind.kind].safeParse(value);
  // Plain arrays: most entries have no shape issue at all, and a Set per entry is costly at 1,000 waivers.
  const badType: string[] = [];
  const missing: string[] = [];
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (!key) continue;
      if (!(key in value) || value[key] === undefined) missing.push(key);
      else badType.push(key);
    }
  }
  const missingOrdered = missing.length === 0 ? missing : kind.required.filter((k) => missing.includes(k));
  if (missingOrdered.length > 0) addProblem(c, 'MISSING-FIELD', 'error', null, msg.missing(missingOrdered), header);

  const passed: Record<string, string> = {};
  const knownKeys = allKeys;
  for (const key of knownKeys) {
    if (!(key in value)) continue;
    const v = value[key];
    if (typeof v === 'string') raw[key] = v;
    if (typeof v !== 'string' || badType.includes(key)) {
      const entry = loc.entry(keyPath(c, key));
      const info = valueKindOf(v, entry?.raw);
      const message = info.kind === 'date' ? msg.notStringDate(key, info.datePart ?? '') : msg.notString(key, info.kind);
      addProblem(c, 'NOT-STRING', 'error', key, message, valueSpanOf(c, key), { notString: info });
      continue;
    }
    if (v.trim() === '') {
      addProblem(c, 'EMPTY', 'error', key, msg.empty(key), valueSpanOf(c, key));
      continue;
    }
    if (kind.kind === 'waiver' && isPlaceholder(v)) {
      addProblem(c, 'PLACEHOLDER', 'error', key, msg.placeholder(key, v), valueSpanOf(c, key));
      continue;
    }
    passed[key] = v;
  }
  for (const key of Object.keys(value)) {
    if (knownKeys.includes(key)) continue;
    const nearest = nearestName(key, knownKeys, 2);
    addProblem(c, 'UNKNOWN-KEY', 'warning', key, msg.unknownKey(kind, key, idText), keySpanOf(c, key), nearest ? { nearest } : undefined);
  }
  gateChecks(c, knownGate, opts);

  // Stage 3: semantics on values that passed stage 2.
  const ck = kind.createdKey;
  const dates: Record<string, string> = {};
  const epoch: Record<string, number> = {};
  for (const key of [ck, 'expires']) {
    const v = passed[key];
    if (v === undefined) continue;
    const wellFormed = DATE_FORM_RE.test(v);
    const day = wellFormed ? dayOf(dateMemo, v) : undefined;
    if (!wellFormed) addProblem(c, 'DATE-FORMAT', 'error', key, msg.dateFormat(key, v), valueSpanOf(c, key));
    else if (day === undefined) addProblem(c, 'DATE-INVALID', 'error', key, msg.dateInvalid(key, v), valueSpanOf(c, key));
    else {
      dates[key] = v;
      epoch[key] = day;
    }
  }
  let scope: Scope | null = null;
  if (kind.kind === 'waiver' && passed.scope !== undefined) {
    if ((SCOPES as readonly string[]).includes(passed.scope)) scope = passed.scope as Scope;
    else addProblem(c, 'SCOPE', 'error', 'scope', msg.scope(passed.scope), valueSpanOf(c, 'scope'));
  }
  if (kind.kind === 'quarantine' && passed.category !== undefined && !(QUARANTINE_CATEGORIES as readonly string[]).includes(passed.category)) {
    addProblem(c, 'CATEGORY', 'error', 'category', msg.category(passed.category), valueSpanOf(c, 'category'));
  }
  if (passed.bead !== undefined && !BEAD_RE.test(passed.bead)) addProblem(c, 'BEAD', 'error', 'bead', msg.bead(passed.bead), valueSpanOf(c, 'bead'));
  const created = dates[ck];
  const expires = dates.expires;
  if (created !== undefined && expires !== undefined) {
    const duration = epoch.expires - epoch[ck];
    if (duration < 0) addProblem(c, 'DATE-ORDER', 'error', 'expires', msg.dateOrder(kind, created, expires), valueSpanOf(c, 'expires'));
    else if (duration > kind.maxDays) addProblem(c, 'DURATION', 'error', 'expires', msg.duration(kind, duration, created, expires), valueSpanOf(c, 'expires'));
    if (kind.kind === 'waiver' && epoch[ck] - todayDay > 1) {
      addProblem(c, 'CREATED-FUTURE', 'error', 'created', msg.createdFuture(created), valueSpanOf(c, 'created'));
    }
  }
  const d = expires !== undefined ? epoch.expires - todayDay : undefined;
  const hasError = problems.some((p) => p.severity === 'error');
  let status: Status;
  let detail: string;
  if (hasError || d === undefined) {
    status = 'invalid';
    detail = sortProblems(problems).find((p) => p.severity === 'error')?.message ?? '';
  } else if (d < 0) {
    status = 'expired';
    detail = msg.expired(kind, d, passed.owner ?? '', passed.bead ?? '');
    addProblem(c, 'EXPIRED', 'error', 'expires', detail, valueSpanOf(c, 'expires'));
  } else if (d <= kind.soonDays) {
    status = 'expiring_soon';
    detail = msg.expiring(kind, d, passed.owner ?? '', passed.bead ?? '');
    addProblem(c, 'EXPIRING', 'warning', 'expires', detail, valueSpanOf(c, 'expires'));
  } else {
    status = 'active';
    detail = msg.active(d);
  }
  const result: EntryResult = {
    kind: kind.kind,
    id: idText,
    header,
    status,
    detail,
    knownGate,
    scope,
    appliesIn: kind.kind === 'waiver' ? appliesIn(idText, status, scope) : [],
    problems: sortProblems(problems),
    raw,
  };
  if (d !== undefined) result.daysRemaining = d;
  if (created !== undefined) result.created = created;
  if (expires !== undefined) result.expires = expires;
  return result;
}

function validateEntries(kind: EntryKind, doc: TomlObject, loc: TomlLocation, opts: ValidationOptions): EntryResult[] {
  if (!(kind.table in doc)) return [];
  const top = doc[kind.table];
  const fallback = { start: 0, end: 0 };
  const todayDay = parseIsoDate(opts.today);
  if (todayDay === undefined) throw new RangeError(`today is not a date: ${opts.today}`);
  const known = new Set(opts.knownGates);
  const dateMemo = new Map<string, number | undefined>();
  if (!isTomlTable(top)) return [validateEntry(kind, null, top, loc, opts, fallback, todayDay, known, dateMemo)];
  const ids = Object.keys(top);
  // Document order (object key order puts integer-like keys first).
  const pos = (id: string): number => loc.definition([kind.table, id])?.start ?? Number.MAX_SAFE_INTEGER;
  ids.sort((a, b) => pos(a) - pos(b));
  const tableSpan = loc.definition([kind.table]) ?? fallback;
  return ids.map((id) => validateEntry(kind, id, top[id], loc, opts, tableSpan, todayDay, known, dateMemo));
}

const SUITES = ['unit', 'vcr', 'e2e'] as const;

function validateSuites(doc: TomlObject, loc: TomlLocation): Problem[] {
  const problems: Problem[] = [];
  const suite = doc.suite;
  const fileStart = { start: 0, end: 0 };
  const suiteSpan = loc.definition(['suite']) ?? fileStart;
  const seen = new Map<string, string>();
  if (suite !== undefined && !isTomlTable(suite)) {
    problems.push({ code: 'SUITE-SHAPE', severity: 'error', field: null, message: '"suite" must be a table of suites', span: suiteSpan });
    return problems;
  }
  const tables = suite ?? {};
  const names = Object.keys(tables).sort(
    (a, b) => (loc.definition(['suite', a])?.start ?? 0) - (loc.definition(['suite', b])?.start ?? 0),
  );
  for (const name of names) {
    const t = tables[name];
    const head = loc.definition(['suite', name]) ?? suiteSpan;
    if (!isTomlTable(t)) {
      problems.push({ code: 'SUITE-SHAPE', severity: 'error', field: null, message: msg.suiteNotTable(name), span: head });
      continue;
    }
    const files = t.files;
    const entry = loc.entry(['suite', name, 'files']);
    const ok = Array.isArray(files) && files.every((f) => typeof f === 'string' && f.trim() !== '');
    if (!ok) {
      problems.push({ code: 'SUITE-SHAPE', severity: 'error', field: 'files', message: msg.suiteShape(name), span: entry?.value ?? head });
      continue;
    }
    (files as string[]).forEach((stem, idx) => {
      const first = seen.get(stem);
      if (first !== undefined) {
        const span = entry?.elements?.[idx] ?? entry?.value ?? head;
        const message = first === name ? msg.suiteDupSame(stem, name) : msg.suiteDupOther(stem, first, name);
        problems.push({ code: 'SUITE-DUP', severity: 'warning', field: 'files', message, span });
      } else seen.set(stem, name);
    });
  }
  for (const name of SUITES) {
    if (!(name in tables)) {
      problems.push({ code: 'SUITE-MISSING', severity: 'information', field: null, message: msg.suiteMissing(name), span: suiteSpan });
    }
  }
  return problems;
}

function syntaxErrorOf(e: unknown, text: string, lines: LineIndex, loc: TomlLocation): SyntaxError {
  let line = 1;
  let column = 1;
  let parser = e instanceof Error ? e.message : String(e);
  if (e instanceof TomlError) {
    line = e.line;
    column = e.column;
    parser = parserMessage(e);
  }
  const lineStart = lines.lineStart(line - 1);
  const offset = Math.min(text.length, lineStart + Math.max(0, column - 1));
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  let span: Span = { start: offset, end: Math.min(offset + 1, lineEnd) };
  let message = msg.syntax(parser);
  // A duplicate [waiver.X] table gets its own message, on the second header.
  for (const ct of loc.containers) {
    if (ct.kind !== 'header' || ct.path.length !== 2 || ct.path[0] !== 'waiver') continue;
    if (offset < ct.span.start || offset > ct.span.end) continue;
    const def = loc.definition(ct.path);
    if (def && def.start < ct.segments[1].start) {
      message = msg.duplicate(ct.path[1]);
      span = ct.span;
    }
    break;
  }
  const problem: Problem = { code: 'WVR-SYNTAX', severity: 'error', field: null, message, span };
  return { message, line, column, span, problem };
}

export function validateWaiverFile(text: string, opts: ValidationOptions): WaiverFileResult {
  const lines = new LineIndex(text);
  const location = locateToml(text);
  let doc: TomlObject;
  try {
    doc = parse(text) as TomlObject;
  } catch (e) {
    return {
      text,
      today: opts.today,
      syntax: syntaxErrorOf(e, text, lines, location),
      waivers: [],
      quarantine: [],
      suiteProblems: [],
      location,
      lines,
    };
  }
  return {
    text,
    today: opts.today,
    syntax: null,
    waivers: validateEntries(WAIVER_KIND, doc, location, opts),
    quarantine: validateEntries(QUARANTINE_KIND, doc, location, opts),
    suiteProblems: validateSuites(doc, location),
    location,
    lines,
  };
}

/** Every problem of the file in document order of entries (syntax, waivers, quarantine, suites). */
export function allProblems(result: WaiverFileResult): Problem[] {
  if (result.syntax) return [result.syntax.problem];
  return [
    ...result.waivers.flatMap((w) => w.problems),
    ...result.quarantine.flatMap((q) => q.problems),
    ...result.suiteProblems,
  ];
}
