/**
 * javascript-obfuscator's string array (obfuscator.io output, javascript-obfuscator 2.19 to 4.x):
 * every string of the program moves into one array, read through a decoder `D(0x1dd)`, and the array
 * is rotated at start-up until an arithmetic checksum over `parseInt(D(…))` matches. Recognising the
 * three pieces lets a decoder call fold to the string it returns, so `require(D(0x1dd))` is
 * `require("child_process")` again (beyond scanner.md §3.2, which folds no function results).
 *
 *   function F() { const a = ["…", …]; F = function () { return a; }; return F(); }
 *   function D(i, k) { i = i - OFFSET; const a = F(); let v = a[i]; return v; }          (4.x)
 *   function D(i, k) { const a = F(); return D = function (i, k) { i = i - OFFSET; let v = a[i]; return v; }, D(i, k); }   (2.x, 3.x)
 *   (function (f, target) { const d = D, a = f(); while (!![]) { try { const x = CHECKSUM; if (x === target) break; else a.push(a.shift()); } catch (e) { a.push(a.shift()); } } })(F, 0x3c5e1);
 *
 * With string encoding on, a decoding step follows the read: base64 in the obfuscator's own
 * alphabet, or that and RC4 keyed by each call's second argument. Both are decoded.
 */
import { children, returnedExpression, unwrap, type Nd } from './ast';
import type { Binding } from './scope';

export interface StringArrayDecoder {
  strings: readonly string[];
  /**
   * `base64`: the decoder runs the obfuscator's base64 (its own alphabet) and UTF-8 decoding;
   * `rc4`: that, then RC4 with the key each call passes as its second argument.
   */
  encoding: 'none' | 'base64' | 'rc4';
  /** Subtracted from the decoder's argument (the index shift). */
  offset: number;
  /** How many times the start-up loop moved the first element to the end. */
  rotation: number;
}

/** What recognition needs from the scope analysis and the resolver. */
export interface StringArrayContext {
  bindingOf(id: Nd): Binding | null;
  parentOf(node: Nd): Nd | undefined;
  /** The function a callee expression denotes (aliases followed), or null. */
  calleeFunction(node: Nd): Nd | null;
  foldNumber(node: Nd): number | null;
  foldString(node: Nd): string | null;
}

/**
 * The string a decoder call returns, or null outside the array (or an RC4 call without a key).
 * `cache` keeps decodings across calls (the rotation search decodes the same entries many times).
 */
export function decodeStringArray(decoder: StringArrayDecoder, index: number, key?: string, cache?: Map<string, string>): string | null {
  const i = index - decoder.offset;
  const n = decoder.strings.length;
  if (!Number.isInteger(i) || i < 0 || i >= n) return null;
  const stored = decoder.strings[(i + decoder.rotation) % n];
  if (decoder.encoding === 'none') return stored;
  if (decoder.encoding === 'rc4' && (key === undefined || key.length === 0)) return null;
  const cacheKey = decoder.encoding === 'rc4' ? `${stored}\u0000${key}` : stored;
  const known = cache?.get(cacheKey);
  if (known !== undefined) return known;
  const base = decodeObfuscatorBase64(stored);
  const decoded = decoder.encoding === 'base64' ? base : rc4(base, key as string);
  cache?.set(cacheKey, decoded);
  return decoded;
}

/** RC4 over UTF-16 code units, as the obfuscator's runtime helper applies it. */
function rc4(text: string, key: string): string {
  const box: number[] = [];
  for (let i = 0; i < 256; i++) box.push(i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + box[i] + key.charCodeAt(i % key.length)) % 256;
    [box[i], box[j]] = [box[j], box[i]];
  }
  let out = '';
  let a = 0;
  j = 0;
  for (let y = 0; y < text.length; y++) {
    a = (a + 1) % 256;
    j = (j + box[a]) % 256;
    [box[a], box[j]] = [box[j], box[a]];
    out += String.fromCharCode(text.charCodeAt(y) ^ box[(box[a] + box[j]) % 256]);
  }
  return out;
}

/** javascript-obfuscator's base64 alphabet: lower case first. */
const OBFUSCATOR_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=';
const STANDARD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

function decodeObfuscatorBase64(text: string): string {
  let standard = '';
  for (const ch of text) {
    const at = OBFUSCATOR_ALPHABET.indexOf(ch);
    if (at >= 0) standard += STANDARD_ALPHABET[at];
  }
  return Buffer.from(standard, 'base64').toString('utf8');
}

