import { createHash } from 'node:crypto';

/**
 * Canonical serialisation of ledger entries (risk.md §3.2): every non-integer number is quantised to
 * 12 significant digits (−0 → 0), then the value is printed in JCS form (RFC 8785): keys sorted by
 * UTF-16 code units, no whitespace, numbers and strings as `JSON.stringify` prints them.
 */
export function quantize(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`non-finite number ${String(x)} cannot be canonicalised`);
  if (Number.isInteger(x)) return x === 0 ? 0 : x;
  const q = Number(x.toPrecision(12));
  return q === 0 ? 0 : q;
}

/** JCS of an already-quantised or raw JSON value; numbers are quantised on the way. Iterative (no recursion on input depth). */
export function canonicalJson(value: unknown): string {
  let out = '';
  // Explicit stack of work items: a value to print, or a literal string to emit.
  const stack: Array<{ v: unknown } | string> = [{ v: value }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    const v = item.v;
    if (v === null) out += 'null';
    else if (typeof v === 'number') out += JSON.stringify(quantize(v));
    else if (typeof v === 'string') out += JSON.stringify(v);
    else if (typeof v === 'boolean') out += v ? 'true' : 'false';
    else if (Array.isArray(v)) {
      out += '[';
      stack.push(']');
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ v: v[i] === undefined ? null : v[i] });
        if (i > 0) stack.push(',');
      }
    } else if (typeof v === 'object') {
      const rec = v as Record<string, unknown>;
      const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
      out += '{';
      stack.push('}');
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push({ v: rec[keys[i]] });
        stack.push(JSON.stringify(keys[i]) + ':');
        if (i > 0) stack.push(',');
      }
    } else {
      throw new TypeError(`cannot canonicalise a value of type ${typeof v}`);
    }
  }
  return out;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `params_hash`: SHA-256 of the UTF-8 JCS form of the params (§3.1). */
export function paramsHash(params: unknown): string {
  return sha256Hex(canonicalJson(params));
}

/** Quantises every non-integer number of a JSON value (used to store ledger entries exactly as hashed). */
export function quantizeDeep<T>(value: T): T {
  if (typeof value === 'number') return quantize(value) as T;
  if (Array.isArray(value)) return value.map((x) => quantizeDeep(x)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = quantizeDeep(v);
    return out as T;
  }
  return value;
}

/** `JSON.stringify` of a quantised number (fast path for the hot ledger serialiser). */
export function qnum(x: number): string {
  return String(quantize(x));
}
