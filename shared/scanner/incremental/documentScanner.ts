/**
 * The editor's scan of one open document, re-using work between versions (issue 3: a 5,000-line file
 * must update within 25 ms). An edit re-parses only the top-level statements it touches, re-analyses
 * only the statements whose findings it can change (with the statements their analysis needs), and
 * keeps every other statement's findings, moved to their new offsets. Whenever that cannot be
 * shown equivalent to a full scan (syntax errors, a mode change, cross-statement parser checks, an
 * analysis failure) it runs the full scan instead; tests compare both on random edits.
 */
import { Analyzer, finishAnalysis, type AnalysisFacts, type UnitAnalysis } from '../analysis';
import { VALUE_ESCAPE_RULES } from '../analysis/analyzer';
import { constructorFieldAssignments, fieldName, returnedExpression, type Nd } from '../analysis/ast';
import { holdsStringArray } from '../analysis/stringArray';
import { endsByLineBreak } from '../asi';
import { orderHits, scanParsed } from '../engine';
import { completeFileScan, documentScanOutput, sizeRefusal, type DocumentScanOutput, type FileScanOptions, type FileScanResult } from '../fileScan';
import { attemptOrder, parseSource, parseStrict, type ParsedSource, type SourceKind } from '../parse';
import type { Hit } from '../types';
import { affectedUnits, analysisContext, NameIndex } from './dependencies';
import { crossUnitConflict, summarizeUnit } from './summary';
import { classOfStatement, closedMember, globalOnlyChanges, memberWindow, resultsAround, resultsInside, stretchShell, widenSummary, withMembers } from './classMembers';
import { editMapping, endsClosed, mapResult, settleTile, shiftTree, tileStarts, type Tile } from './tiles';

interface State {
  path: string;
  text: string;
  mode: SourceKind;
  tiles: Tile[];
  /** Name index of `tiles` (built on the first edit). */
  index: NameIndex | null;
  /** The whole stripped text (kept as edited slices: V8 joins them only if it is read). */
  stripped: string;
}

/** What an attempted edit did: applied, refused before touching the state (window did not parse), or refused. */
type EditOutcome = 'applied' | 'unparsable' | 'unsupported';

/** How the last update was done (tests and the benchmark read it). */
export type UpdateKind = 'full' | 'incremental' | 'unchanged' | 'fallback';

const MAX_WINDOW_GROWTH = 8;

export class IncrementalFileScanner {
  private state: State | null = null;
  lastUpdate: UpdateKind = 'full';
  /** Statements analysed (reported / as context) by the last update. */
  lastAnalysed = { reported: 0, context: 0 };
  /** True when the last incremental update re-parsed only members of one class (tests read it). */
  lastInClass = false;

  scan(text: string, options: FileScanOptions): FileScanResult {
    const refused = sizeRefusal(text, options);
    if (refused) {
      this.state = null;
      return refused;
    }
    return completeFileScan(text, options, this.document(text, options));
  }

  private document(text: string, options: FileScanOptions): DocumentScanOutput {
    const input = { text, path: options.relativePath, policy: options.policy, extensionId: options.extensionId };
    const state = this.state;
    this.lastInClass = false;
    if (state && state.path === options.relativePath) {
      if (state.text === text) {
        this.lastUpdate = 'unchanged';
        return merge(state, options);
      }
      let outcome: EditOutcome = 'unsupported';
      try {
        outcome = this.edit(state, text);
        if (outcome === 'applied') {
          this.lastUpdate = 'incremental';
          return merge(state, options);
        }
      } catch {
        // Falls through to the full scan, which reports what went wrong.
      }
      this.lastUpdate = 'fallback';
      // A window that does not parse left the state untouched: while the file stays broken it is
      // kept, so the edit that repairs it is again a small difference from the last clean version.
      if (outcome !== 'unparsable') this.state = null;
    } else {
      this.lastUpdate = 'full';
      this.state = null;
    }
    const parsed = parseSource(text, options.relativePath);
    if (parsed.mode === 'tolerant' && this.state) return documentScanOutput(scanParsed(parsed, input));
    this.state = null;
    const fresh = incrementalStart(parsed, options.relativePath, text);
    if (fresh) {
      try {
        analyse(fresh, fresh.tiles.map((_, i) => i), new Set(fresh.tiles.map((_, i) => i)));
        this.lastAnalysed = { reported: fresh.tiles.length, context: fresh.tiles.length };
        this.state = fresh;
        return merge(fresh, options);
      } catch {
        // The full scan below reports the failure (SEC-SCAN-001).
      }
    }
    return documentScanOutput(scanParsed(parsed, input));
  }