/** Recognises `fn` as a string-array decoder; null for any other function. */
export function recognizeDecoder(fn: Nd, ctx: StringArrayContext): StringArrayDecoder | null {
  if (fn.type !== 'FunctionDeclaration' || !fn.id || fn.params.length < 1) return null;
  const body = fn.body.body as Nd[];
  // v4 reads the array in the decoder itself; v2 and v3 fetch it, then replace the decoder with the
  // reader (`return D = function (i, k) { … }, D(i, k);`).
  let reader: Nd = fn;
  let statements = body;
  let fetched: ArrayFetch | null = null;
  if (body.length === 2 && body[1].type === 'ReturnStatement') {
    fetched = arrayFetch(body[0], ctx);
    const inner = fetched && replacingReader(body[1].argument, fn);
    if (!inner) return null;
    reader = inner;
    statements = inner.body.body as Nd[];
  }
  let parts = readerParts(reader, statements, fetched, ctx);
  let encodings: Array<StringArrayDecoder['encoding']> = ['none'];
  // Base64 or RC4 string encoding: the same reader statements first, then a decoding step. Both are
  // tried, the likelier first; the start-up checksum tells which one the array holds.
  const readerLength = fetched ? 2 : 3;
  if (!parts && statements.length > readerLength + 1 && statements[statements.length - 1].type === 'ReturnStatement') {
    parts = readerParts(reader, statements.slice(0, readerLength), fetched, ctx, false);
    if (parts) encodings = likelyRc4(reader) ? ['rc4', 'base64'] : ['base64', 'rc4'];
  }
  if (!parts) return null;
  for (const encoding of encodings) {
    const rotation = findRotation(parts.arrayFunction, fn, parts.strings, parts.offset, encoding, ctx);
    // Without a start-up loop there is nothing to check against: the likelier encoding is taken.
    if (rotation !== null) return { strings: parts.strings, offset: parts.offset, rotation: rotation.rotation, encoding };
  }
  return null;
}

