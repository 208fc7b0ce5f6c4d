/**
 * Automatic semicolon insertion at a statement's end: can the next token continue the statement?
 * The incremental editor scan asks it where statements meet; the TypeScript stripper asks it before
 * turning an enum into an object literal (which, unlike the enum, has no end of its own).
 */

/**
 * True when the statement starting at `offset` cannot continue the one before it (no automatic
 * semicolon is needed for that when its first token is a name, a number, a string, `{`, `}`, `!`,
 * `~`, `@`, `#` or `;`); `(`, `[`, a template, an operator or `in`/`instanceof`/`as`/`satisfies` could.
 */
export function startsFresh(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  if (Number.isNaN(c)) return true;
  if (isIdentifierStart(c)) {
    let end = offset + 1;
    while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
    return !CONTINUING_WORDS.has(text.slice(offset, end));
  }
  return (c >= 48 && c <= 57) || FRESH_PUNCTUATION.has(text[offset]);
}

const CONTINUING_WORDS: ReadonlySet<string> = new Set(['in', 'instanceof', 'as', 'satisfies']);
const FRESH_PUNCTUATION: ReadonlySet<string> = new Set(['"', "'", '{', '}', '!', '~', '@', '#', ';']);

function isIdentifierStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 92 || c > 127;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || (c >= 48 && c <= 57);
}

/**
 * True when a statement ending at `end` (no semicolon) ends there whatever follows at `next`: a line
 * break lies between them (automatic semicolon insertion needs one; a comment holding one counts)
 * and the next token cannot continue it.
 */
export function endsByLineBreak(text: string, end: number, next: number): boolean {
  if (!startsFresh(text, next)) return false;
  for (let i = end; i < next; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** Offset of the first token at or after `offset`, past whitespace and comments (the text's length at its end). */
export function tokenAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    if (/\s/.test(text[i])) i++;
    else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return text.length;
      i = close + 2;
    } else break;
  }
  return i;
}