  /** Applies an edit in place, or says why only a full scan can give the right answer. */
  private edit(state: State, text: string): EditOutcome {
    const old = state.text;
    const tiles = state.tiles;
    const { prefix: p, suffix: s } = commonEnds(old, text);
    const oldEnd = old.length - s;
    const delta = text.length - old.length;
    const inClass = memberEdit(state, text, p, oldEnd, delta);
    this.lastInClass = inClass?.outcome === 'applied';
    if (inClass) {
      this.lastAnalysed = inClass.analysed;
      return inClass.outcome;
    }

    let a = 0;
    while (a < tiles.length - 1 && tiles[a].end < p) a++;
    let b = a;
    while (b < tiles.length - 1 && tiles[b + 1].start <= oldEnd) b++;
    while (a > 0 && mayContinueInto(tiles[a - 1], text, tiles[a].start)) a--;

    let fresh: Tile[] | undefined;
    let window: ParsedSource | undefined;
    let windowStart = 0;
    let windowEnd = 0;
    for (let attempt = 0; attempt <= MAX_WINDOW_GROWTH; attempt++) {
      windowStart = tiles[a].start;
      windowEnd = tiles[b].end + delta;
      // A comment opened on the window's last line would run on into the next statement.
      if (b < tiles.length - 1 && mayOpenCommentOnLastLine(text, windowStart, windowEnd)) {
        b++;
        continue;
      }
      window = parseStrict(text.slice(windowStart, windowEnd), state.path, state.mode);
      if (!window) return 'unparsable';
      // Namespace members resolve across the file (`N.k`): such files are scanned whole, like string arrays.
      if (holdsStringArray(window.program.body as unknown as Nd[]) || window.namespaces.length > 0) return 'unsupported';
      const candidate = tilesOf(window, windowStart, windowEnd, state.mode, text);
      const last = candidate[candidate.length - 1];
      if (b < tiles.length - 1 && last && mayContinueInto(last, text, tiles[b + 1].start + delta)) {
        b++;
        continue;
      }
      fresh = candidate;
      break;
    }
    if (!fresh || !window) return 'unsupported';
    if (state.mode === 'script' && a === 0 && fresh.length > 0 && hasStrictDirective(fresh[0].stmt)) return 'unsupported';

    const removed = tiles.slice(a, b + 1);
    const prefix = tiles.slice(0, a);
    const suffix = tiles.slice(b + 1);
    for (const t of suffix) moveTile(t, delta);
    if (fresh.length === 0) {
      // The window now holds only comments and white space: a neighbour takes it over.
      const comments = window.comments.map((c) => ({ ...c, start: c.start + windowStart, end: c.end + windowStart }));
      if (prefix.length > 0) {
        const owner = { ...prefix[prefix.length - 1] };
        owner.end = windowEnd;
        owner.comments = [...owner.comments, ...comments];
        owner.stripped += window.strippedText;
        prefix[prefix.length - 1] = owner;
      } else if (suffix.length > 0) {
        const owner = suffix[0];
        owner.start = windowStart;
        owner.comments = [...comments, ...owner.comments];
        owner.stripped = window.strippedText + owner.stripped;
      } else return 'unsupported';
    }
    const next = [...prefix, ...fresh, ...suffix];
    if (next.length === 0 || crossUnitConflict(next.map((t) => t.summary), state.mode)) return 'unsupported';

    const seeds = new Set<number>();
    for (let i = prefix.length; i < prefix.length + fresh.length; i++) seeds.add(i);
    const linesMoved = countLineBreaks(old, p, oldEnd) !== countLineBreaks(text, p, oldEnd + delta);
    const { mapStart, mapEnd } = editMapping(p, oldEnd, delta);
    next.forEach((tile, i) => {
      if (seeds.has(i) || !tile.result) return;
      const mapped = mapResult(tile.result, mapStart, mapEnd);
      // Messages name declaration lines ("alias declared on line N"): re-derive them when lines moved.
      if (!mapped || (linesMoved && mapped.hits.some((h) => h.evasion.length > 0))) {
        tile.result = null;
        seeds.add(i);
      } else tile.result = mapped;
    });
    const before = state.index ?? new NameIndex(tiles.map((t) => t.summary));
    const index = new NameIndex(next.map((t) => t.summary));
    const stripped = state.stripped.slice(0, windowStart) + window.strippedText + state.stripped.slice(windowEnd - delta);
    const nextState: State = { ...state, text, tiles: next, index, stripped };
    // `pi` targets of the statements the edit removed: their functions may lose `pi`.
    const removedTargets = new Set<Nd>(removed.flatMap((t) => [...(t.piTargets ?? [])]));
    let reported = affectedUnits(index, before, removed.map((t) => t.summary), fresh.map((t) => t.summary), seeds);
    next.forEach((tile, i) => {
      if (removedTargets.has(tile.stmt)) reported.add(i);
    });
    const analysed = new Set<number>();
    let counts = { reported: 0, context: 0 };
    for (let round = 0; reported.size > 0 && round < next.length; round++) {
      const previousTargets = new Map<number, ReadonlySet<Nd>>();
      for (const i of reported) previousTargets.set(i, next[i].piTargets ?? (i >= prefix.length && i < prefix.length + fresh.length ? removedTargets : new Set()));
      const callers = piCallerIndex(next);
      const context = analysisContext(index, reported, (i) => callers.get(next[i].stmt) ?? []);
      analyse(nextState, context, reported);
      counts = { reported: counts.reported + reported.size, context: counts.context + context.length };
      for (const i of reported) analysed.add(i);
      // Functions that gained or lost a `pi` caller are re-analysed next (their callees after them).
      const changedTargets = new Set<Nd>();
      for (const i of reported) {
        const was = previousTargets.get(i)!;
        const now = next[i].piTargets!;
        for (const t of was) if (!now.has(t)) changedTargets.add(t);
        for (const t of now) if (!was.has(t)) changedTargets.add(t);
      }
      reported = new Set<number>();
      next.forEach((tile, i) => {
        if (changedTargets.has(tile.stmt) && !analysed.has(i)) reported.add(i);
      });
    }
    this.lastAnalysed = counts;
    state.text = text;
    state.tiles = next;
    state.index = index;
    state.stripped = stripped;
    return 'applied';
  }
}

