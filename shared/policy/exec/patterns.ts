/**
 * Allow and deny patterns (policy.md §8.3): word-prefix patterns lexed like commands. Never compiled
 * as regular expressions, so a hostile pattern cannot cause catastrophic backtracking.
 */
import { asciiLower } from '../capabilities';
import { basenameLower, lexWords, type SimpleCommand } from './shell';

export interface CompiledPattern {
  /** The pattern as written. */
  source: string;
  /** Lowercased words; the first is a program basename. */
  words: string[];
  /** True when the last word ends with `*` (prefix match on that word). */
  lastIsPrefix: boolean;
}

export type PatternProblem = 'empty' | 'matches every command' | `cannot be parsed: ${string}`;

export function compilePattern(source: string): { pattern: CompiledPattern } | { problem: PatternProblem } {
  if (source.trim() === '') return { problem: 'empty' };
  const lexed = lexWords(source);
  if (lexed.error) return { problem: `cannot be parsed: ${lexed.error}` };
  if (lexed.operators) return { problem: 'cannot be parsed: it contains a shell operator or redirection' };
  const words = lexed.words.map(asciiLower);
  if (words.length === 0) return { problem: 'empty' };
  if (words.length === 1 && /^\*+$/.test(words[0])) return { problem: 'matches every command' };
  let lastIsPrefix = false;
  const last = words[words.length - 1];
  if (last.endsWith('*')) {
    lastIsPrefix = true;
    words[words.length - 1] = last.slice(0, -1);
  }
  words[0] = basenameLower(words[0]);
  if (words.length === 1 && words[0] === '' && lastIsPrefix) return { problem: 'matches every command' };
  return { pattern: { source, words, lastIsPrefix } };
}

/** Compiles a list, dropping invalid patterns (they are reported as CFG-014 by the config checks). */
export function compilePatterns(sources: readonly string[]): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  for (const s of sources) {
    const r = compilePattern(s);
    if ('pattern' in r) out.push(r.pattern);
  }
  return out;
}

/** Whether the command's words, from the program word on, begin with the pattern's words. */
export function patternMatches(pattern: CompiledPattern, cmd: SimpleCommand): boolean {
  if (cmd.programIndex < 0) return false;
  const pw = pattern.words;
  const available = cmd.words.length - cmd.programIndex;
  if (available < pw.length) return false;
  for (let k = 0; k < pw.length; k++) {
    const word = cmd.words[cmd.programIndex + k].text;
    const actual = k === 0 ? basenameLower(word) : asciiLower(word);
    const last = k === pw.length - 1;
    if (last && pattern.lastIsPrefix) {
      if (!actual.startsWith(pw[k])) return false;
    } else if (actual !== pw[k]) return false;
  }
  return true;
}
