/**
 * Reads one config file (JSON or TOML) into validated leaf values plus file-local CFG diagnostics
 * with precise ranges (policy.md §7). Never throws on bad input.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml, TomlError } from 'smol-toml';
import { CAPABILITIES, isKnownCapability, isPlainObject, normalizeCapability } from '../capabilities';
import { compilePattern } from '../exec/patterns';
import { normalizeProfile, parseMode, parseTier } from '../profiles';
import { jsonLocator, NULL_LOCATOR, tomlLocator, type Locator, type RawPath, type Span } from './locate';
import { SETTINGS_TREE, type LeafMeta, type SchemaNode } from './model';

export type ConfigFormat = 'json' | 'toml';
export type Severity = 'error' | 'warning' | 'information';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

export interface ConfigDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: QuickFix;
}

export interface ConfigLeaf {
  /** Canonical (camelCase) path; record keys (extension ids) as written. */
  path: string[];
  /** The path as written in the file (aliases, array indexes). */
  rawPath: RawPath;
  value: unknown;
}

export interface LoadedConfig {
  format: ConfigFormat;
  text: string;
  /** Empty (or whitespace-only) file: an empty config. */
  empty: boolean;
  syntaxError: { message: string; span: Span } | null;
  leaves: Map<string, ConfigLeaf>;
  /** Diagnostics in document order (ranges are computed on first access). */
  readonly diagnostics: ConfigDiagnostic[];
  /** The same diagnostics in emission order; reading code/message never computes ranges. */
  pending: ConfigDiagnostic[];
  locator: Locator;
  /** The parsed document (plain values), or undefined. */
  raw: unknown;
}

export const MAX_CONFIG_DEPTH = 64;
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export const pathKey = (path: readonly string[]): string => path.join('\u0000');

export function syntaxMessage(msg: string): string {
  return `Syntax error: ${msg}; the policy fails closed to the safe profile`;
}

/** Sorts diagnostics by position (forcing their lazy ranges). */
export function sortDiagnostics(list: readonly ConfigDiagnostic[]): ConfigDiagnostic[] {
  return [...list].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
}

function newLoaded(format: ConfigFormat, text: string): LoadedConfig {
  let cache: { n: number; list: ConfigDiagnostic[] } | null = null;
  const loaded = {
    format, text, empty: false, syntaxError: null, leaves: new Map(), pending: [] as ConfigDiagnostic[], locator: NULL_LOCATOR, raw: undefined,
    get diagnostics(): ConfigDiagnostic[] {
      if (cache === null || cache.n !== loaded.pending.length) cache = { n: loaded.pending.length, list: sortDiagnostics(loaded.pending) };
      return cache.list;
    },
  };
  return loaded as LoadedConfig;
}

type SpanArg = Span | null | (() => Span | null);
type FixArg = QuickFix | undefined | (() => QuickFix | undefined);

/** A diagnostic whose range and quick fix are computed on first access. */
export function lazyDiagnostic(code: string, severity: Severity, message: string, span: SpanArg, fix?: FixArg): ConfigDiagnostic {
  const d = { code, severity, message } as ConfigDiagnostic;
  let spanCache: Span | undefined;
  Object.defineProperty(d, 'span', {
    enumerable: true,
    get: () => (spanCache ??= (typeof span === 'function' ? span() : span) ?? { start: 0, end: 0 }),
  });
  if (fix !== undefined) {
    let fixCache: QuickFix | undefined | null = null;
    Object.defineProperty(d, 'fix', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (fixCache === null) fixCache = typeof fix === 'function' ? fix() : fix;
        return fixCache;
      },
    });
  }
  return d;
}

