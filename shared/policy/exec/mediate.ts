/** The exec mediation decision (policy.md §8.1). */
import type { Tier } from '../profiles';
import { tierRank } from '../profiles';
import { CLASS_TIER, classifyScript, type ExecClassName } from './classify';
import { compilePatterns, patternMatches, type CompiledPattern } from './patterns';
import { parseArgv, parseShell, type ParseResult, type SimpleCommand } from './shell';

export type ExecInput = { mode: 'shell'; command: string } | { mode: 'argv'; argv: readonly string[] };

export interface ExecMediationConfig {
  enabled: boolean;
  denyThreshold: Tier;
  auditAllClassified: boolean;
  denyPatterns: readonly string[];
  allowPatterns: readonly string[];
}

/** Patterns compiled once per configuration (a hot path for the scanner and benchmarks). */
export interface CompiledMediation {
  config: ExecMediationConfig;
  deny: CompiledPattern[];
  allow: CompiledPattern[];
}

export function compileMediation(config: ExecMediationConfig): CompiledMediation {
  return { config, deny: compilePatterns(config.denyPatterns), allow: compilePatterns(config.allowPatterns) };
}

export interface ExecSegment {
  /** The simple command's words joined by spaces. */
  text: string;
  program: string | null;
  depth: number;
  exempt: boolean;
  /** The allow pattern that exempted it. */
  allowPattern?: string;
}

export interface ExecClassResult {
  name: ExecClassName;
  tier: Tier;
}

export interface ExecDecision {
  decision: 'allow' | 'allow_with_audit' | 'deny';
  /** The worst class (highest tier, earliest in table order on ties). */
  class?: ExecClassName;
  tier?: Tier;
  /** Every class found, in table order. */
  classes: ExecClassResult[];
  reason: string;
  denyPattern?: string;
  threshold: Tier;
  truncated: boolean;
  segments: ExecSegment[];
}

export function parseExecInput(input: ExecInput): ParseResult {
  return input.mode === 'shell' ? parseShell(input.command) : parseArgv(input.argv);
}

export function mediate(input: ExecInput, settings: CompiledMediation | ExecMediationConfig): ExecDecision {
  const compiled = 'deny' in settings && Array.isArray(settings.deny) ? (settings as CompiledMediation) : compileMediation(settings as ExecMediationConfig);
  const cfg = compiled.config;
  const threshold = cfg.denyThreshold;
  if (!cfg.enabled) return { decision: 'allow', classes: [], reason: 'mediation disabled', threshold, truncated: false, segments: [] };
  const parsed = parseExecInput(input);
  const exempt = new Map<number, string>();
  for (const cmd of parsed.commands) {
    for (const p of compiled.allow) {
      if (patternMatches(p, cmd)) {
        exempt.set(cmd.id, p.source);
        break;
      }
    }
  }
  const segments = parsed.commands.map((c) => segmentOf(c, exempt.get(c.id)));
  for (const cmd of parsed.commands) {
    if (exempt.has(cmd.id)) continue;
    for (const p of compiled.deny) {
      if (patternMatches(p, cmd)) {
        return { decision: 'deny', classes: [], reason: `Command matches deny pattern "${p.source}"`, denyPattern: p.source, threshold, truncated: parsed.truncated, segments };
      }
    }
  }
  const rawText = input.mode === 'shell' ? input.command : input.argv.join(' ');
  const hits = classifyScript(parsed.script, rawText, new Set(exempt.keys()));
  const classes = hits.map((h) => ({ name: h.name, tier: CLASS_TIER[h.name] }));
  if (classes.length === 0) {
    if (parsed.truncated) return { decision: 'allow_with_audit', classes, reason: 'Command nesting too deep to analyse', threshold, truncated: true, segments };
    return { decision: 'allow', classes, reason: 'No dangerous command class', threshold, truncated: false, segments };
  }
  let worst = classes[0];
  for (const c of classes) if (tierRank(c.tier) > tierRank(worst.tier)) worst = c;
  const base = { class: worst.name, tier: worst.tier, classes, threshold, truncated: parsed.truncated, segments };
  if (tierRank(worst.tier) >= tierRank(threshold)) return { decision: 'deny', reason: `Command classified as ${worst.name} (${worst.tier})`, ...base };
  if (cfg.auditAllClassified) {
    return { decision: 'allow_with_audit', reason: `Command classified as ${worst.name} (${worst.tier}), below deny threshold ${threshold}`, ...base };
  }
  return { decision: 'allow', reason: `Command classified as ${worst.name} (${worst.tier}), below deny threshold ${threshold}`, ...base };
}

function segmentOf(cmd: SimpleCommand, allowPattern: string | undefined): ExecSegment {
  const seg: ExecSegment = { text: cmd.words.map((w) => w.text).join(' '), program: cmd.program, depth: cmd.depth, exempt: allowPattern !== undefined };
  if (allowPattern !== undefined) seg.allowPattern = allowPattern;
  return seg;
}
