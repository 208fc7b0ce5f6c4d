import { analyzeProgram, type AnalysisResult } from '../../../shared/scanner/analysis';
import { scanDocument } from '../../../shared/scanner/engine';
import { parseSource } from '../../../shared/scanner/parse';
import type { CapabilityDecision, ExecVerdict, PolicyOracle, SecretClassification, StaticCommand } from '../../../shared/scanner/policyOracle';
import type { Hit } from '../../../shared/scanner/types';

/** A small stand-in for the policy engine (policy.md §3, §8, §9) with the default presets. */
export function fakeOracle(profile: 'safe' | 'standard' | 'permissive' = 'safe'): PolicyOracle {
  const defaults = ['read', 'write', 'http', 'events', 'session'];
  const deny = profile === 'permissive' ? [] : ['exec', 'env'];
  const threshold = profile === 'safe' ? 'high' : 'critical';
  const tiers = ['low', 'medium', 'high', 'critical'];
  return {
    summary: { profile, profileSource: 'default', allowDangerous: false },
    decide(capability: string): CapabilityDecision {
      if (deny.includes(capability)) return { decision: 'deny', reason: 'deny_caps', layer: 2, layerName: 'deny_caps' };
      if (profile !== 'permissive' && defaults.includes(capability)) return { decision: 'allow', reason: 'default_caps', layer: 4, layerName: 'default_caps' };
      if (profile === 'safe') return { decision: 'deny', reason: 'not_in_default_caps', layer: 5, layerName: 'mode_fallback' };
      if (profile === 'standard') return { decision: 'prompt', reason: 'prompt_required', layer: 5, layerName: 'mode_fallback' };
      return { decision: 'allow', reason: 'permissive', layer: 5, layerName: 'mode_fallback' };
    },
    classifyExec(command: StaticCommand): ExecVerdict {
      const text = command.mode === 'shell' ? command.command ?? '' : [command.command, ...command.args].filter((p) => p !== null).join(' ');
      const classes: ExecVerdict['classes'] = [];
      if (/^rm\b.*-\w*r\w*.*\s\/(\s|$)/.test(text) || (command.command === 'rm' && command.args.some((a) => a && /^-\w*r/.test(a)) && command.args.includes('/'))) {
        classes.push({ name: 'recursive_delete', tier: 'critical' });
      }
      if (command.mode === 'shell' && /\b(curl|wget)\b[^|]*\|\s*(sh|bash)\b/.test(text)) classes.push({ name: 'pipe_to_shell', tier: 'high' });
      const worst = classes.reduce((m, c) => Math.max(m, tiers.indexOf(c.tier)), -1);
      const decision = worst >= tiers.indexOf(threshold) ? 'deny' : 'allow';
      return { classes, decision, audited: classes.length > 0 && profile !== 'permissive', threshold };
    },
    classifyEnvName(name: string): SecretClassification {
      const upper = name.toUpperCase();
      if (['GITHUB_TOKEN', 'OPENAI_API_KEY'].includes(upper)) return { secret: true, match: 'exact', pattern: upper, placeholder: '[REDACTED]' };
      for (const suffix of ['_KEY', '_SECRET', '_TOKEN', '_PASSWORD']) {
        if (upper.endsWith(suffix)) return { secret: true, match: 'suffix', pattern: suffix, placeholder: '[REDACTED]' };
      }
      return { secret: false, placeholder: '[REDACTED]' };
    },
    redactPreview: (text: string) => text.replace(/(--password[= ])\S+/g, '$1[REDACTED]'),
  };
}

export interface Scanned {
  text: string;
  hits: Hit[];
  /** `RULE "source text"` for every SEC, CMP and PARSE hit, sorted by position. */
  secCmpParse: string[];
  /** Rule ids of all hits. */
  ids: string[];
}

export function scan(text: string, path = 'ext/index.js', policy?: PolicyOracle): Scanned {
  const result = scanDocument({ text, path, policy, extensionId: 'ext' });
  const hits = result.hits;
  return {
    text,
    hits,
    secCmpParse: hits.filter((h) => /^(SEC|CMP|PARSE)-/.test(h.ruleId)).map((h) => `${h.ruleId} ${JSON.stringify(text.slice(h.start, h.end))}`),
    ids: hits.map((h) => h.ruleId),
  };
}

export function analyze(text: string, path = 'ext/index.js', policy?: PolicyOracle): AnalysisResult {
  return analyzeProgram(parseSource(text, path), { text, policy, extensionId: 'ext' });
}

export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Distinct SEC/CMP/PARSE rule ids, sorted. */
export function ruleSet(s: Scanned): string[] {
  return [...new Set(s.hits.filter((h) => /^(SEC|CMP|PARSE)-/.test(h.ruleId)).map((h) => h.ruleId))].sort();
}
