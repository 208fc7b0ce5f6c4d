/**
 * The scanner's analysis engine (scanner.md §3–§6, §8): resolution of symbolic values, every SEC
 * rule except SEC-SCAN-001, import classification (CMP rules), policy facts and, with a policy
 * oracle, the POL rules.
 */
import type { ParsedSource } from '../parse';
import type { PolicyOracle } from '../policyOracle';
import type { Hit } from '../types';
import { Analyzer, type AnalysisFacts } from './analyzer';
import type { Nd } from './ast';
import { policyHits } from './policy';

export type { AnalysisFacts, CapabilityEvidence, CommandFact, EnvReadFact } from './analyzer';
export { CAPABILITY_ORDER, PI_MEMBER_CAPABILITY, PI_TOOL_CAPABILITY, sortCapabilities } from './piApi';
export { commandPreview } from './policy';

export interface AnalyzeOptions {
  /** The original document text (defaults to the stripped text; offsets are identical). */
  text?: string;
  /** Extension id for policy decisions; null or absent for files outside any unit. */
  extensionId?: string | null;
  /** Without a policy oracle no POL-* hits are produced. */
  policy?: PolicyOracle;
}

export interface AnalysisResult {
  hits: Hit[];
  facts: AnalysisFacts;
}

export function analyzeProgram(parsed: ParsedSource, options: AnalyzeOptions = {}): AnalysisResult {
  const text = options.text ?? parsed.strippedText;
  const analyzer = new Analyzer(parsed.program as unknown as Nd, text, parsed.strippedText);
  analyzer.run();
  const hits = [...analyzer.hits];
  if (options.policy) hits.push(...policyHits(analyzer.facts, options.policy, options.extensionId ?? null));
  hits.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { hits, facts: analyzer.facts };
}
