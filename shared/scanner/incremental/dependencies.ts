/**
 * Which statements an edit can affect, and which statements their analysis needs, from the names
 * statements declare, reference and assign at module level (scanner analysis is per binding:
 * values flow from declarations and assignments; import usage, alias use and `pi` parameters depend
 * on the statements that read or call a binding).
 */
import type { UnitSummary } from './summary';

export class NameIndex {
  private readonly declarers = new Map<string, number[]>();
  private readonly writers = new Map<string, number[]>();
  private readonly referrers = new Map<string, number[]>();

  constructor(readonly summaries: readonly UnitSummary[]) {
    summaries.forEach((s, i) => {
      for (const n of s.decl) {
        push(this.declarers, n, i);
        push(this.referrers, n, i);
      }
      for (const n of s.freeRefs) push(this.referrers, n, i);
      for (const n of s.freeWrites) push(this.writers, n, i);
    });
  }

  declarersOf(name: string): readonly number[] {
    return this.declarers.get(name) ?? NONE;
  }

  writersOf(name: string): readonly number[] {
    return this.writers.get(name) ?? NONE;
  }

  referrersOf(name: string): readonly number[] {
    return this.referrers.get(name) ?? NONE;
  }
}

const NONE: readonly number[] = [];
const NO_NAMES: readonly string[] = [];

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Statements whose findings may change. `changed` are the summaries of the statements the edit
 * replaced and of those it produced; `seeds` are indices (in the new document) to re-analyse anyway.
 */
export function affectedUnits(index: NameIndex, changed: readonly UnitSummary[], seeds: Iterable<number>): Set<number> {
  const affected = new Set<number>(seeds);
  // Values: statements reading a name whose declaration or assignment changed, and onwards.
  const valueNames: string[] = [];
  for (const s of changed) valueNames.push(...s.decl, ...s.freeWrites);
  const seenNames = new Set<string>();
  const valueChanged: number[] = [...affected];
  while (valueNames.length > 0) {
    const name = valueNames.pop()!;
    if (seenNames.has(name)) continue;
    seenNames.add(name);
    for (const i of index.referrersOf(name)) {
      if (affected.has(i)) continue;
      affected.add(i);
      valueChanged.push(i);
      const s = index.summaries[i];
      valueNames.push(...s.decl, ...s.freeWrites);
    }
  }
  // Uses: the declarations a changed statement reads or calls (import usage, alias use, `pi` flow).
  const usedNames = new Set<string>();
  for (const s of changed) for (const n of [...s.freeRefs, ...s.decl]) usedNames.add(n);
  for (const i of valueChanged) for (const n of index.summaries[i].freeRefs) usedNames.add(n);
  const callChain: number[] = [];
  for (const name of usedNames) {
    // Declarations and assignments alike: an alias's assignment is reported only while it is read.
    for (const i of [...index.declarersOf(name), ...index.writersOf(name)]) {
      if (!affected.has(i)) {
        affected.add(i);
        callChain.push(i);
      }
    }
  }
  // A statement whose parameters may now receive `pi` passes them on to the functions it calls.
  while (callChain.length > 0) {
    const s = index.summaries[callChain.pop()!];
    for (const name of s.freeRefs) {
      for (const i of index.declarersOf(name)) {
        if (affected.has(i) || !index.summaries[i].fnDecl.includes(name)) continue;
        affected.add(i);
        callChain.push(i);
      }
    }
  }
  return affected;
}

const PROVIDER = 1;
const CONSUMER = 2;
const REPORTED = 3;

/**
 * The statements the analysis of `reported` must see: the declarations and assignments of every
 * name they use (transitively), their readers and callers (for reported statements), and the callers
 * of any function on that call path with their own providers.
 */
export function analysisContext(index: NameIndex, reported: ReadonlySet<number>): number[] {
  const role = new Map<number, number>();
  const queue: number[] = [];
  const raise = (i: number, r: number): void => {
    if ((role.get(i) ?? 0) >= r) return;
    role.set(i, r);
    queue.push(i);
  };
  for (const i of reported) raise(i, REPORTED);
  while (queue.length > 0) {
    const i = queue.pop()!;
    const r = role.get(i)!;
    const s = index.summaries[i];
    for (const name of s.freeRefs) {
      for (const j of index.declarersOf(name)) raise(j, PROVIDER);
      for (const j of index.writersOf(name)) raise(j, PROVIDER);
    }
    for (const name of s.decl) {
      for (const j of index.declarersOf(name)) raise(j, PROVIDER);
      for (const j of index.writersOf(name)) raise(j, PROVIDER);
    }
    // Readers and callers: all of them for a reported statement, the callers (pi flow) beyond it.
    const used = r === REPORTED ? [...s.decl, ...s.freeWrites] : r === CONSUMER ? s.fnDecl : NO_NAMES;
    for (const name of used) for (const j of index.referrersOf(name)) raise(j, CONSUMER);
  }
  return [...role.keys()].sort((a, b) => a - b);
}