/** RC4's helper takes the string and the key: a nested two-parameter function, or 256-entry loops. */
function likelyRc4(fn: Nd): boolean {
  const stack: Nd[] = [fn.body];
  for (let budget = 5000; stack.length > 0 && budget > 0; budget--) {
    const node = stack.pop()!;
    if (node.type === 'Literal' && node.value === 256) return true;
    if ((node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') && node.params.length === 2) return true;
    for (const [child] of children(node)) stack.push(child);
  }
  return false;
}

interface ArrayFetch {
  /** The local the array is stored in. */
  name: string;
  arrayFunction: Binding;
  strings: string[];
}

/** `const a = F();` where F is the string-array function. */
function arrayFetch(stmt: Nd, ctx: StringArrayContext): ArrayFetch | null {
  if (stmt.type !== 'VariableDeclaration' || stmt.declarations.length !== 1) return null;
  const decl = stmt.declarations[0];
  const call = decl.init && unwrap(decl.init);
  if (decl.id.type !== 'Identifier' || !call || call.type !== 'CallExpression' || call.arguments.length !== 0 || call.callee.type !== 'Identifier') return null;
  const binding = ctx.bindingOf(call.callee);
  const strings = binding?.fnNode ? arrayFunctionStrings(binding.fnNode) : null;
  return binding && strings ? { name: decl.id.name, arrayFunction: binding, strings } : null;
}

/** `D = function (i, k) { … }, D(i, k)` → the function expression. */
function replacingReader(returned: Nd | null, outer: Nd): Nd | null {
  const seq = returned && unwrap(returned);
  if (!seq || seq.type !== 'SequenceExpression' || seq.expressions.length !== 2) return null;
  const assign = seq.expressions[0];
  if (assign.type !== 'AssignmentExpression' || assign.left.type !== 'Identifier' || assign.left.name !== outer.id.name) return null;
  const inner = unwrap(assign.right);
  return inner.type === 'FunctionExpression' ? inner : null;
}

/**
 * The reader's statements, in any order before the final return: `i = i - OFFSET;`, the array fetch
 * (unless the enclosing decoder did it), `let v = a[i];`, then `return v;` (not checked when a
 * decoding step follows, `returnsValue` false). Any other statement makes it unrecognised.
 */
function readerParts(fn: Nd, stmts: Nd[], outerArray: ArrayFetch | null, ctx: StringArrayContext, returnsValue = true): (ArrayFetch & { offset: number }) | null {
  const first = fn.params[0];
  const parts = returnsValue ? stmts.length - 1 : stmts.length;
  if (!first || first.type !== 'Identifier' || parts < 2 || parts > 3) return null;
  const index = first.name;
  let array = outerArray;
  let offset: number | null = null;
  let value: string | null = null;
  for (let i = 0; i < parts; i++) {
    const stmt = stmts[i];
    const shift = stmt.type === 'ExpressionStatement' ? stmt.expression : null;
    if (shift && shift.type === 'AssignmentExpression' && shift.operator === '=' && shift.left.type === 'Identifier' && shift.left.name === index) {
      const minus = unwrap(shift.right);
      if (minus.type !== 'BinaryExpression' || minus.operator !== '-' || minus.left.type !== 'Identifier' || minus.left.name !== index) return null;
      offset = ctx.foldNumber(minus.right);
      continue;
    }
    if (!array) {
      array = arrayFetch(stmt, ctx);
      if (array) continue;
    }
    const decl = stmt.type === 'VariableDeclaration' && stmt.declarations.length === 1 ? stmt.declarations[0] : null;
    const member = decl?.init && unwrap(decl.init);
    if (!array || !member || decl.id.type !== 'Identifier' || member.type !== 'MemberExpression' || !member.computed) return null;
    if (member.object.type !== 'Identifier' || member.object.name !== array.name || member.property.type !== 'Identifier' || member.property.name !== index) return null;
    value = decl.id.name;
  }
  if (!array || offset === null || value === null) return null;
  if (!returnsValue) return { ...array, offset };
  const ret = stmts[stmts.length - 1];
  return ret.type === 'ReturnStatement' && ret.argument?.type === 'Identifier' && ret.argument.name === value ? { ...array, offset } : null;
}

/**
 * True when a top-level statement is an obfuscator string-array function. Folding decoder calls
 * then depends on three separate statements (array, decoder, rotation loop) that name-based
 * incremental re-analysis cannot follow, so such a file is always scanned whole.
 */
export function holdsStringArray(statements: readonly Nd[]): boolean {
  return statements.some((st) => st.type === 'FunctionDeclaration' && arrayFunctionStrings(st) !== null);
}

/** `function F() { const a = [...strings]; F = function () { return a; }; return F(); }` → the strings. */
function arrayFunctionStrings(fn: Nd): string[] | null {
  if (fn.type !== 'FunctionDeclaration' || fn.params.length !== 0) return null;
  const body = fn.body.body as Nd[];
  if (body.length !== 3 || body[0].type !== 'VariableDeclaration' || body[0].declarations.length !== 1) return null;
  const init = body[0].declarations[0].init;
  if (!init || init.type !== 'ArrayExpression' || init.elements.length === 0) return null;
  const strings: string[] = [];
  for (const el of init.elements as Array<Nd | null>) {
    if (!el || el.type !== 'Literal' || typeof el.value !== 'string') return null;
    strings.push(el.value);
  }
  const reassign = body[1].type === 'ExpressionStatement' ? body[1].expression : null;
  if (!reassign || reassign.type !== 'AssignmentExpression' || reassign.left.type !== 'Identifier' || reassign.left.name !== fn.id.name) return null;
  return body[2].type === 'ReturnStatement' ? strings : null;
}

/**
 * The rotation the start-up loop settles on: the call `(function (f, target) {…})(F, target)` whose
 * loop compares a checksum of `parseInt(D(n))` terms with `target`, replayed for each rotation.
 * Without such a call the array is not rotated; with one that no rotation satisfies, null.
 */
function findRotation(arrayFn: Binding, decoder: Nd, strings: readonly string[], offset: number, encoding: StringArrayDecoder['encoding'], ctx: StringArrayContext): { rotation: number } | null {
  for (const read of arrayFn.reads) {
    const call = ctx.parentOf(read);
    if (!call || call.type !== 'CallExpression' || call.arguments[0] !== read || call.arguments.length !== 2) continue;
    const iife = unwrap(call.callee);
    if (iife.type !== 'FunctionExpression') continue;
    const target = ctx.foldNumber(call.arguments[1]);
    const checksum = checksumExpression(iife);
    if (target === null || !checksum) continue;
    const cache = new Map<string, string>();
    for (let rotation = 0; rotation < strings.length; rotation++) {
      const rotated = { strings, offset, rotation, encoding };
      const decodeCall = (decoderCall: Nd, env: Env, depth: number): string | null | undefined => resolveDecoderCall(decoderCall, env, depth, decoder, rotated, cache, ctx);
      if (evaluateChecksum(checksum, EMPTY_ENV, decodeCall, ctx, 0) === target) return { rotation };
    }
    return null;
  }
  return { rotation: 0 };
}

/** `while (…) { try { const x = CHECKSUM; if (x === target) break; … } catch … }` → CHECKSUM. */
function checksumExpression(iife: Nd): Nd | null {
  for (const stmt of iife.body.body as Nd[]) {
    if (stmt.type !== 'WhileStatement' || stmt.body.type !== 'BlockStatement') continue;
    const attempt = (stmt.body.body as Nd[])[0];
    if (!attempt || attempt.type !== 'TryStatement') return null;
    const first = (attempt.block.body as Nd[])[0];
    if (!first || first.type !== 'VariableDeclaration' || first.declarations.length !== 1) return null;
    return first.declarations[0].init ?? null;
  }
  return null;
}

/** Parameter values inside a wrapper function. */
type Env = ReadonlyMap<string, number | string>;
const EMPTY_ENV: Env = new Map();
type DecodeCall = (call: Nd, env: Env, depth: number) => string | null | undefined;

/**
 * A decoder call inside the checksum: the decoder itself (`d(0x16f)`, through aliases), or a
 * wrapper function that only forwards to it with shifted arguments
 * (`function w(a, b) { return D(a - -0x23e, b); }`). Undefined when it is neither.
 */
function resolveDecoderCall(call: Nd, env: Env, depth: number, decoder: Nd, rotated: StringArrayDecoder, cache: Map<string, string>, ctx: StringArrayContext): string | null | undefined {
  if (call.type !== 'CallExpression' || depth > 8) return undefined;
  const fn = ctx.calleeFunction(call.callee);
  if (!fn) return undefined;
  const args = (call.arguments as Nd[]).map((a) => argumentValue(a, env, ctx));
  if (fn === decoder) return typeof args[0] === 'number' ? decodeStringArray(rotated, args[0], typeof args[1] === 'string' ? args[1] : undefined, cache) : undefined;
  const returned = returnedExpression(fn);
  const forwarded = returned ? unwrap(returned) : null;
  if (!forwarded || forwarded.type !== 'CallExpression' || !(fn.params as Nd[]).every((p) => p.type === 'Identifier')) return undefined;
  const inner = new Map<string, number | string>();
  (fn.params as Nd[]).forEach((p, i) => {
    const v = args[i];
    if (v !== undefined) inner.set(p.name, v);
  });
  return resolveDecoderCall(forwarded, inner, depth + 1, decoder, rotated, cache, ctx);
}

function argumentValue(node: Nd, env: Env, ctx: StringArrayContext): number | string | undefined {
  const n = unwrap(node);
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'Identifier' && typeof env.get(n.name) === 'string') return env.get(n.name);
  // RC4 keys passed through the obfuscator's "calls transform" objects (`o._0x3a`).
  if (n.type === 'MemberExpression') {
    const key = ctx.foldString(n);
    if (key !== null) return key;
  }
  const v = evaluateChecksum(n, env, () => undefined, ctx, 0);
  return Number.isNaN(v) ? undefined : v;
}

/**
 * Numbers, parameters, unary and binary arithmetic, and `parseInt(D(n))` with the decoder call
 * answered by `decodeCall`; anything else the resolver folds to a number (`o._0x33cfde` of a constant
 * object, the obfuscator's "calls transform"). A decoder index outside the array reads `undefined`,
 * which `parseInt` turns into NaN, as at runtime.
 */
function evaluateChecksum(node: Nd, env: Env, decodeCall: DecodeCall, ctx: StringArrayContext, depth: number): number {
  const n = unwrap(node);
  if (depth > 64) return NaN;
  switch (n.type) {
    case 'Literal':
      return typeof n.value === 'number' ? n.value : NaN;
    case 'Identifier': {
      const v = env.get(n.name);
      return typeof v === 'number' ? v : NaN;
    }
    case 'UnaryExpression': {
      const v = evaluateChecksum(n.argument, env, decodeCall, ctx, depth + 1);
      return n.operator === '-' ? -v : n.operator === '+' ? v : NaN;
    }
    case 'BinaryExpression': {
      const a = evaluateChecksum(n.left, env, decodeCall, ctx, depth + 1);
      const b = evaluateChecksum(n.right, env, decodeCall, ctx, depth + 1);
      switch (n.operator) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '%':
          return a % b;
        default:
          return NaN;
      }
    }
    case 'CallExpression': {
      if (n.callee.type !== 'Identifier' || (n.callee.name !== 'parseInt' && n.callee.name !== 'parseFloat') || n.arguments.length < 1) return NaN;
      const text = decodeCall(unwrap(n.arguments[0]), env, 0);
      if (text === undefined) return NaN;
      // As at runtime: no radix, and an index outside the array reads `undefined` (NaN).
      const input = String(text ?? undefined);
      return n.callee.name === 'parseInt' ? parseInt(input) : parseFloat(input);
    }
    case 'MemberExpression':
      return ctx.foldNumber(n) ?? NaN;
    default:
      return NaN;
  }
}
