/**
 * Exec command analysis used by the risk controller's argument signals (risk.md §2.4). The
 * controller depends only on the {@link ExecAnalyzer} interface; the default analyzer is the policy
 * layer's exec mediation parser and classifier (policy.md §8.2–§8.4), so both agree on every class.
 */
import { CLASS_TIER, classifyScript } from '../policy/exec/classify';
import { parseExecInput } from '../policy/exec/mediate';
import { argsOf } from '../policy/exec/shell';


export type ExecTier = 'low' | 'medium' | 'high' | 'critical';
export const TIER_RANK: Readonly<Record<ExecTier, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

export type ExecInput = { mode: 'shell'; command: string } | { mode: 'argv'; argv: string[] };

export interface ExecSimpleCommand {
  /** Words starting at the program word (wrappers and assignments skipped); `words[0]` is the program basename, lowercased. */
  words: string[];
}

export interface ExecAnalysis {
  commands: ExecSimpleCommand[];
  classes: Array<{ name: string; tier: ExecTier }>;
}

export type ExecAnalyzer = (input: ExecInput) => ExecAnalysis;

// ---------------------------------------------------------------------------------------------
// Word helpers for the DCG patterns (§2.4 item 2)

export function basename(word: string): string {
  const i = word.lastIndexOf('/');
  return (i >= 0 ? word.slice(i + 1) : word).toLowerCase();
}

/** A short-option cluster (`-rf`, `-xdf`) containing any of the letters (case-sensitive). */
export function hasShortFlag(words: string[], letters: string): boolean {
  return words.some((w) => /^-[A-Za-z]+$/.test(w) && [...letters].some((l) => w.slice(1).includes(l)));
}

export function isRecursiveRm(words: string[]): boolean {
  return words.includes('--recursive') || hasShortFlag(words, 'rR');
}

export function isForceRm(words: string[]): boolean {
  return words.includes('--force') || hasShortFlag(words, 'f');
}

/** `of=/dev/X` where X is not null, zero, stdout, stderr, tty or fd/… (as device_write). */
export function isDeviceOf(words: string[]): boolean {
  return words.some((w) => {
    const m = /^of=\/dev\/(.+)$/i.exec(w);
    return m !== null && !/^(null|zero|stdout|stderr|tty|fd\/.*)$/i.test(m[1]);
  });
}

/** The policy layer's parser and classifier behind the {@link ExecAnalyzer} interface. */
export const policyExecAnalyzer: ExecAnalyzer = (input) => {
  const parsed = parseExecInput(input);
  const commands: ExecSimpleCommand[] = [];
  for (const c of parsed.commands) if (c.programIndex >= 0 && c.program !== null) commands.push({ words: [c.program, ...argsOf(c)] });
  const rawText = input.mode === 'shell' ? input.command : input.argv.join(' ');
  const classes = classifyScript(parsed.script, rawText, new Set()).map((h) => ({ name: h.name as string, tier: CLASS_TIER[h.name] as ExecTier }));
  return { commands, classes };
};

/**
 * Memoises an analyzer (a pure function of its input): hostcall streams repeat the same commands, and
 * the shell parser dominates the decision-latency tail. Bounded, oldest entry evicted first. Results
 * are frozen because they are shared between calls.
 */
export function memoizeExecAnalyzer(analyzer: ExecAnalyzer, capacity = 512): ExecAnalyzer {
  const cache = new Map<string, ExecAnalysis>();
  return (input) => {
    const key = input.mode === 'shell' ? `s\u0000${input.command}` : `a\u0000${input.argv.join('\u0000')}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const result = analyzer(input);
    Object.freeze(result.classes);
    Object.freeze(result.commands);
    if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
    cache.set(key, result);
    return result;
  };
}

export const defaultExecAnalyzer: ExecAnalyzer = memoizeExecAnalyzer(policyExecAnalyzer);
