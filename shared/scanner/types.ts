/** Scanner domain types shared by the engine, the server and the CLI (scanner.md). */
export type Tier = 'critical' | 'high' | 'medium' | 'low';
export const TIERS: readonly Tier[] = ['critical', 'high', 'medium', 'low'];

export type RuleFamily = 'SEC' | 'CMP' | 'POL' | 'PARSE' | 'SUP';

export interface RuleDefinition {
  id: string;
  /** kebab-case rule name, e.g. `eval-usage`. */
  name: string;
  tier: Tier;
  family: RuleFamily;
  /** What the rule detects, one sentence. */
  summary: string;
  /** The rulebook's rationale, word for word. */
  rationale: string;
  remediation: string;
}

/** Offsets are UTF-16 code-unit indices into the original document text. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface RelatedSpan extends TextSpan {
  message: string;
}

/** One rule hit in one document, before suppression and coalescing (scanner.md §5.6). */
export interface Hit extends TextSpan {
  ruleId: string;
  tier: Tier;
  message: string;
  /** Evasion steps for the `{via}` suffix and the hover, at most three shown. */
  evasion: string[];
  related: RelatedSpan[];
  /** Policy context for POL-* hits and capability evidence (LSP `data`, scanner.md §10). */
  capability?: string;
  decision?: string;
  layer?: number;
}

/** Capability evidence site (scanner.md §8.1); offsets into the document. */
export interface CapabilitySite extends TextSpan {
  capability: string;
  /** Source text of the evidence site, e.g. `pi.exec`. */
  form: string;
}

/** A statically known command (scanner.md §8.4) for the summary's `exec_commands`. */
export interface ExecCommandFact extends TextSpan {
  /** Redacted, truncated preview. */
  preview: string;
  classes: string[];
  decision: 'allow' | 'deny';
}

/** An env read with a constant name (scanner.md §8.5) for the summary's `env_reads`. */
export interface EnvReadFact extends TextSpan {
  name: string;
  secret: boolean;
  match: string | null;
}

/** Facts the analysis reports besides hits; used by the scanner summary (dashboards.md §3). */
export interface DocumentFacts {
  capabilities: CapabilitySite[];
  execCommands: ExecCommandFact[];
  envReads: EnvReadFact[];
}

export function emptyFacts(): DocumentFacts {
  return { capabilities: [], execCommands: [], envReads: [] };
}

export interface Suppression {
  reason: string;
  until: string | null;
  /** 1-based line of the suppression comment. */
  line: number;
  fileLevel: boolean;
}

/** A reportable finding: a hit placed in a file of an extension unit (scanner.md §11). */
export interface Finding {
  ruleId: string;
  tier: Tier;
  message: string;
  remediation: string;
  file: string;
  /** 1-based line and UTF-16 column. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  extensionId: string | null;
  fingerprint: string;
  evasion: string[];
  alsoMatched: string[];
  suppression: Suppression | null;
}

export interface ScanNotice {
  level: 'error' | 'warning' | 'info';
  message: string;
  file?: string;
}
