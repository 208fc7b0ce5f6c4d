/**
 * TOML position map (waivers.md §4 "Diagnostic ranges"). smol-toml gives values, not positions; this
 * small, iterative, linear-time scanner maps table headers, (dotted) keys, values and inline tables to
 * offsets. It tolerates anything smol-toml accepts and never throws on broken input (it is also used
 * for completion while the user types): on an unexpected character it skips to the end of the line.
 */

export interface Span {
  start: number;
  end: number;
}

export type LocValueKind = 'string' | 'array' | 'inline-table' | 'other';

/**
 * One `key = value` pair, at the top level, in a table or inside an inline table. Offsets are stored as
 * numbers; the span objects are made on access (a 1,000-waiver file has ~10,000 pairs).
 */
export class LocEntry {
  /** Top-level element spans when the value is an array. */
  elements?: Span[];
  private fullPath: string[] | undefined;
  constructor(
    private readonly text: string,
    /** The containing table's / inline table's path (shared, not copied). */
    readonly parentPath: readonly string[],
    /** The key's own (dotted) segments. */
    readonly segments: string[],
    /** Flat [start0, end0, start1, end1, …] offsets of the key's own (dotted) segments. */
    private readonly segs: number[],
    public valueStart: number,
    public valueEnd: number,
    readonly valueKind: LocValueKind,
    /** Index into `containers` of the table / inline table holding this pair. */
    readonly container: number,
  ) {}
  /** Number of leading path elements that come from the containing table / inline table. */
  get parentLength(): number {
    return this.parentPath.length;
  }
  /** Full path: the containing table's path followed by the key's own segments (made on first use). */
  get path(): string[] {
    if (this.fullPath === undefined) this.fullPath = this.parentPath.length === 0 ? this.segments : this.parentPath.concat(this.segments);
    return this.fullPath;
  }
  /** Span of each of the key's own (dotted) segments. */
  get keySegments(): Span[] {
    const out: Span[] = [];
    for (let k = 0; k < this.segs.length; k += 2) out.push({ start: this.segs[k], end: this.segs[k + 1] });
    return out;
  }
  /** Span of the whole key (all segments). */
  get key(): Span {
    return { start: this.segs[0], end: this.segs[this.segs.length - 1] };
  }
  get keyStart(): number {
    return this.segs[0];
  }
  segmentSpan(k: number): Span | undefined {
    return 2 * k + 1 < this.segs.length ? { start: this.segs[2 * k], end: this.segs[2 * k + 1] } : undefined;
  }
  get value(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }
  /** Source text of the value. */
  get raw(): string {
    return this.text.slice(this.valueStart, this.valueEnd);
  }
}

/** A place keys live in: the root, a `[header]`, a `[[header]]` or an inline table `{ … }`. */
export interface LocContainer {
  kind: 'root' | 'header' | 'array-header' | 'inline';
  path: string[];
  /** Header `[…]` span, or the `{…}` span of an inline table; empty at offset 0 for the root. */
  span: Span;
  /** Header key segment spans (headers only). */
  segments: Span[];
  /** Indices into `entries`, in document order. */
  entries: number[];
}

export interface TomlLocation {
  entries: LocEntry[];
  containers: LocContainer[];
  /** First place where a path of length ≤ 3 is defined: a header segment or a key segment. */
  definition(path: readonly string[]): Span | undefined;
  /** The entry whose full path is `path` (paths of length ≤ 4), first occurrence. */
  entry(path: readonly string[]): LocEntry | undefined;
  /** Header containers (`[x.y]`) whose path equals `path`, in document order. */
  headers(path: readonly string[]): LocContainer[];
}

const MAX_INDEXED_PREFIX = 3;
const MAX_INDEXED_ENTRY = 4;

function isBareKeyChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 /* _ */ || c === 45 /* - */
  );
}

function isWs(c: number): boolean {
  return c === 32 || c === 9;
}

function isNl(c: number): boolean {
  return c === 10 || c === 13;
}

function decodeBasic(body: string): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    switch (n) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'e':
        out += '\u001b';
        break;
      case 'u':
      case 'U': {
        const len = n === 'u' ? 4 : 8;
        const hex = body.slice(i + 1, i + 1 + len);
        const cp = Number.parseInt(hex, 16);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === len && cp <= 0x10ffff) out += String.fromCodePoint(cp);
        i += len;
        break;
      }
      case 'x': {
        const hex = body.slice(i + 1, i + 3);
        out += String.fromCharCode(Number.parseInt(hex, 16) || 0);
        i += 2;
        break;
      }
      default:
        out += n ?? '';
    }
  }
  return out;
}

