/**
 * Which statements an edit can affect, and which statements their analysis needs, from the names
 * statements declare, reference, read and assign at module level. The analysis works per binding:
 * values flow from declarations and assignments; a declaration's own findings depend on its readers
 * only through "is it read at all" and, for fs/os module values, how each reader uses it (compared
 * as the use sites' source, `UnitSummary.uses`); `pi` reaches
 * a function's parameters from the statements that call it with `pi` or export it as the default.
 */
import type { UnitSummary } from './summary';

export class NameIndex {
  private readonly declarers = new Map<string, number[]>();
  private readonly writers = new Map<string, number[]>();
  private readonly referrers = new Map<string, number[]>();
  private readonly readers = new Map<string, number[]>();

  constructor(readonly summaries: readonly UnitSummary[]) {
    summaries.forEach((s, i) => {
      for (const n of s.decl) {
        push(this.declarers, n, i);
        push(this.referrers, n, i);
      }
      for (const n of s.freeRefs) push(this.referrers, n, i);
      for (const n of s.freeWrites) push(this.writers, n, i);
      for (const n of s.reads) push(this.readers, n, i);
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

  readersOf(name: string): readonly number[] {
    return this.readers.get(name) ?? NONE;
  }
}

const NONE: readonly number[] = [];

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Statements whose findings may change (before `pi` flow, which the caller follows from the analysis
 * results). `removed` and `added` are the statements the edit replaced and produced; `seeds` are
 * indices in the new document to re-analyse anyway.
 */
export function affectedUnits(index: NameIndex, before: NameIndex, removed: readonly UnitSummary[], added: readonly UnitSummary[], seeds: Iterable<number>): Set<number> {
  const affected = new Set<number>(seeds);
  const changed = [...removed, ...added];
  // Values: statements referring to a name whose declaration or assignment changed, and onwards.
  const valueNames: string[] = [];
  for (const s of changed) valueNames.push(...s.decl, ...s.freeWrites);
  const seenNames = new Set<string>();
  const valueChanged: number[] = [];
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
  // Uses: a declaration or assignment whose readers changed, where that can matter.
  const usedNames = new Set<string>();
  for (const s of changed) for (const n of [...s.freeRefs, ...s.decl]) usedNames.add(n);
  for (const i of valueChanged) for (const n of index.summaries[i].freeRefs) usedNames.add(n);
  const usesOf = (units: readonly UnitSummary[], name: string): string => units.map((s) => s.uses[name] ?? '').join('');
  for (const name of usedNames) {
    const readFlipped = before.readersOf(name).length > 0 !== index.readersOf(name).length > 0;
    // How the name is used changed: by the edit, or through a value a use depends on.
    const useChanged = usesOf(removed, name) !== usesOf(added, name) || valueChanged.some((i) => /(^|\n)!/.test(index.summaries[i].uses[name] ?? ''));
    for (const i of [...index.declarersOf(name), ...index.writersOf(name)]) {
      if (affected.has(i)) continue;
      if (readFlipped || (useChanged && index.summaries[i].usageSensitive.includes(name))) affected.add(i);
    }
  }
  return affected;
}

const WITNESS = 1;
const PROVIDER = 2;
const CONSUMER = 3;
const REPORTED = 4;

/**
 * The statements the analysis of `reported` must see: the declarations and assignments of every
 * name used (transitively); for a reported statement, one reader of each name it binds (or every
 * reader, where the use refines its findings); and the statements passing `pi` into its functions,
 * with theirs in turn (`piCallers`).
 */
export function analysisContext(index: NameIndex, reported: ReadonlySet<number>, piCallers: (unit: number) => readonly number[]): number[] {
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
    if (r === WITNESS) continue; // only its reads matter, which need nothing else
    const s = index.summaries[i];
    for (const names of [s.freeRefs, s.decl]) {
      for (const name of names) {
        for (const j of index.declarersOf(name)) raise(j, PROVIDER);
        for (const j of index.writersOf(name)) raise(j, PROVIDER);
      }
    }
    if (r === PROVIDER) continue;
    for (const j of piCallers(i)) raise(j, CONSUMER);
    if (r !== REPORTED) continue;
    for (const name of [...s.decl, ...s.freeWrites]) {
      if (s.usageSensitive.includes(name)) {
        for (const j of index.referrersOf(name)) raise(j, CONSUMER);
      } else if (!s.reads.includes(name)) {
        const reader = index.readersOf(name).find((j) => j !== i);
        if (reader !== undefined) raise(reader, WITNESS);
      }
    }
  }
  return [...role.keys()].sort((a, b) => a - b);
}