/** The stand-in class whose body a member window is parsed as (offsets: window start minus its length). */
const MEMBER_WRAPPER = 'class _{';

/**
 * An edit inside the member list of a top-level class (see `classMembers.ts`): re-parses and
 * re-analyses only the members it touches. Null when that path does not apply (nothing changed
 * yet); 'unsupported' when it failed after changing the state (which the caller then discards).
 */
function memberEdit(state: State, text: string, p: number, oldEnd: number, delta: number): { outcome: EditOutcome; analysed: { reported: number; context: number } } | null {
  const tiles = state.tiles;
  const t = tileIndexAt(tiles, p);
  const tile = tiles[t];
  if (oldEnd > tile.end || tile.extras.length > 0 || !tile.result || !tile.piTargets || tile.piTargets.size > 0) return null;
  if (tiles.some((other) => !other.result)) return null;
  settleTile(tile);
  const cls = classOfStatement(tile.stmt);
  if (!cls) return null;
  const members = cls.body.body as Nd[];
  const strippedOld = (offset: number): string => tile.stripped[offset - tile.start] ?? '';
  const win = memberWindow(members, p, oldEnd, strippedOld);
  if (!win) return null;
  // Messages name declaration lines ("alias declared on line N"): the statement path re-derives them.
  const linesMoved = countLineBreaks(state.text, p, oldEnd) !== countLineBreaks(text, p, oldEnd + delta);
  if (linesMoved && tiles.some((other) => other.result!.hits.some((h) => h.evasion.length > 0))) return null;

  const newEnd = win.end + delta;
  const parsed = parseStrict(MEMBER_WRAPPER + text.slice(win.start, newEnd) + '\n}', state.path, state.mode);
  if (!parsed || parsed.extraExpressions.length > 0 || parsed.stripProblems.length > 0 || parsed.program.body.length !== 1) return null;
  const wrapper = parsed.program.body[0] as unknown as Nd;
  if (wrapper.type !== 'ClassDeclaration' || wrapper.body.body.length === 0) return null;
  const fresh = wrapper.body.body as Nd[];
  const shift = win.start - MEMBER_WRAPPER.length;
  for (const m of fresh) shiftTree(m, shift);
  const freshStripped = parsed.strippedText.slice(MEMBER_WRAPPER.length, MEMBER_WRAPPER.length + (newEnd - win.start));
  if (win.last + 1 < members.length && !closedMember(fresh[fresh.length - 1], (offset) => freshStripped[offset - win.start] ?? '')) return null;
  const untouched = [...members.slice(0, win.first), ...members.slice(win.last + 1)];
  const replaced = members.slice(win.first, win.last + 1);
  if (classLevelConflict(replaced, fresh, untouched)) return null;
  // Other members (static ones: other statements too) may resolve `this.k` through fields the window sets.
  if (fieldsReadElsewhere([...replaced, ...fresh], () => text.slice(cls.body.start, win.start) + text.slice(newEnd, cls.body.end + delta))) return null;
  // Other statements reach members through the class (`C.k`, `new C().k`, `class D extends C`, also
  // under another name): while the class is read elsewhere, a member name spelled elsewhere is read.
  const index = state.index ?? new NameIndex(tiles.map((other) => other.summary));
  const className = cls.id?.name as string | undefined;
  if (className && index.readersOf(className).some((i) => i !== t)) {
    const outside = text.slice(0, tile.start) + text.slice(tile.end + delta);
    if (valueNames([...replaced, ...fresh]).some((name) => memberNameRead(name, outside))) return null;
  }
  // A monitored value stored in a field is reported there only while no member reads the field.
  const setters = untouched.filter(setsFields);
  const inSetter = (x: { start: number; end: number }): boolean => setters.some((m) => x.start >= m.start && x.end <= m.end);
  if (setters.length > 0 && (tile.result.hits.some((h) => VALUE_ESCAPE_RULES.has(h.ruleId) && inSetter(h)) || tile.result.facts.capabilities.some((c) => c.source === 'pi' && inSetter(c)))) return null;
  // Module-level names read, written and used as before (globals aside): no other statement's findings change.
  const before = summarizeUnit(withMembers(tile.stmt, cls, members.slice(win.first, win.last + 1)), [], state.mode, state.text);
  const after = summarizeUnit(withMembers(tile.stmt, cls, fresh), [], state.mode, text);
  const globals = globalOnlyChanges(before, after, (name) => index.declarersOf(name).length > 0 || index.writersOf(name).some((i) => i !== t));
  if (!globals) return null;
  const kept = resultsAround(tile.result, win.start, win.end, delta);
  if (!kept) return null;
  const { mapStart, mapEnd } = editMapping(p, oldEnd, delta);
  const moved = tiles.map((other, i) => (i === t ? kept : mapResult(other.result!, mapStart, mapEnd)));
  if (moved.some((r) => r === null)) return null;

  // From here on the state changes; a failure returns 'unsupported' and the caller discards it.
  for (let k = win.last + 1; k < members.length; k++) shiftTree(members[k], delta);
  members.splice(win.first, win.last - win.first + 1, ...fresh);
  stretchShell(tile.stmt, cls, delta);
  tile.end += delta;
  tile.stripped = tile.stripped.slice(0, win.start - tile.start) + freshStripped + tile.stripped.slice(win.end - tile.start);
  tile.comments = [
    ...tile.comments.filter((c) => c.end <= win.start),
    ...parsed.comments.map((c) => ({ ...c, start: c.start + shift, end: c.end + shift })),
    ...tile.comments.filter((c) => c.start >= win.end).map((c) => ({ ...c, start: c.start + delta, end: c.end + delta })),
  ];
  for (let i = t + 1; i < tiles.length; i++) moveTile(tiles[i], delta);
  tiles.forEach((other, i) => {
    if (i !== t) other.result = moved[i];
  });
  state.stripped = state.stripped.slice(0, win.start) + freshStripped + state.stripped.slice(win.end);
  state.text = text;
  if (globals.length > 0) {
    tile.summary = widenSummary(tile.summary, after, globals);
    state.index = new NameIndex(tiles.map((other) => other.summary));
  } else state.index = index;

  const callers = piCallerIndex(tiles);
  const context = analysisContext(state.index, new Set([t]), (i) => callers.get(tiles[i].stmt) ?? []);
  // The class's fields and constructor come along as context: members resolve `this.k` through them,
  // and through the methods with a returned expression that the window calls (`this.cp()`).
  const freshText = text.slice(win.start, newEnd);
  const called = (m: Nd): boolean => givesValue(m) && memberNameRead(fieldName(m.key, m.computed), freshText);
  const trimmed = withMembers(tile.stmt, cls, members.filter((m) => fresh.includes(m) || setsFields(m) || called(m)));
  const analysed = { reported: 1, context: context.length };
  const r = analyseUnits(state, context, new Set([t]), (i) => (i === t ? trimmed : tiles[i].stmt)).get(t);
  if (!r || r.piTargets.length > 0) return { outcome: 'unsupported', analysed };
  const inside = resultsInside({ hits: r.hits, facts: r.facts }, kept, win.start, newEnd);
  if (!inside) return { outcome: 'unsupported', analysed };
  const beforeWindow = <T extends { start: number }>(x: T): boolean => x.start < win.start;
  const inOrder = <T extends { start: number }>(old: readonly T[], added: readonly T[]): T[] => [...old.filter(beforeWindow), ...added, ...old.filter((x) => !beforeWindow(x))];
  tile.result = {
    hits: inOrder(kept.hits, inside.hits),
    facts: {
      capabilities: inOrder(kept.facts.capabilities, inside.facts.capabilities),
      commands: inOrder(kept.facts.commands, inside.facts.commands),
      envReads: inOrder(kept.facts.envReads, inside.facts.envReads),
    },
  };
  return { outcome: 'applied', analysed };
}

