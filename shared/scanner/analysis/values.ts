/** Symbolic values of the resolution engine (scanner.md §3). */
import type { RelatedSpan } from '../types';
import type { Nd } from './ast';

/** How a folded string was assembled (scanner.md §3.2); null when it is a plain literal. */
export type Technique =
  | 'concatenation'
  | 'template literal'
  | 'char codes'
  | 'base64 literal'
  | 'hex literal'
  | 'URI decoding'
  | 'escape sequences'
  | 'string methods'
  | 'array methods'
  | 'string array'
  | 'type coercion';

export type ConstValue = string | number | boolean | null | undefined;

/** The root of a reference path. */
export type Root =
  | { kind: 'global'; name: string }
  | { kind: 'module'; spec: string }
  | { kind: 'pi' };

export interface Trace {
  /** Evasion steps for the `{via}` suffix. */
  via: string[];
  related: RelatedSpan[];
}

export type Value =
  | ({ k: 'const'; v: ConstValue; asm: Technique | null } & Trace)
  | ({ k: 'ref'; root: Root; keys: string[] } & Trace)
  | ({ k: 'fn'; node: Nd } & Trace)
  | ({ k: 'obj'; node: Nd } & Trace)
  /** An instance of a class declared in the file (`new C()`): its members are the class's instance members. */
  | ({ k: 'inst'; node: Nd } & Trace)
  | ({ k: 'arr'; node: Nd } & Trace)
  | ({ k: 'strarr'; items: string[]; asm: Technique | null } & Trace)
  | ({ k: 'bytes'; data: Uint8Array; asm: Technique | null } & Trace)
  | ({ k: 'union'; items: Value[] } & Trace)
  | ({ k: 'unknown' } & Trace);

/** Traces are never changed in place (steps make copies), so values without one share these arrays. */
export const NO_TRACE: Trace = Object.freeze({ via: Object.freeze([]) as unknown as string[], related: Object.freeze([]) as unknown as RelatedSpan[] });

export const UNKNOWN: Value = { k: 'unknown', ...NO_TRACE };

export function konst(v: ConstValue, asm: Technique | null = null): Value {
  return { k: 'const', v, asm, ...NO_TRACE };
}

export function global(name: string): Value {
  return { k: 'ref', root: { kind: 'global', name }, keys: [], ...NO_TRACE };
}

export function ref(root: Root, keys: string[]): Value {
  return { k: 'ref', root, keys, ...NO_TRACE };
}

export const MAX_PATH = 8;
export const MAX_VIA = 6;
const MAX_UNION = 16;

/** Returns a copy of `value` with one more evasion step (and related span) in front of its trace. */
export function withStep(value: Value, step: string | null, related?: RelatedSpan): Value {
  if (value.k === 'unknown') return value;
  const via = step ? [step, ...value.via].slice(0, MAX_VIA) : value.via;
  const rel = related ? [related, ...value.related].slice(0, MAX_VIA) : value.related;
  return { ...value, via, related: rel } as Value;
}

/** Appends trace steps after a value's own ones (a later step in the chain). */
export function withTrace(value: Value, trace: Trace): Value {
  if (value.k === 'unknown' || (trace.via.length === 0 && trace.related.length === 0)) return value;
  return { ...value, via: [...trace.via, ...value.via].slice(0, MAX_VIA), related: [...trace.related, ...value.related].slice(0, MAX_VIA) } as Value;
}

export function union(items: Value[]): Value {
  const flat: Value[] = [];
  for (const item of items) {
    if (item.k === 'union') flat.push(...item.items);
    else flat.push(item);
    if (flat.length > MAX_UNION) break;
  }
  const known = flat.slice(0, MAX_UNION);
  if (known.length === 0) return UNKNOWN;
  if (known.length === 1) return known[0];
  return { k: 'union', items: known, ...NO_TRACE };
}

/** Every alternative of a value (a union's members, or the value itself). */
export function alternatives(value: Value): Value[] {
  if (value.k !== 'union') return [value];
  return value.items.map((item) => withTrace(item, value));
}

/** True when some alternative satisfies `test`; no trace copies, for tests that read only kind and path. */
export function someAlternative(value: Value, test: (v: Value) => boolean): boolean {
  if (value.k !== 'union') return test(value);
  for (const item of value.items) if (test(item)) return true;
  return false;
}

const ENV_PATH: readonly string[] = ['env'];

/** `process.env` itself. */
export function isProcessEnv(value: Value): boolean {
  return isRef(value, 'global', 'process', ENV_PATH);
}

export function isGlobal(value: Value, name: string): boolean {
  return value.k === 'ref' && value.root.kind === 'global' && value.root.name === name && value.keys.length === 0;
}

export function isRef(value: Value, rootKind: Root['kind'], rootName: string | null, keys: readonly string[]): boolean {
  if (value.k !== 'ref' || value.root.kind !== rootKind) return false;
  if (rootName !== null) {
    const name = value.root.kind === 'global' ? value.root.name : value.root.kind === 'module' ? value.root.spec : 'pi';
    if (name !== rootName) return false;
  }
  if (value.keys.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (value.keys[i] !== keys[i]) return false;
  return true;
}

export function rootName(root: Root): string {
  return root.kind === 'global' ? root.name : root.kind === 'module' ? root.spec : 'pi';
}

export function constString(value: Value): string | null {
  return value.k === 'const' && typeof value.v === 'string' ? value.v : null;
}

/**
 * Builtin constructors: functions whose own text is `function Name() { [native code] }`, whose
 * `constructor` is `Function`, and whose prototypes every extension in the host shares.
 */
export const BUILTIN_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'Function', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'Promise', 'RegExp', 'Date', 'Error', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Proxy',
]);
