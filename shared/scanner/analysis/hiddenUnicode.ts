/**
 * SEC-UNICODE-001 (beyond the spec): characters that make source read differently from how it runs.
 *
 * - Bidirectional controls (Trojan Source, CVE-2021-42574) reorder what the editor shows, so a comment
 *   can appear to close before code that is in fact commented out, or the other way round.
 * - Runs of invisible characters (variation selectors, tag characters, zero-width, filler and
 *   private-use characters) carry data nobody sees: the GlassWorm extensions (2025) hid their whole
 *   loader in variation selectors inside an empty-looking string and evaluated the decoded bytes.
 * - Identifiers holding invisible characters: an invisible destructured parameter passed on to a
 *   command list reads as a trailing comma (`const { timeout,\u3164} = req.query`).
 *
 * Text-level checks run over the original text (comments and strings included: that is where these
 * characters hide); identifiers are checked by the analyzer when `mayHide` says the text has any.
 */
export interface HiddenUnicodeSpan {
  start: number;
  end: number;
  message: string;
  /** The whole decoded text of a run that follows a known smuggling scheme. */
  payload?: string;
}

/**
 * The invisible and bidi characters this module cares about: the one definition of the set. One
 * character class, so the scan of a file that has none is about as fast as a test for non-ASCII text.
 */
const HIDDEN = /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uE000-\uF8FF\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E01EF}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
/** Invisible characters that can be part of an identifier (ID_Start/ID_Continue). */
const INVISIBLE_IN_NAME = /[\u115F\u1160\u17B4\u17B5\u200C\u200D\u3164\uFFA0]/;
/** Shortest run of invisible characters reported: emoji keep at most a few (flag tag sequences: 7). */
const MIN_HIDDEN_RUN = 10;
/**
 * Private-use characters alone are also icon-font glyphs and the holes of code-page tables (iconv-lite
 * has runs of 11): only a long run of them hides a payload (os-info-checker-es6 carried its payload in
 * private-use characters).
 */
const MIN_PRIVATE_USE_RUN = 64;
const PREVIEW_CHARS = 60;
/** Characters of a run kept for decoding (a payload's first 64 KB). */
const MAX_DECODED_POINTS = 65_536;
/**
 * Reordering deceives a reader; nobody reads a line this long (minified bundles, data tables such as
 * the `entities` decode trie or KaTeX's character ranges hold bidi controls as data).
 */
const MAX_READABLE_LINE = 500;

export function mayHide(text: string): boolean {
  return HIDDEN.test(text);
}

function isInvisible(cp: number): boolean {
  return HIDDEN.test(String.fromCodePoint(cp));
}

function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

const NAMES: Readonly<Record<number, string>> = {
  0xad: 'SOFT HYPHEN', 0x34f: 'COMBINING GRAPHEME JOINER', 0x115f: 'HANGUL CHOSEONG FILLER', 0x1160: 'HANGUL JUNGSEONG FILLER',
  0x17b4: 'KHMER VOWEL INHERENT AQ', 0x17b5: 'KHMER VOWEL INHERENT AA', 0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2060: 'WORD JOINER', 0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0x3164: 'HANGUL FILLER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE', 0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`; ranges get their family name. */
export function describeCodePoint(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name =
    NAMES[cp] ??
    (cp >= 0xfe00 && cp <= 0xfe0f ? `VARIATION SELECTOR-${cp - 0xfe00 + 1}`
      : cp >= 0xe0100 && cp <= 0xe01ef ? `VARIATION SELECTOR-${cp - 0xe0100 + 17}`
        : cp >= 0xe0000 && cp <= 0xe007f ? 'TAG'
          : cp >= 0xe000 && cp <= 0xf8ff ? 'PRIVATE USE'
            : cp >= 0x2061 && cp <= 0x2064 ? 'INVISIBLE OPERATOR'
              : 'FORMAT CHARACTER');
  return `${hex} ${name}`;
}

/** A name or snippet safe to print: invisible and bidi characters written as `\u{…}` escapes. */
export function escapeHidden(text: string): string {
  return mayHide(text) ? text.replace(HIDDEN_ALL, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`) : text;
}

/** The text without its invisible and bidi characters (the quick fix for SEC-UNICODE-001). */
export function removeHidden(text: string): string {
  return mayHide(text) ? text.replace(HIDDEN_ALL, '') : text;
}

/**
 * Cyrillic letters drawn like Latin ones (а е о р с у х і ј ѕ һ ԁ ԛ ԝ ӏ, А В Е К М Н О Р С Т Х Ѕ І Ј):
 * one inside an otherwise Latin name makes it pass for another (`rеquire` with U+0435), the
 * homoglyph half of Trojan Source. Names written wholly in Cyrillic, or holding a Cyrillic word, are ordinary.
 */
const CYRILLIC_LOOKALIKE = /[\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u04BB\u04CF\u0501\u051B\u051D\u0405\u0406\u0408\u0410\u0412\u0415\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0425]/;
const CYRILLIC = /[\u0400-\u052F]/;

/** True when identifiers in the text may hide or impersonate (worth checking each one). */
export function mayDeceive(text: string): boolean {
  return mayHide(text) || CYRILLIC.test(text);
}

/** SEC-UNICODE-001 for an identifier holding invisible characters or Cyrillic look-alikes among Latin letters, or null. */
export function deceptiveNameMessage(name: string): string | null {
  return invisibleNameMessage(name) ?? lookalikeNameMessage(name);
}