export function loadConfigText(text: string, format: ConfigFormat): LoadedConfig {
  const base = newLoaded(format, text);
  const fail = (message: string, start: number, end: number): LoadedConfig => {
    const span = { start: Math.max(0, Math.min(start, text.length)), end: Math.max(0, Math.min(Math.max(end, start), text.length)) };
    base.syntaxError = { message, span };
    base.pending.push({ code: 'CFG-001', severity: 'error', message: syntaxMessage(message), span });
    return base;
  };
  if (text.trim() === '') {
    base.empty = true;
    return base;
  }
  if (text.length > MAX_CONFIG_BYTES) return fail(`file larger than ${MAX_CONFIG_BYTES} bytes`, 0, 0);
  if (text.includes('\u0000')) return fail('binary content (NUL byte)', text.indexOf('\u0000'), text.indexOf('\u0000') + 1);
  const deep = nestingTooDeep(text, format);
  if (deep >= 0) return fail(`nesting deeper than ${MAX_CONFIG_DEPTH} levels`, deep, deep + 1);
  let value: unknown;
  if (format === 'json') {
    // Fast path: the native parser for values; the range-aware tree is built only when a diagnostic
    // needs a position (or to locate a syntax error).
    let parsed = false;
    try {
      value = JSON.parse(text) as unknown;
      parsed = true;
    } catch {
      parsed = false;
    }
    if (!parsed) {
      const errors: ParseError[] = [];
      parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
      const e = errors[0];
      if (e) return fail(`${humanJsonError(printParseErrorCode(e.error))}`, e.offset, e.offset + Math.max(1, e.length));
      return fail('invalid JSON', 0, 0);
    }
    base.locator = lazyLocator(() => jsonLocator(parseTree(text, [], { disallowComments: true }), text));
  } else {
    try {
      value = parseToml(text, { maxDepth: MAX_CONFIG_DEPTH });
    } catch (error) {
      if (error instanceof TomlError) {
        const first = error.message.split('\n')[0].replace(/^Invalid TOML document:\s*/, '');
        const offset = offsetOfLineColumn(text, error.line, error.column);
        return fail(`${first} (line ${error.line}, column ${error.column})`, offset, offset + 1);
      }
      return fail(error instanceof Error ? error.message : String(error), 0, 0);
    }
    base.locator = lazyLocator(() => tomlLocator(text));
  }
  base.raw = value;
  walk(value, base);
  return base;
}

function lazyLocator(make: () => Locator): Locator {
  let real: Locator | null = null;
  const get = (): Locator => (real ??= make());
  return {
    keyRange: (p) => get().keyRange(p),
    valueRange: (p) => get().valueRange(p),
    deletionRange: (p) => get().deletionRange(p),
  };
}

