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