interface ArrayFrame {
  type: 'array';
  start: number;
  elements: Span[];
  /** What to do with this value when it closes. */
  owner: PendingOwner;
}

interface TableFrame {
  type: 'table';
  start: number;
  container: number;
  path: string[];
  owner: PendingOwner;
}

type Frame = ArrayFrame | TableFrame;

interface TrieNode {
  def?: Span;
  entry?: LocEntry;
  headers?: LocContainer[];
  kids?: Map<string, TrieNode>;
}

interface KeyRead {
  segments: string[];
  /** Flat [start, end, …] offsets of the segments. */
  spans: number[];
}

function pairsToSpans(flat: readonly number[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < flat.length; k += 2) out.push({ start: flat[k], end: flat[k + 1] });
  return out;
}

/** A container value waits for its closing bracket; then it completes an array element or an entry. */
type PendingOwner = { kind: 'element'; frame: ArrayFrame } | { kind: 'entry'; entry: number } | { kind: 'none' };

export function locateToml(text: string): TomlLocation {
  const n = text.length;
  const entries: LocEntry[] = [];
  const containers: LocContainer[] = [{ kind: 'root', path: [], span: { start: 0, end: 0 }, segments: [], entries: [] }];
  let i = 0;

  // The hot loops work on a local copy of `i` (a captured variable lives in the closure context).
  const skipWs = (): void => {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c !== 32 && c !== 9) break;
      j++;
    }
    i = j;
  };
  const skipToEol = (): void => {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
      j++;
    }
    i = j;
  };
  /** Skips whitespace, newlines and comments (used between statements and inside arrays). */
  const skipBlank = (): void => {
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 32 || c === 9 || c === 10 || c === 13) j++;
      else if (c === 35 /* # */) {
        while (j < n && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
      } else break;
    }
    i = j;
  };

  /** Reads a string starting at i (a quote); returns its decoded value. Stops at EOL when unterminated. */
  const readString = (decode: boolean): string => {
    const q = text[i];
    const qc = text.charCodeAt(i);
    const triple = text.charCodeAt(i + 1) === qc && text.charCodeAt(i + 2) === qc;
    if (triple) {
      const bodyStart = i + 3;
      let j = bodyStart;
      while (j < n) {
        if (q === '"' && text[j] === '\\') {
          j += 2;
          continue;
        }
        if (text.charCodeAt(j) === qc && text.charCodeAt(j + 1) === qc && text.charCodeAt(j + 2) === qc) break;
        j++;
      }
      if (j >= n) {
        i = n;
        return decode ? text.slice(bodyStart) : '';
      }
      // Up to two extra quotes may close the string (`""""` ends with a quote in the content).
      let end = j + 3;
      let extra = 0;
      while (extra < 2 && text[end] === q) {
        end++;
        extra++;
      }
      i = end;
      if (!decode) return '';
      const body = text.slice(bodyStart, end - 3);
      const trimmed = body.startsWith('\r\n') ? body.slice(2) : body.startsWith('\n') ? body.slice(1) : body;
      return q === '"' ? decodeBasic(trimmed) : trimmed;
    }
    const bodyStart = i + 1;
    let j = bodyStart;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isNl(c)) break;
      if (q === '"' && c === 92 /* \ */) {
        j += 2;
        continue;
      }
      if (text[j] === q) break;
      j++;
    }
    i = j < n && text[j] === q ? j + 1 : Math.min(j, n);
    if (!decode) return '';
    const body = text.slice(bodyStart, Math.min(j, n));
    return q === '"' ? decodeBasic(body) : body;
  };

  /** Reads a (dotted) key at i. Returns undefined without moving when no key starts here. */
  const segments: string[] = [];
  const spans: number[] = [];
  const readKey = (): KeyRead | undefined => {
    segments.length = 0;
    spans.length = 0;
    const start = i;
    for (;;) {
      const c = text.charCodeAt(i);
      const segStart = i;
      if (c === 34 /* " */ || c === 39 /* ' */) {
        segments.push(readString(true));
      } else if (i < n && isBareKeyChar(c)) {
        let j = i;
        while (j < n && isBareKeyChar(text.charCodeAt(j))) j++;
        i = j;
        segments.push(text.slice(segStart, i));
      } else {
        break;
      }
      spans.push(segStart, i);
      const save = i;
      skipWs();
      if (text.charCodeAt(i) === 46 /* . */) {
        i++;
        skipWs();
        continue;
      }
      i = save;
      break;
    }
    if (segments.length === 0) {
      i = start;
      return undefined;
    }
    // Exact-size copies: a pushed-to array keeps spare capacity, and there are ~10 pairs per waiver.
    if (segments.length === 1) return { segments: [segments[0]], spans: [spans[0], spans[1]] };
    return { segments: segments.slice(), spans: spans.slice() };
  };

  /** A scalar (number, boolean, date, time): up to a delimiter, trailing whitespace trimmed. */
  const readScalar = (): void => {
    const start = i;
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13 || c === 44 /* , */ || c === 93 /* ] */ || c === 125 /* } */ || c === 35 /* # */) break;
      j++;
    }
    i = j;
    let end = i;
    while (end > start && isWs(text.charCodeAt(end - 1))) end--;
    if (end === start && i < n && i === start) {
      // Nothing readable: consume one character so the scan always progresses.
      i++;
      end = i;
    } else {
      i = end;
    }
  };

  const kindAt = (pos: number): LocValueKind => {
    const c = text.charCodeAt(pos);
    if (c === 34 || c === 39) return 'string';
    if (c === 91) return 'array';
    if (c === 123) return 'inline-table';
    return 'other';
  };

  const addEntry = (container: number, parentPath: string[], key: KeyRead, valueStart: number): number => {
    const idx = entries.length;
    entries.push(new LocEntry(text, parentPath, key.segments, key.spans, valueStart, valueStart, kindAt(valueStart), container));
    containers[container].entries.push(idx);
    return idx;
  };

  const finishEntry = (idx: number, end: number, elements?: Span[]): void => {
    const e = entries[idx];
    e.valueEnd = end;
    if (elements) e.elements = elements;
  };

  const stack: Frame[] = [];
  const complete = (o: PendingOwner, start: number, end: number, elements?: Span[]): void => {
    if (o.kind === 'element') o.frame.elements.push({ start, end });
    else if (o.kind === 'entry') finishEntry(o.entry, end, elements);
  };
  const begin = (o: PendingOwner, path: string[]): void => {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      readString(false);
      complete(o, start, i);
    } else if (c === 91 /* [ */) {
      i++;
      stack.push({ type: 'array', start, elements: [], owner: o });
    } else if (c === 123 /* { */) {
      i++;
      const container = containers.length;
      containers.push({ kind: 'inline', path, span: { start, end: start }, segments: [], entries: [] });
      stack.push({ type: 'table', start, container, path, owner: o });
    } else {
      readScalar();
      complete(o, start, i);
    }
  };

  /**
   * Reads the value at i. Containers are handled with an explicit stack (nesting depth is
   * attacker-controlled). `owner` receives the completed value.
   */
  const readValue = (owner: PendingOwner): void => {
    stack.length = 0;
    begin(owner, owner.kind === 'entry' ? entries[owner.entry].path : []);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      skipBlank();
      if (i >= n) {
        // Unterminated container: close everything at EOF.
        while (stack.length > 0) {
          const f = stack.pop() as Frame;
          if (f.type === 'table') containers[f.container].span = { start: f.start, end: n };
          complete(f.owner, f.start, n, f.type === 'array' ? f.elements : undefined);
        }
        break;
      }
      const c = text.charCodeAt(i);
      if (frame.type === 'array') {
        if (c === 93 /* ] */) {
          i++;
          stack.pop();
          complete(frame.owner, frame.start, i, frame.elements);
          continue;
        }
        if (c === 44 /* , */) {
          i++;
          continue;
        }
        if (c === 125 /* } */ || c === 61 /* = */) {
          i++; // stray delimiter: skip
          continue;
        }
        begin({ kind: 'element', frame }, []);
        continue;
      }
      // Inline table.
      if (c === 125 /* } */) {
        i++;
        stack.pop();
        containers[frame.container].span = { start: frame.start, end: i };
        complete(frame.owner, frame.start, i);
        continue;
      }
      if (c === 44 /* , */) {
        i++;
        continue;
      }
      const key = readKey();
      if (!key) {
        i++; // garbage inside an inline table: skip one character
        continue;
      }
      skipWs();
      if (text.charCodeAt(i) !== 61 /* = */) continue;
      i++;
      skipWs();
      const idx = addEntry(frame.container, frame.path, key, i);
      if (i >= n || isNl(text.charCodeAt(i))) {
        finishEntry(idx, i);
        continue;
      }
      begin({ kind: 'entry', entry: idx }, entries[idx].path);
    }
  };

  let current = 0;
  while (i < n) {
    skipBlank();
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) {
      const start = i;
      const isArray = text.charCodeAt(i + 1) === 91;
      i += isArray ? 2 : 1;
      skipWs();
      const key = readKey();
      skipWs();
      if (text.charCodeAt(i) === 93) i++;
      if (isArray && text.charCodeAt(i) === 93) i++;
      current = containers.length;
      containers.push({
        kind: isArray ? 'array-header' : 'header',
        path: key ? key.segments : [],
        span: { start, end: i },
        segments: key ? pairsToSpans(key.spans) : [],
        entries: [],
      });
    } else {
      const key = readKey();
      if (key) {
        skipWs();
        if (text.charCodeAt(i) === 61 /* = */) {
          i++;
          skipWs();
          const idx = addEntry(current, containers[current].path, key, i);
          const vc = text.charCodeAt(i);
          if (i >= n || isNl(vc) || vc === 35) finishEntry(idx, i);
          else if (vc === 34 || vc === 39) {
            readString(false);
            finishEntry(idx, i);
          } else if (vc !== 91 && vc !== 123) {
            readScalar();
            finishEntry(idx, i);
          } else readValue({ kind: 'entry', entry: idx });
        }
      }
    }
    // Rest of the statement line: whitespace and a comment are fine; anything else is skipped.
    skipToEol();
  }

  // Indexes: a trie over path segments (no joined-string keys to build and hash per pair).
  const root: TrieNode = {};
  const childOf = (node: TrieNode, seg: string): TrieNode => {
    if (!node.kids) node.kids = new Map();
    let c = node.kids.get(seg);
    if (!c) {
      c = {};
      node.kids.set(seg, c);
    }
    return c;
  };
  const nodeOfContainer = new Map<number, TrieNode | null>();
  const containerNode = (idx: number): TrieNode | null => {
    let node = nodeOfContainer.get(idx);
    if (node !== undefined) return node;
    const path = containers[idx].path;
    node = root;
    if (path.length > MAX_INDEXED_ENTRY) node = null;
    else for (const seg of path) node = childOf(node, seg);
    nodeOfContainer.set(idx, node);
    return node;
  };
  // Document order: headers and entries merged by start offset (both lists are already in order).
  const headerList: number[] = [];
  for (let c = 0; c < containers.length; c++) if (containers[c].kind === 'header' || containers[c].kind === 'array-header') headerList.push(c);
  let h = 0;
  let e = 0;
  while (h < headerList.length || e < entries.length) {
    const takeHeader = e >= entries.length || (h < headerList.length && containers[headerList[h]].span.start < entries[e].keyStart);
    if (takeHeader) {
      const ct = containers[headerList[h++]];
      let node = root;
      const upto = Math.min(ct.path.length, MAX_INDEXED_ENTRY);
      for (let k = 1; k <= upto; k++) {
        node = childOf(node, ct.path[k - 1]);
        if (k <= MAX_INDEXED_PREFIX && !node.def && ct.segments[k - 1]) node.def = ct.segments[k - 1];
        if (k === ct.path.length) (node.headers ??= []).push(ct);
      }
      continue;
    }
    const en = entries[e++];
    const base = en.parentPath.length;
    if (base + en.segments.length > MAX_INDEXED_ENTRY && base >= MAX_INDEXED_PREFIX) continue;
    let node = base === 0 ? root : containerNode(en.container);
    if (!node) continue;
    const upto = Math.min(base + en.segments.length, MAX_INDEXED_ENTRY);
    for (let k = base + 1; k <= upto; k++) {
      node = childOf(node, en.segments[k - base - 1]);
      if (k <= MAX_INDEXED_PREFIX && !node.def) node.def = en.segmentSpan(k - base - 1);
      if (k === base + en.segments.length && !node.entry) node.entry = en;
    }
  }
  const find = (path: readonly string[]): TrieNode | undefined => {
    let node: TrieNode | undefined = root;
    for (const seg of path) {
      node = node.kids?.get(seg);
      if (!node) return undefined;
    }
    return node;
  };

  return {
    entries,
    containers,
    definition: (path) => (path.length <= MAX_INDEXED_PREFIX ? find(path)?.def : undefined),
    entry: (path) => (path.length <= MAX_INDEXED_ENTRY ? find(path)?.entry : undefined),
    headers: (path) => find(path)?.headers ?? [],
  };
}