function humanJsonError(code: string): string {
  // "PropertyNameExpected" → "property name expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function offsetOfLineColumn(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/** Offset where bracket nesting first exceeds the limit, or -1 (linear, string-aware). */
function nestingTooDeep(text: string, format: ConfigFormat): number {
  let depth = 0;
  let inString: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString !== null) {
      if (c === '\\' && inString === '"') i++;
      else if (c === inString) inString = null;
      continue;
    }
    if (c === '"' || (format === 'toml' && c === "'")) inString = c;
    else if (format === 'toml' && c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth > MAX_CONFIG_DEPTH + 2) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Walker

const TOP_LEVEL_SECTIONS = ['extensionPolicy', 'extensionRisk', 'extension_policy', 'extension_risk'];

function displayKey(rawPath: RawPath): string {
  return rawPath.filter((p) => typeof p === 'string').join('.');
}

function walk(value: unknown, out: LoadedConfig): void {
  const loc = out.locator;
  const diag: DiagFn = (code, severity, message, span, fix) => {
    out.pending.push(lazyDiagnostic(code, severity, message, span, fix));
  };
  const typeError = (rawPath: RawPath, type: string): void =>
    diag('CFG-003', 'error', `"${displayKey(rawPath)}" must be ${type}; value ignored`, loc.valueRange(rawPath) ?? loc.keyRange(rawPath));
  if (value === undefined) return;
  if (!isPlainObject(value)) {
    typeError([], 'an object');
    return;
  }
  const stack: { node: SchemaNode; value: unknown; path: string[]; rawPath: RawPath }[] = [{ node: SETTINGS_TREE, value, path: [], rawPath: [] }];
  while (stack.length > 0) {
    const { node, value: v, path, rawPath } = stack.pop()!;
    if (node.type === 'object') {
      if (!isPlainObject(v)) {
        typeError(rawPath, 'an object');
        continue;
      }
      const keys = Object.keys(v);
      const present = new Set(keys);
      for (const key of keys) {
        let canonical: string | undefined;
        if (node.fields.has(key)) canonical = key;
        else if (node.snake.has(key)) {
          canonical = node.snake.get(key)!;
          if (present.has(canonical)) {
            const del = loc.deletionRange([...rawPath, key]);
            diag('CFG-007', 'warning', `Both "${canonical}" and "${key}" are set; "${canonical}" is used`, loc.keyRange([...rawPath, key]),
              del ? { title: `Remove "${key}"`, edits: [{ span: del, newText: '' }] } : undefined);
            continue;
          }
        }
        if (canonical === undefined) {
          if (path.length === 0 && !looksLikeSection(key)) continue; // other agent settings live at the top level
          const suggestion = path.length === 0 ? nearest(key, TOP_LEVEL_SECTIONS) : nearest(key, [...node.fields.keys(), ...node.snake.keys()]);
          diag('CFG-002', 'warning', `Unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, loc.keyRange([...rawPath, key]));
          continue;
        }
        stack.push({ node: node.fields.get(canonical)!, value: v[key], path: [...path, canonical], rawPath: [...rawPath, key] });
      }
      continue;
    }
    if (node.type === 'record') {
      if (!isPlainObject(v)) {
        typeError(rawPath, 'an object');
        continue;
      }
      for (const key of Object.keys(v)) stack.push({ node: node.value, value: v[key], path: [...path, key], rawPath: [...rawPath, key] });
      continue;
    }
    const result = readLeaf(node.meta, node.nullable, v, rawPath, out, diag);
    if (result !== undefined) out.leaves.set(pathKey(path), { path, rawPath, value: result.value });
  }
  crossChecks(out, diag);
}

function looksLikeSection(key: string): boolean {
  const k = key.toLowerCase().replace(/[_-]/g, '');
  if (k === 'extensionpolicy' || k === 'extensionrisk') return true;
  return nearest(key, TOP_LEVEL_SECTIONS) !== null;
}

type DiagFn = (code: string, severity: Severity, message: string, span: SpanArg, fix?: FixArg) => void;

function readLeaf(meta: LeafMeta, nullable: boolean, v: unknown, rawPath: RawPath, out: LoadedConfig, diag: DiagFn): { value: unknown } | undefined {
  const loc = out.locator;
  switch (meta.kind) {
    case 'boolean':
      return typeof v === 'boolean' ? { value: v } : leafTypeError(diag, loc, rawPath, 'a boolean');
    case 'string':
      return typeof v === 'string' ? { value: v } : leafTypeError(diag, loc, rawPath, 'a string');
    case 'nonEmptyString':
      return typeof v === 'string' && v !== '' ? { value: v } : leafTypeError(diag, loc, rawPath, 'a non-empty string');
    case 'profile': {
      if (typeof v !== 'string') return leafTypeError(diag, loc, rawPath, 'a string');
      if (normalizeProfile(v).fallback) {
        const s = nearest(v.trim().toLowerCase(), ['safe', 'standard', 'balanced', 'permissive']);
        const vr = loc.valueRange(rawPath);
        diag('CFG-004', 'warning', `Unknown profile "${v}"; the safe profile is used`, spanOfLeaf(loc, rawPath),
          s && vr ? { title: `Replace with "${s}"`, edits: [{ span: vr, newText: quoteLike(out, s) }] } : undefined);
      }
      return { value: v };
    }
    case 'tier': {
      if (typeof v !== 'string') return leafTypeError(diag, loc, rawPath, 'a string');
      const t = parseTier(v);
      return t ? { value: t } : leafTypeError(diag, loc, rawPath, 'one of low, medium, high, critical');
    }
    case 'mode': {
      if (v === null && nullable) return { value: null };
      const m = typeof v === 'string' ? parseMode(v) : null;
      return m ? { value: m } : leafTypeError(diag, loc, rawPath, `one of strict, prompt, permissive${nullable ? ' or null' : ''}`);
    }
    case 'rolloutPhase': {
      const phases = ['shadow', 'log_only', 'enforce_new', 'enforce_all'];
      const p = typeof v === 'string' ? v.trim().toLowerCase() : null;
      return p !== null && phases.includes(p) ? { value: p } : leafTypeError(diag, loc, rawPath, 'one of shadow, log_only, enforce_new, enforce_all');
    }
    case 'integer':
    case 'number': {
      if (typeof v === 'bigint') v = Number(v);
      if (typeof v !== 'number') return leafTypeError(diag, loc, rawPath, meta.kind === 'integer' ? 'an integer' : 'a number');
      if (!Number.isFinite(v)) {
        diag('CFG-005', 'warning', `${displayKey(rawPath)} = ${v} is not a finite number; ignored`, spanOfLeaf(loc, rawPath));
        return undefined;
      }
      let n = v;
      if (meta.kind === 'integer' && !Number.isInteger(n)) {
        n = Math.trunc(n);
        diag('CFG-005', 'warning', `${displayKey(rawPath)} = ${v} is not an integer; ${n} is used`, spanOfLeaf(loc, rawPath));
      }
      const min = meta.min ?? -Infinity;
      const max = meta.max ?? Infinity;
      if (n < min || n > max) {
        const clamped = Math.min(max, Math.max(min, n));
        diag('CFG-005', 'warning', `${displayKey(rawPath)} = ${n} is outside ${fmtBound(meta.min)}..${fmtBound(meta.max)}; ${clamped} is used`, spanOfLeaf(loc, rawPath));
        n = clamped;
      }
      return { value: n };
    }
    case 'capabilityList':
    case 'patternList':
    case 'nameList': {
      if (!Array.isArray(v)) return leafTypeError(diag, loc, rawPath, 'an array of strings');
      const values: string[] = [];
      for (let i = 0; i < v.length; i++) {
        const el: unknown = v[i];
        const elPath = [...rawPath, i];
        if (typeof el !== 'string') {
          diag('CFG-003', 'error', `"${displayKey(rawPath)}[${i}]" must be a string; value ignored`, loc.valueRange(elPath));
          continue;
        }
        if (meta.kind === 'capabilityList') {
          const cap = normalizeCapability(el);
          if (cap === '') {
            diag('CFG-006', 'warning', `Unknown capability "${el}" (known: ${CAPABILITIES.join(', ')})`, loc.valueRange(elPath));
            continue;
          }
          if (!isKnownCapability(cap)) {
            const s = nearest(cap, CAPABILITIES);
            const vr = loc.valueRange(elPath);
            diag('CFG-006', 'warning', `Unknown capability "${el}" (known: ${CAPABILITIES.join(', ')})`, vr,
              s && vr ? { title: `Replace with "${s}"`, edits: [{ span: vr, newText: quoteLike(out, s) }] } : undefined);
          }
          values.push(cap);
        } else if (meta.kind === 'patternList') {
          const r = compilePattern(el);
          if ('problem' in r) {
            const del = loc.deletionRange(elPath);
            diag('CFG-014', 'warning', `Pattern "${el}" is ignored: ${r.problem}`, loc.valueRange(elPath),
              del ? { title: `Remove pattern "${el}"`, edits: [{ span: del, newText: '' }] } : undefined);
            continue;
          }
          values.push(el);
        } else {
          const name = el.trim();
          if (name !== '') values.push(name);
        }
      }
      return { value: values };
    }
  }
}

function spanOfLeaf(loc: Locator, rawPath: RawPath): Span | null {
  return loc.valueRange(rawPath) ?? loc.keyRange(rawPath);
}

function leafTypeError(diag: DiagFn, loc: Locator, rawPath: RawPath, type: string): undefined {
  diag('CFG-003', 'error', `"${displayKey(rawPath)}" must be ${type}; value ignored`, () => spanOfLeaf(loc, rawPath));
  return undefined;
}

function fmtBound(b: number | undefined): string {
  return b === undefined ? '∞' : String(b);
}

function quoteLike(_out: LoadedConfig, s: string): string {
  return JSON.stringify(s);
}

function crossChecks(out: LoadedConfig, diag: DiagFn): void {
  const loc = out.locator;
  const leaf = (...path: string[]): ConfigLeaf | undefined => out.leaves.get(pathKey(path));
  // CFG-009: allowDangerous true
  const ad = leaf('extensionPolicy', 'allowDangerous');
  if (ad && ad.value === true) {
    diag('CFG-009', 'information',
      'allowDangerous removes exec and env from the deny list for all extensions (audited); under safe they stay denied unless a per-extension allow grants them',
      () => {
        const k = loc.keyRange(ad.rawPath);
        const vr = loc.valueRange(ad.rawPath);
        return k && vr ? { start: k.start, end: vr.end } : k ?? vr;
      });
  }
  // CFG-010: profile vs defaultPermissive
  const profile = leaf('extensionPolicy', 'profile');
  const dp = leaf('extensionPolicy', 'defaultPermissive');
  if (profile && dp && typeof profile.value === 'string') {
    // defaultPermissive true means "permissive"; false means "not permissive" (so standard agrees with it).
    const isPermissive = normalizeProfile(profile.value).effective === 'permissive';
    if (isPermissive !== (dp.value === true)) {
      diag('CFG-010', 'warning', 'profile and defaultPermissive disagree; profile is used', loc.keyRange(dp.rawPath));
    }
  }
  // CFG-011: rolloutPhase vs enforce
  const phase = leaf('extensionRisk', 'rolloutPhase');
  const enforce = leaf('extensionRisk', 'enforce');
  if (phase && enforce && typeof phase.value === 'string') {
    const implied = phase.value === 'enforce_new' || phase.value === 'enforce_all';
    if (implied !== enforce.value) {
      diag('CFG-011', 'warning', `rolloutPhase "${phase.value}" implies enforce=${implied}; the phase is used`, loc.valueRange(phase.rawPath) ?? loc.keyRange(phase.rawPath));
    }
  }
  // CFG-012: allowed and denied for the same id
  for (const l of out.leaves.values()) {
    if (l.path.length !== 4 || l.path[1] !== 'perExtension' || l.path[3] !== 'allow') continue;
    const id = l.path[2];
    const deny = leaf('extensionPolicy', 'perExtension', id, 'deny');
    if (!deny) continue;
    const denied = new Set(deny.value as string[]);
    const allowRaw = rawListElements(out, l.rawPath);
    for (const { index, cap } of allowRaw) {
      if (!denied.has(cap)) continue;
      const elPath = [...l.rawPath, index];
      const del = loc.deletionRange(elPath);
      diag('CFG-012', 'warning', `"${cap}" is both allowed and denied for "${id}"; the deny wins (layer 1)`, loc.valueRange(elPath),
        del ? { title: `Remove "${cap}" from allow`, edits: [{ span: del, newText: '' }] } : undefined);
    }
  }
}

/** Raw string elements of a list with their original indexes (normalised as capabilities). */
export function rawListElements(out: LoadedConfig, rawPath: RawPath): { index: number; cap: string; raw: string }[] {
  let node: unknown = rawValueAt(out, rawPath);
  if (!Array.isArray(node)) node = [];
  const res: { index: number; cap: string; raw: string }[] = [];
  (node as unknown[]).forEach((el, index) => {
    if (typeof el === 'string') res.push({ index, cap: normalizeCapability(el), raw: el });
  });
  return res;
}

function rawValueAt(out: LoadedConfig, rawPath: RawPath): unknown {
  let cur: unknown = out.raw;
  for (const p of rawPath) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}


/** Levenshtein distance ≤ 2 → the nearest candidate (first on ties), else null. */
export function nearest(value: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const c of candidates) {
    if (c === value) return null;
    const d = editDistance(value, c, bestD);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return prev[b.length];
}