function lookalikeNameMessage(name: string): string | null {
  if (!CYRILLIC_LOOKALIKE.test(name) || !/[A-Za-z]/.test(name)) return null;
  // A Cyrillic word inside a name (`getСписок`) has letters no Latin one looks like: not an impersonation.
  if ([...name].some((ch) => CYRILLIC.test(ch) && !CYRILLIC_LOOKALIKE.test(ch))) return null;
  const lookalikes = [...new Set([...name].filter((ch) => CYRILLIC_LOOKALIKE.test(ch)))].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${JSON.stringify(ch)}`);
  return `Identifier "${name}" mixes Latin letters with Cyrillic look-alikes (${lookalikes.join(', ')}): it can pass for another name`;
}

/** SEC-UNICODE-001 for an identifier holding invisible characters, or null. */
function invisibleNameMessage(name: string): string | null {
  if (!INVISIBLE_IN_NAME.test(name)) return null;
  const hidden = [...new Set([...name].filter((ch) => INVISIBLE_IN_NAME.test(ch)))].map((ch) => describeCodePoint(ch.codePointAt(0)!));
  const visible = [...name].some((ch) => !INVISIBLE_IN_NAME.test(ch));
  return visible
    ? `Identifier "${escapeHidden(name)}" contains invisible characters (${hidden.join(', ')})`
    : `Identifier "${escapeHidden(name)}" is invisible (${hidden.join(', ')}): it reads as blank space`;
}

/** Bidi controls (one hit per line, to the end of the line) and long runs of invisible characters. */
export function hiddenUnicodeSpans(text: string): HiddenUnicodeSpan[] {
  const first = text.search(HIDDEN);
  if (first < 0) return [];
  const hits: HiddenUnicodeSpan[] = [];
  let bidiLine: { start: number; controls: Set<number> } | null = null;
  const closeBidiLine = (lineEnd: number) => {
    if (!bidiLine) return;
    const lineStart = Math.max(text.lastIndexOf('\n', bidiLine.start), text.lastIndexOf('\r', bidiLine.start)) + 1;
    if (lineEnd - lineStart > MAX_READABLE_LINE) {
      bidiLine = null;
      return;
    }
    const names = [...bidiLine.controls].map(describeCodePoint).join(', ');
    hits.push({ start: bidiLine.start, end: Math.max(lineEnd, bidiLine.start + 1), message: `Bidirectional control characters (${names}) make this line display in a different order than it runs (Trojan Source)` });
    bidiLine = null;
  };
  let runStart = -1;
  let runCount = 0;
  let runPoints: number[] = [];
  let runPrivateOnly = true;
  const closeRun = (end: number) => {
    if (runCount >= (runPrivateOnly ? MIN_PRIVATE_USE_RUN : MIN_HIDDEN_RUN)) {
      // The characters have no width: the range takes the visible character before them too.
      const before = runStart > 0 && text[runStart - 1] !== '\n' && text[runStart - 1] !== '\r';
      const payload = decodeSmuggled(runPoints);
      const span: HiddenUnicodeSpan = { start: before ? runStart - 1 : runStart, end: before ? end : Math.min(text.length, end + 1), message: runMessage(runPoints, runCount, payload) };
      if (payload !== null) span.payload = payload;
      hits.push(span);
    }
    runStart = -1;
    runCount = 0;
    runPoints = [];
    runPrivateOnly = true;
  };
  for (let i = first; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) closeBidiLine(i);
    if (isInvisible(cp) && !(cp === 0xfeff && i === 0)) {
      if (runStart < 0) runStart = i;
      runCount++;
      if (runPoints.length < MAX_DECODED_POINTS) runPoints.push(cp);
      if (cp < 0xe000 || cp > 0xf8ff) runPrivateOnly = false;
      if (isBidiControl(cp)) {
        bidiLine ??= { start: i, controls: new Set() };
        bidiLine.controls.add(cp);
      }
    } else if (runStart >= 0) closeRun(i);
    i += width;
  }
  if (runStart >= 0) closeRun(text.length);
  closeBidiLine(text.length);
  return hits;
}

/** A run's message: its length, its kinds of characters, the decoded text when it follows a known scheme. */
function runMessage(points: readonly number[], count: number, payload: string | null): string {
  const kinds = [...new Set(points.map(kindOf))].slice(0, 3).join(', ');
  const head = `${count} invisible characters (${kinds}) hide data in the source`;
  if (payload === null) return head;
  const flat = escapeHidden(payload.slice(0, 4 * PREVIEW_CHARS).replace(/\s+/g, ' ').trim());
  return `${head}; they decode to: ${flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat}`;
}

/** The family a character belongs to, as a run's message names it. */
function kindOf(cp: number): string {
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'variation selectors';
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tags';
  if (cp >= 0xe000 && cp <= 0xf8ff) return 'private-use characters';
  return describeCodePoint(cp).replace(/^U\+\S+ /, '').toLowerCase();
}

/**
 * The two published smuggling schemes: variation selectors as bytes (VS1–16 → 0–15, VS17–256 → 16–255,
 * GlassWorm) and tag characters as ASCII. The decoded text, when its head is mostly printable.
 */
function decodeSmuggled(points: readonly number[]): string | null {
  let bytes: number[] | null = [];
  for (const cp of points) {
    if (cp >= 0xfe00 && cp <= 0xfe0f) bytes.push(cp - 0xfe00);
    else if (cp >= 0xe0100 && cp <= 0xe01ef) bytes.push(cp - 0xe0100 + 16);
    else if (cp >= 0xe0020 && cp <= 0xe007e) bytes.push(cp - 0xe0000);
    else if (cp === 0xe0001 || cp === 0xe007f) continue;
    else {
      bytes = null;
      break;
    }
  }
  if (bytes === null || bytes.length === 0) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes));
  const head = [...text.slice(0, 4 * PREVIEW_CHARS)];
  const printable = head.filter((ch) => /[\p{L}\p{N}\p{P}\p{S}\s]/u.test(ch)).length;
  return printable < 0.9 * head.length ? null : text;
}
