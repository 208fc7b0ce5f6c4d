/**
 * The scanner's analysis engine (scanner.md §3–§6, §8): resolution of symbolic values, every SEC
 * rule except SEC-SCAN-001, import classification (CMP rules), policy facts and, with a policy
 * oracle, the POL rules.
 */
import { parseSource, type ParsedSource } from '../parse';
import type { PolicyOracle } from '../policyOracle';
import { ruleById } from '../rules';
import type { DocumentFacts, Hit } from '../types';
import { Analyzer, type AnalysisFacts } from './analyzer';
import type { Nd } from './ast';
import { hiddenUnicodeSpans } from './hiddenUnicode';
import { commandPreview, policyHits, rawPreview } from './policy';

export type { AnalysisFacts, CapabilityEvidence, CommandFact, EnvReadFact, UnitAnalysis } from './analyzer';
export { Analyzer } from './analyzer';
export { CAPABILITY_ORDER, PI_MEMBER_CAPABILITY, PI_TOOL_CAPABILITY, sortCapabilities } from './piApi';
export { commandPreview } from './policy';

export interface AnalyzeOptions {
  /** The original document text (defaults to the stripped text; offsets are identical). */
  text?: string;
  /** Extension id for policy decisions; null or absent for files outside any unit. */
  extensionId?: string | null;
  /** Without a policy oracle no POL-* hits are produced. */
  policy?: PolicyOracle;
  /** The text is a payload decoded from hidden characters (its own hidden payloads are not analysed again). */
  payload?: boolean;
}

export interface AnalysisResult {
  hits: Hit[];
  /** Facts for the scanner summary (classified with the policy when one is given). */
  facts: DocumentFacts;
  /** The raw policy facts of §8 (evidence sites, static commands, env reads). */
  policyFacts: AnalysisFacts;
}

export function analyzeProgram(parsed: ParsedSource, options: AnalyzeOptions = {}): AnalysisResult {
  const text = options.text ?? parsed.strippedText;
  const typeOnly = new Set((parsed.typeOnlyImports ?? []).map((t) => t.start));
  const extras = (parsed.extraExpressions ?? []) as unknown as Nd[];
  const analyzer = new Analyzer(parsed.program as unknown as Nd, text, parsed.strippedText, typeOnly, extras, parsed.namespaces ?? []);
  analyzer.run();
  return finishAnalysis(analyzer.hits, analyzer.facts, { ...options, text });
}

/**
 * Adds the text-level hits (SEC-UNICODE-001 over the whole text: comments and strings are where such
 * characters hide) and the policy hits for the facts, and orders the hits (shared by the full and
 * incremental scans).
 */
export function finishAnalysis(ruleHits: readonly Hit[], facts: AnalysisFacts, options: Pick<AnalyzeOptions, 'policy' | 'extensionId' | 'payload'> & { text: string }): AnalysisResult {
  const hits = [...ruleHits];
  const unicodeTier = ruleById('SEC-UNICODE-001')!.tier;
  for (const { payload, ...span } of hiddenUnicodeSpans(options.text)) {
    const flagged = payload !== undefined && !options.payload ? payloadFindings(payload) : [];
    const message = flagged.length > 0 ? `${span.message}; as code it would be flagged ${flagged.join(', ')}` : span.message;
    hits.push({ ruleId: 'SEC-UNICODE-001', tier: unicodeTier, ...span, message, evasion: [], related: [] });
  }
  if (options.policy) hits.push(...policyHits(facts, options.policy, options.extensionId ?? null));
  hits.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { hits, facts: documentFacts(facts, options.policy), policyFacts: facts };
}

/**
 * The SEC and CMP rules a decoded payload would trigger as JavaScript (the GlassWorm loader hidden in
 * variation selectors is `eval`ed): nothing when it does not parse as code.
 */
function payloadFindings(payload: string): string[] {
  const parsed = parseSource(payload, 'payload.js');
  if (parsed.parseError) return [];
  const { hits } = analyzeProgram(parsed, { payload: true });
  return [...new Set(hits.map((h) => h.ruleId).filter((id) => id.startsWith('SEC-') || id.startsWith('CMP-')))].sort();
}

function documentFacts(facts: AnalysisFacts, oracle: PolicyOracle | undefined): DocumentFacts {
  return {
    capabilities: facts.capabilities.map((c) => ({ start: c.start, end: c.end, capability: c.capability, form: c.site })),
    execCommands: facts.commands.map((c) => {
      if (!oracle) return { start: c.start, end: c.end, preview: rawPreview(c.command), classes: [], decision: 'allow' as const };
      const verdict = oracle.classifyExec(c.command);
      return { start: c.start, end: c.end, preview: commandPreview(c.command, oracle), classes: verdict.classes.map((k) => k.name), decision: verdict.decision };
    }),
    envReads: facts.envReads.flatMap((r) => {
      if (r.name === null) return [];
      const c = oracle?.classifyEnvName(r.name);
      return [{ start: r.start, end: r.end, name: r.name, secret: c?.secret ?? false, match: c?.match ?? null }];
    }),
  };
}
