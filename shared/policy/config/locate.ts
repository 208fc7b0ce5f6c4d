/**
 * Source locations inside config files, so every CFG-* diagnostic points at the exact key or value.
 * JSON uses jsonc-parser's tree; TOML uses a small scanner run after smol-toml accepted the text.
 */
import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';

export interface Span {
  start: number;
  end: number;
}

export type RawPath = readonly (string | number)[];

export interface Locator {
  /** The key of an object member / TOML key (the last segment). */
  keyRange(path: RawPath): Span | null;
  /** The value. */
  valueRange(path: RawPath): Span | null;
  /** What to delete to remove the member or array element cleanly. */
  deletionRange(path: RawPath): Span | null;
}

export const NULL_LOCATOR: Locator = { keyRange: () => null, valueRange: () => null, deletionRange: () => null };

// ---------------------------------------------------------------------------------------------
// JSON

export function jsonLocator(root: JsonNode | undefined, text: string): Locator {
  const node = (path: RawPath): JsonNode | undefined => (root ? findNodeAtLocation(root, path as (string | number)[]) : undefined);
  return {
    keyRange(path) {
      if (path.length === 0) return root ? { start: root.offset, end: root.offset + root.length } : null;
      const n = node(path);
      const prop = n?.parent;
      if (prop?.type === 'property' && prop.children?.[0]) return spanOf(prop.children[0]);
      return n ? spanOf(n) : null;
    },
    valueRange(path) {
      const n = node(path);
      return n ? spanOf(n) : null;
    },
    deletionRange(path) {
      const n = node(path);
      if (!n) return null;
      const item = n.parent?.type === 'property' ? n.parent : n;
      const container = item.parent;
      if (!container?.children) return spanOf(item);
      const siblings = container.children;
      const idx = siblings.indexOf(item);
      if (idx < siblings.length - 1) {
        // Up to the start of the next member, removing the comma and whitespace after this one.
        return { start: lineAwareStart(text, item.offset), end: lineAwareStart(text, siblings[idx + 1].offset) };
      }
      if (idx > 0) {
        const prev = siblings[idx - 1];
        return { start: prev.offset + prev.length, end: item.offset + item.length };
      }
      return spanOf(item);
    },
  };
}

function spanOf(n: JsonNode): Span {
  return { start: n.offset, end: n.offset + n.length };
}

/** Moves a start offset back over indentation when it begins a line, to delete whole lines. */
function lineAwareStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i > 0 && text[i - 1] === '\n' ? i : offset;
}

// ---------------------------------------------------------------------------------------------
// TOML

export interface TomlEntry {
  key?: Span;
  value?: Span;
  deletion?: Span;
}

const keyOf = (path: RawPath): string => path.map(String).join('\u0000');

export interface TomlScan {
  entries: Map<string, TomlEntry>;
  /** Every key occurrence (headers and key/value lines) with its full path. */
  keys: { path: RawPath; span: Span }[];
  /** Table headers in order: path and the offset where the header starts. */
  tables: { path: RawPath; start: number }[];
}

/** Builds a locator for TOML text that smol-toml already accepted. Depth is bounded by the caller's maxDepth. */
export function tomlLocator(text: string): Locator {
  const { entries } = scanToml(text);
  return {
    keyRange: (path) => entries.get(keyOf(path))?.key ?? entries.get(keyOf(path))?.value ?? null,
    valueRange: (path) => entries.get(keyOf(path))?.value ?? null,
    deletionRange: (path) => entries.get(keyOf(path))?.deletion ?? null,
  };
}

