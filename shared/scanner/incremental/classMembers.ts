/**
 * Edits inside one class body (incremental editor scan). A file that is one large class is one
 * top-level statement, so the statement-level scan would re-parse and re-analyse all of it on every
 * keystroke. When an edit stays inside the class body, only the members it touches are re-parsed
 * (as the body of a stand-in class) and re-analysed (in a copy of the class holding just those
 * members); the other members keep their findings. Whatever this module cannot show equivalent is
 * left to the statement-level path.
 */
import type { Nd } from '../analysis/ast';
import type { UnitSummary } from './summary';
import { editMapping, mapResult, type TileResult } from './tiles';

/** The class a top-level statement declares (`class`, `export class`, `export default class`), or null. */
export function classOfStatement(stmt: Nd): Nd | null {
  if (stmt.type === 'ClassDeclaration') return stmt;
  if ((stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') && stmt.declaration) {
    const d = stmt.declaration;
    if (d.type === 'ClassDeclaration' || d.type === 'ClassExpression') return d;
  }
  return null;
}

/** Members `first..last` of a class body, as a range of the (old) text. */
export interface MemberWindow {
  first: number;
  last: number;
  start: number;
  end: number;
}

/**
 * The members an edit of `[editStart, editEnd)` (old offsets) touches, or null when the edit reaches
 * outside the member list or the window's neighbours could join it (a field without `;` before it).
 * `strippedAt` reads the stripped text at an old offset.
 */
export function memberWindow(members: readonly Nd[], editStart: number, editEnd: number, strippedAt: (offset: number) => string): MemberWindow | null {
  if (members.length === 0 || editStart < members[0].start || editEnd > members[members.length - 1].end) return null;
  let first = 0;
  while (first + 1 < members.length && members[first + 1].start <= editStart) first++;
  let last = first;
  while (last < members.length && members[last].end < editEnd) last++;
  if (last >= members.length) return null;
  // A field before the window that does not end in `;` could be continued by the window's first token.
  if (first > 0 && !closedMember(members[first - 1], strippedAt)) return null;
  return { first, last, start: members[first].start, end: members[last].end };
}

/** True when nothing after the member can continue it: a method, static block or `;`-terminated field. */
export function closedMember(member: Nd, strippedAt: (offset: number) => string): boolean {
  if (member.type === 'MethodDefinition' || member.type === 'StaticBlock') return true;
  return strippedAt(member.end - 1) === ';';
}

/** A copy of the statement whose class holds only `members` (the shell is shared, the body is new). */
export function withMembers(stmt: Nd, cls: Nd, members: Nd[]): Nd {
  const trimmed = { ...cls, body: { ...cls.body, body: members } };
  return stmt === cls ? trimmed : { ...stmt, declaration: trimmed };
}

/** Adds `delta` to the ends of the class shell: the statement, its class and the class body. */
export function stretchShell(stmt: Nd, cls: Nd, delta: number): void {
  cls.body.end += delta;
  cls.end += delta;
  if (stmt !== cls) stmt.end += delta;
}

const within = (x: { start: number; end: number }, from: number, to: number): boolean => x.start >= from && x.end <= to;

/**
 * A statement's results without those inside `[from, to)` (old offsets), the rest moved to new
 * offsets, or null when one of them (or a related span) crosses the window's edges.
 */
export function resultsAround(result: TileResult, from: number, to: number, delta: number): TileResult | null {
  const outside = (x: { start: number; end: number }): boolean => !within(x, from, to);
  const rest: TileResult = {
    hits: result.hits.filter(outside),
    facts: { capabilities: result.facts.capabilities.filter(outside), commands: result.facts.commands.filter(outside), envReads: result.facts.envReads.filter(outside) },
  };
  const { mapStart, mapEnd } = editMapping(from, to, delta);
  return mapResult(rest, mapStart, mapEnd);
}

/**
 * The results of an analysis of the trimmed class that lie inside `[from, to)` (new offsets), or null
 * when one outside it is not already among `kept` (the shell's findings must not change).
 */
export function resultsInside(result: TileResult, kept: TileResult, from: number, to: number): TileResult | null {
  const inside = (x: { start: number; end: number }): boolean => within(x, from, to);
  const keptHits = new Set(kept.hits.map((h) => `${h.ruleId}:${h.start}:${h.end}`));
  const keptCaps = new Set(kept.facts.capabilities.map((c) => `${c.capability}:${c.start}:${c.end}`));
  if (result.hits.some((h) => !inside(h) && !keptHits.has(`${h.ruleId}:${h.start}:${h.end}`))) return null;
  if (result.facts.capabilities.some((c) => !inside(c) && !keptCaps.has(`${c.capability}:${c.start}:${c.end}`))) return null;
  if (!result.facts.commands.every(inside) || !result.facts.envReads.every(inside)) return null;
  return { hits: result.hits.filter(inside), facts: { ...result.facts, capabilities: result.facts.capabilities.filter(inside) } };
}

/**
 * The names whose reads, writes or uses differ between the replaced and the new members' summaries,
 * or null when something else differs or one of those names is a module-level binding (then other
 * statements' findings may change, which only the statement-level path works out). Globals read or
 * written by one member do not reach any other statement's analysis.
 */
export function globalOnlyChanges(before: UnitSummary, after: UnitSummary, isModuleName: (name: string) => boolean): string[] | null {
  const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
  if (!same(before.decl, after.decl) || !same(before.fnDecl, after.fnDecl) || !same(before.usageSensitive, after.usageSensitive)) return null;
  if (!same(before.lexical, after.lexical) || !same(before.vars, after.vars) || !same(before.exported, after.exported) || !same(before.exportedLocals, after.exportedLocals)) return null;
  const changed = new Set<string>();
  const difference = (a: readonly string[], b: readonly string[]): void => {
    const inA = new Set(a);
    const inB = new Set(b);
    for (const x of a) if (!inB.has(x)) changed.add(x);
    for (const x of b) if (!inA.has(x)) changed.add(x);
  };
  difference(before.freeRefs, after.freeRefs);
  difference(before.reads, after.reads);
  difference(before.freeWrites, after.freeWrites);
  for (const name of new Set([...Object.keys(before.uses), ...Object.keys(after.uses)])) if (before.uses[name] !== after.uses[name]) changed.add(name);
  for (const name of changed) if (isModuleName(name)) return null;
  return [...changed];
}

/**
 * The statement's summary after members gained global references: every list widened (a name kept
 * after its last use only makes later updates re-analyse more, never less).
 */
export function widenSummary(summary: UnitSummary, added: UnitSummary, names: readonly string[]): UnitSummary {
  const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  const uses: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, summary.uses);
  for (const name of names) uses[name] = (uses[name] ?? '') + (added.uses[name] ?? '');
  return { ...summary, freeRefs: union(summary.freeRefs, added.freeRefs), reads: union(summary.reads, added.reads), freeWrites: union(summary.freeWrites, added.freeWrites), uses };
}