/** Members that give the class or its instances field values (see `Resolver.classFields`): getters read like fields. */
function setsFields(member: Nd): boolean {
  return member.type === 'PropertyDefinition' || (member.type === 'MethodDefinition' && (member.kind === 'constructor' || member.kind === 'get'));
}

/**
 * Members whose value other code can read (see `Resolver.classMember`): fields, getters, and methods
 * with one returned expression (calls resolve through what they return).
 */
function givesValue(member: Nd): boolean {
  return setsFields(member) || (member.type === 'MethodDefinition' && member.kind === 'method' && returnedExpression(member.value) !== null);
}

/** The names under which these members give values (null: a computed name). */
function valueNames(members: readonly Nd[]): Array<string | null> {
  const names: Array<string | null> = [];
  for (const m of members) {
    if (m.type === 'MethodDefinition' && m.kind === 'constructor') {
      for (const e of constructorFieldAssignments(m)) names.push(fieldName(e.left.property, e.left.computed));
    } else if (givesValue(m)) names.push(fieldName(m.key, m.computed));
  }
  return names;
}

/** A member name as a literal regular-expression pattern (string keys may hold any character: `"a("() {}`). */
function escapeRegExp(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `text` may read member `name` (`x.name`, `x?.name`), or when the name is not static. */
function memberNameRead(name: string | null, text: string): boolean {
  return name === null || new RegExp(`\\??\\.\\s*${escapeRegExp(name)}(?![\\w$])`).test(text);
}

/**
 * True when values these members give may be read outside them: any static one (other statements
 * read `C.k`), or an instance field, getter, constructor-assigned name or method with a returned
 * expression that the rest of the class body mentions as `this.k` (or reads through `this[…]`).
 */
function fieldsReadElsewhere(window: readonly Nd[], bodyOutsideOf: () => string): boolean {
  if (window.some((m) => m.static === true && givesValue(m))) return true;
  const names = new Set(valueNames(window));
  if (names.size === 0) return false;
  const bodyOutside = bodyOutsideOf();
  if (names.has(null) || /\bthis\s*(?:\?\.)?\s*\[/.test(bodyOutside)) return true;
  return [...names].some((name) => name !== null && new RegExp(`\\bthis\\s*\\??\\.\\s*${escapeRegExp(name)}(?![\\w$])`).test(bodyOutside));
}

/**
 * Class-level early errors a window parse cannot see: a second constructor, a private name declared
 * twice, or one the other members use that the window no longer declares (so the window must keep
 * declaring exactly the private names it declared).
 */
function classLevelConflict(replaced: readonly Nd[], fresh: readonly Nd[], untouched: readonly Nd[]): boolean {
  const isConstructor = (m: Nd): boolean => m.type === 'MethodDefinition' && m.kind === 'constructor';
  if (fresh.some(isConstructor) && (untouched.some(isConstructor) || fresh.filter(isConstructor).length > 1)) return true;
  const privateNames = (ms: readonly Nd[]): string[] =>
    ms.flatMap((m) => (m.key && m.key.type === 'PrivateIdentifier' ? [`${m.static ? 'static ' : ''}${m.kind ?? 'field'} ${m.key.name}`] : [])).sort();
  return privateNames(replaced).join('\n') !== privateNames(fresh).join('\n');
}

/** Tiles for a clean full parse in the path's first parse mode, or null (then every scan is a full one). */
function incrementalStart(parsed: ParsedSource, path: string, text: string): State | null {
  const mode = parsed.mode;
  if (mode === 'tolerant' || parsed.stripFailed || mode !== attemptOrder(path)[0] || parsed.program.body.length === 0) return null;
  if (mode === 'script' && hasStrictDirective(parsed.program.body[0] as unknown as Nd)) return null;
  if (holdsStringArray(parsed.program.body as unknown as Nd[]) || parsed.namespaces.length > 0) return null;
  const tiles = tilesOf(parsed, 0, text.length, mode, text);
  // Only blanked TypeScript (types, interfaces): nothing to keep per statement.
  if (tiles.length === 0) return null;
  return { path, text, mode, tiles, index: null, stripped: parsed.strippedText };
}

/** Tiles of a parse of `text.slice(from, to)` (offsets of the parse are relative to `from`). */
function tilesOf(parsed: ParsedSource, from: number, to: number, mode: SourceKind, text: string): Tile[] {
  const local = text.slice(from, to);
  // ts-blank-space turns a blanked declaration's first character into `;` (an empty statement the
  // source does not have): not a statement of its own here.
  const body = (parsed.program.body as unknown as Nd[]).filter((st) => !(st.type === 'EmptyStatement' && local[st.start] !== ';'));
  const extras = parsed.extraExpressions as unknown as Nd[];
  const decoratorAts = extras.map((e) => atSignBefore(local, e.start)).sort((x, y) => x - y);
  const starts = tileStarts(body, decoratorAts, 0);
  // TypeScript blanked between two statements (a type alias, an interface, a trailing `as const`)
  // must not be cut in the middle: the tile boundary moves to the line break after the earlier
  // statement, or to its end.
  for (let i = 1; i < body.length; i++) {
    let gapStart = body[i - 1].end;
    // A statement without `;` ends at the `;` ts-blank-space puts on the first character of the
    // blanked declaration after it: that `;` belongs to the gap (else a multi-line interface after
    // `const k = [1] as const` or an enum would be cut after its first line).
    if (gapStart > 0 && parsed.strippedText[gapStart - 1] === ';' && local[gapStart - 1] !== ';') {
      gapStart--;
      while (gapStart > 0 && /\s/.test(parsed.strippedText[gapStart - 1])) gapStart--;
    }
    const gapEnd = starts[i];
    if (gapStart >= gapEnd || local.slice(gapStart, gapEnd) === parsed.strippedText.slice(gapStart, gapEnd)) continue;
    const lineBreak = local.slice(gapStart, gapEnd).search(/[\n\r\u2028\u2029]/);
    starts[i] = lineBreak === -1 ? gapStart : gapStart + lineBreak + 1;
  }
  const tiles: Tile[] = [];
  for (let i = 0; i < body.length; i++) {
    const start = starts[i];
    const end = i + 1 < body.length ? starts[i + 1] : to - from;
    const own = extras.filter((e) => e.start >= start && e.start < end);
    tiles.push({
      start: start + from,
      end: end + from,
      stmt: body[i],
      extras: own,
      astShift: from,
      stripped: parsed.strippedText.slice(start, end),
      comments: parsed.comments.filter((c) => c.start >= start && c.start < end).map((c) => ({ ...c, start: c.start + from, end: c.end + from })),
      typeOnly: parsed.typeOnlyImports.filter((t) => t.start >= start && t.start < end).map((t) => ({ ...t, start: t.start + from, end: t.end + from })),
      summary: summarizeUnit(body[i], own, mode, local),
      result: null,
      piTargets: null,
    });
  }
  return tiles;
}

/**
 * Moves a tile after an edit before it that changed the length by `delta`. In place: nothing handed
 * out holds these objects (a scan's comments are consumed before it returns), and a failed edit
 * discards the whole state.
 */
function moveTile(tile: Tile, delta: number): void {
  if (delta === 0) return;
  tile.start += delta;
  tile.end += delta;
  tile.astShift += delta;
  for (const c of tile.comments) {
    c.start += delta;
    c.end += delta;
  }
  for (const t of tile.typeOnly) {
    t.start += delta;
    t.end += delta;
  }
}

/** Lengths of the common prefix and (not overlapping it) common suffix of two texts. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const limit = Math.min(a.length, b.length);
  const CHUNK = 2048;
  let p = 0;
  // Whole chunks first: comparing slices runs natively, far faster than a character loop.
  while (p + CHUNK <= limit && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < limit && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const room = limit - p;
  while (s + CHUNK <= room && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { prefix: p, suffix: s };
}

function atSignBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i > 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '@' ? i : offset;
}

/**
 * True when the statement of `tile` could run on into the one whose slice starts at `next`: it is not
 * closed and no line break ends it, or the next token is `<` (after some closed statements, such as
 * `export default function () {}`, the JSX tokenizer reads a `<` on the next line as an operator).
 */
function mayContinueInto(tile: Tile, text: string, next: number): boolean {
  const token = nextToken(text, next);
  if (text[token] === '<') return true;
  return !tileClosed(tile) && !endsByLineBreak(text, statementEnd(tile), token);
}

/** The first offset at or after `offset` that is not white space. */
function nextToken(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

function mayOpenCommentOnLastLine(text: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) break;
    i--;
  }
  return /\/\/|\/\*|<!--|-->/.test(text.slice(Math.max(i + 1, from), to));
}

/** The statement's end in current offsets. */
function statementEnd(tile: Tile): number {
  return tile.stmt.end + tile.astShift;
}

function tileClosed(tile: Tile): boolean {
  return endsClosed(tile.stmt, (offset) => tile.stripped[offset + tile.astShift - tile.start] ?? '');
}

function hasStrictDirective(stmt: Nd): boolean {
  return stmt.type === 'ExpressionStatement' && stmt.directive === 'use strict';
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) n++;
  }
  return n;
}