/** Tolerant scan of TOML text: key spans, value spans and table headers (also for hover/completion). */
export function scanToml(text: string): TomlScan {
  const entries = new Map<string, TomlEntry>();
  const keys: { path: RawPath; span: Span }[] = [];
  const tables: { path: RawPath; start: number }[] = [];
  const put = (path: RawPath, e: TomlEntry): void => {
    if (e.key) keys.push({ path, span: e.key });
    const k = keyOf(path);
    const cur = entries.get(k);
    if (!cur) entries.set(k, { ...e });
    else {
      cur.key ??= e.key;
      cur.value ??= e.value;
      cur.deletion ??= e.deletion;
    }
  };
  const n = text.length;
  let i = 0;
  let table: (string | number)[] = [];
  const arrayTableCounts = new Map<string, number>();

  const skipWs = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const skipWsNlComments = (): void => {
    for (;;) {
      while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
      if (text[i] === '#') {
        while (i < n && text[i] !== '\n') i++;
        continue;
      }
      return;
    }
  };
  const readKeyPart = (): { name: string; span: Span } | null => {
    skipWs();
    const start = i;
    if (text[i] === '"') {
      let v = '';
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) {
          const e = text[i + 1];
          if (e === 'u' || e === 'U') {
            const len = e === 'u' ? 4 : 8;
            v += String.fromCodePoint(parseInt(text.slice(i + 2, i + 2 + len), 16) || 0);
            i += 2 + len;
            continue;
          }
          v += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\' } as Record<string, string>)[e] ?? e;
          i += 2;
          continue;
        }
        v += text[i++];
      }
      i++;
      return { name: v, span: { start, end: i } };
    }
    if (text[i] === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      const v = text.slice(i + 1, stop);
      i = stop + 1;
      return { name: v, span: { start, end: i } };
    }
    while (i < n && /[A-Za-z0-9_-]/.test(text[i])) i++;
    if (i === start) return null;
    return { name: text.slice(start, i), span: { start, end: i } };
  };
  const readDottedKey = (): { names: string[]; spans: Span[] } => {
    const names: string[] = [];
    const spans: Span[] = [];
    for (;;) {
      const part = readKeyPart();
      if (!part) break;
      names.push(part.name);
      spans.push(part.span);
      skipWs();
      if (text[i] === '.') {
        i++;
        continue;
      }
      break;
    }
    return { names, spans };
  };

  const scanString = (): void => {
    const q = text[i];
    if (text.startsWith(q.repeat(3), i)) {
      const end = text.indexOf(q.repeat(3), i + 3);
      i = end < 0 ? n : end + 3;
      while (text[i] === q) i++;
      return;
    }
    i++;
    while (i < n && text[i] !== q && text[i] !== '\n') {
      if (q === '"' && text[i] === '\\') i++;
      i++;
    }
    i++;
  };

  const scanValue = (path: (string | number)[], depth: number): Span => {
    const start = i;
    const c = text[i];
    if (c === '"' || c === "'") scanString();
    else if (c === '[') {
      i++;
      let index = 0;
      for (;;) {
        skipWsNlComments();
        if (i >= n || text[i] === ']') {
          i++;
          break;
        }
        const elStart = i;
        const v = depth < 200 ? scanValue([...path, index], depth + 1) : { start: i, end: i };
        skipWsNlComments();
        let delEnd = v.end;
        if (text[i] === ',') {
          i++;
          delEnd = i;
          while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
          delEnd = i;
        }
        put([...path, index], { value: v, deletion: { start: elStart, end: delEnd } });
        index++;
        if (i === elStart) i++; // never loop without progress
      }
    } else if (c === '{') {
      i++;
      for (;;) {
        skipWs();
        if (i >= n || text[i] === '}') {
          i++;
          break;
        }
        const before = i;
        const { names, spans } = readDottedKey();
        skipWs();
        if (text[i] === '=') i++;
        skipWs();
        const full = [...path, ...names];
        for (let k = 0; k < names.length; k++) put([...path, ...names.slice(0, k + 1)], { key: spans[k] });
        const v = depth < 200 ? scanValue(full, depth + 1) : { start: i, end: i };
        put(full, { value: v, deletion: { start: spans[0]?.start ?? before, end: v.end } });
        skipWs();
        if (text[i] === ',') i++;
        if (i === before) i++;
      }
    } else {
      while (i < n && !/[,\]}\n#\r]/.test(text[i])) i++;
      let end = i;
      while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
      return { start, end };
    }
    return { start, end: i };
  };

  while (i < n) {
    skipWsNlComments();
    if (i >= n) break;
    const lineStart = i;
    if (text[i] === '[') {
      const isArray = text[i + 1] === '[';
      i += isArray ? 2 : 1;
      const { names, spans } = readDottedKey();
      skipWs();
      i += isArray ? 2 : 1;
      let path: (string | number)[] = names;
      if (isArray) {
        const k = keyOf(names);
        const count = arrayTableCounts.get(k) ?? 0;
        arrayTableCounts.set(k, count + 1);
        path = [...names, count];
      }
      for (let k = 0; k < names.length; k++) put(names.slice(0, k + 1), { key: spans[k] });
      put(path, { value: { start: lineStart, end: i } });
      tables.push({ path, start: lineStart });
      table = path;
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    const { names, spans } = readDottedKey();
    if (names.length === 0) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    skipWs();
    if (text[i] === '=') i++;
    skipWs();
    const full = [...table, ...names];
    for (let k = 0; k < names.length; k++) put([...table, ...names.slice(0, k + 1)], { key: spans[k] });
    const v = scanValue(full, 0);
    let lineEnd = i;
    while (lineEnd < n && text[lineEnd] !== '\n') lineEnd++;
    put(full, { value: v, deletion: { start: lineStart, end: Math.min(n, lineEnd + 1) } });
    i = lineEnd;
  }

  return { entries, keys, tables };
}