/** For each statement, the statements that pass `pi` into its functions (from their last analysis). */
function piCallerIndex(tiles: readonly Tile[]): Map<Nd, number[]> {
  const callers = new Map<Nd, number[]>();
  tiles.forEach((tile, i) => {
    for (const target of tile.piTargets ?? []) {
      const list = callers.get(target);
      if (list) list.push(i);
      else callers.set(target, [i]);
    }
  });
  return callers;
}

/**
 * Analyses the `context` statements as one program and returns the results of the `reported` ones
 * (`stmtOf` may stand a trimmed copy in for a statement).
 */
function analyseUnits(state: State, context: readonly number[], reported: ReadonlySet<number>, stmtOf: (i: number) => Nd): Map<number, UnitAnalysis> {
  const tiles = state.tiles;
  const owner = new Map<Nd, Nd>();
  const extras: Nd[] = [];
  const typeOnly = new Set<number>();
  for (const i of context) {
    const tile = tiles[i];
    settleTile(tile);
    for (const e of tile.extras) {
      owner.set(e, stmtOf(i));
      extras.push(e);
    }
    for (const t of tile.typeOnly) typeOnly.add(t.start);
  }
  const program: Nd = { type: 'Program', body: context.map(stmtOf), sourceType: state.mode, start: 0, end: state.text.length };
  const analyzer = new Analyzer(program, state.text, state.stripped, typeOnly, extras);
  const results = analyzer.runUnits(program, new Set<Nd>([...reported].map(stmtOf)), (node) => owner.get(node));
  const out = new Map<number, UnitAnalysis>();
  for (const i of reported) out.set(i, results.get(stmtOf(i)) ?? { hits: [], facts: { capabilities: [], commands: [], envReads: [] }, piTargets: [] });
  return out;
}

/** Analyses the `context` statements as one program and stores the results of the `reported` ones. */
function analyse(state: State, context: readonly number[], reported: ReadonlySet<number>): void {
  const tiles = state.tiles;
  const results = analyseUnits(state, context, reported, (i) => tiles[i].stmt);
  const contextTiles = context.map((i) => tiles[i]);
  for (const [i, r] of results) {
    tiles[i].result = { hits: r.hits, facts: r.facts };
    tiles[i].piTargets = new Set(r.piTargets.map((fn) => contextTiles[tileIndexAt(contextTiles, fn.start)].stmt));
  }
}

/** The index of the tile holding `offset` among tiles in document order (binary search). */
function tileIndexAt(tiles: readonly Tile[], offset: number): number {
  let lo = 0;
  let hi = tiles.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tiles[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every statement's results as one document scan (duplicates dropped as a whole-program run would). */
function merge(state: State, options: FileScanOptions): DocumentScanOutput {
  const hits: Hit[] = [];
  const hitKeys = new Set<string>();
  const facts: AnalysisFacts = { capabilities: [], commands: [], envReads: [] };
  const capKeys = new Set<string>();
  for (const tile of state.tiles) {
    const r = tile.result;
    if (!r) continue;
    for (const h of r.hits) {
      const key = `${h.ruleId}:${h.start}:${h.end}`;
      if (hitKeys.has(key)) continue;
      hitKeys.add(key);
      hits.push({ ...h });
    }
    for (const c of r.facts.capabilities) {
      const key = `${c.capability}:${c.start}:${c.end}`;
      if (capKeys.has(key)) continue;
      capKeys.add(key);
      facts.capabilities.push(c);
    }
    facts.commands.push(...r.facts.commands);
    facts.envReads.push(...r.facts.envReads);
  }
  const analysis = finishAnalysis(hits, facts, { policy: options.policy, extensionId: options.extensionId, text: state.text });
  const first = state.tiles[0];
  return {
    hits: orderHits(analysis.hits, state.text.length),
    facts: analysis.facts,
    comments: state.tiles.flatMap((t) => t.comments),
    firstStatementStart: first.stmt.start + first.astShift,
    tolerant: false,
    stripFailed: false,
  };
}
