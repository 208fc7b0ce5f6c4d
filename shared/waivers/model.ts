/** Constants and result types of the waiver validator (waivers.md §2–§6, §10). */
import type { Span } from './locator';

export const WAIVER_FIELDS = ['owner', 'created', 'expires', 'bead', 'reason', 'scope', 'remove_when'] as const;
export const WAIVER_OPTIONAL_FIELDS = ['renewal_note'] as const;
export type WaiverField = (typeof WAIVER_FIELDS)[number] | (typeof WAIVER_OPTIONAL_FIELDS)[number];

export const QUARANTINE_FIELDS = [
  'category', 'owner', 'quarantined', 'expires', 'bead', 'evidence', 'repro', 'reason', 'remove_when',
] as const;

export const SCOPES = ['full', 'preflight', 'both'] as const;
export type Scope = (typeof SCOPES)[number];
export const LANES = ['preflight', 'full'] as const;
export type Lane = (typeof LANES)[number];

export const QUARANTINE_CATEGORIES = ['FLAKE-TIMING', 'FLAKE-ENV', 'FLAKE-NET', 'FLAKE-RES', 'FLAKE-EXT', 'FLAKE-LOGIC'] as const;

export const BEAD_RE = /^bd-[a-z0-9]+(\.[a-z0-9]+)*$/;
export const DATE_FORM_RE = /^\d{4}-\d{2}-\d{2}$/;

export const MAX_DURATION_DAYS = 30;
export const EXPIRING_SOON_DAYS = 3;
export const QUARANTINE_MAX_DAYS = 14;
export const QUARANTINE_SOON_DAYS = 2;
export const SELF_GATE = 'waiver_lifecycle';

export type Status = 'active' | 'expiring_soon' | 'expired' | 'invalid';
export type Severity = 'error' | 'warning' | 'information';

/** §4 table order; problems are sorted by it (then by field order). */
export const CODE_ORDER = [
  'SYNTAX', 'NOT-TABLE', 'MISSING-FIELD', 'NOT-STRING', 'EMPTY', 'PLACEHOLDER', 'UNKNOWN-KEY', 'UNKNOWN-GATE', 'SELF',
  'KEY', 'DATE-FORMAT', 'DATE-INVALID', 'SCOPE', 'CATEGORY', 'BEAD', 'DATE-ORDER', 'DURATION', 'CREATED-FUTURE',
  'EXPIRED', 'EXPIRING',
] as const;

/** What a quick fix needs to know beyond code/field. */
export type NotStringKind = 'date' | 'integer' | 'float' | 'boolean' | 'time' | 'array' | 'table';

export interface Problem {
  /** Full code, e.g. `WVR-DURATION`, `QRN-BEAD`, `SUITE-DUP`. */
  code: string;
  severity: Severity;
  /** Field the problem is about; null for table-level problems. */
  field: string | null;
  message: string;
  /** Where the diagnostic goes (offsets into the text). */
  span: Span;
  /** For WVR-NOT-STRING: what the value was; the date part for date literals. */
  notString?: { kind: NotStringKind; datePart?: string };
  /** For WVR-UNKNOWN-KEY / WVR-UNKNOWN-GATE: the nearest allowed name, when close enough. */
  nearest?: string;
}

/** The playbook's gate table (name and blocking flag), used by hovers. */
export const PLAYBOOK_GATES: Readonly<Record<string, { name: string; blocking: boolean }>> = {
  security_compat: { name: 'Security compatibility', blocking: true },
  conformance_regression: { name: 'Conformance regression', blocking: true },
  ext_must_pass: { name: 'Extension must-pass (208)', blocking: true },
  non_mock_unit: { name: 'Non-mock compliance', blocking: true },
  waiver_lifecycle: { name: 'Waiver lifecycle', blocking: true },
};

export interface EntryResult {
  kind: 'waiver' | 'quarantine';
  /** Gate id (waivers) or test stem (quarantine). */
  id: string;
  /** Where the entry is defined: its header key segment, dotted key segment or inline-table key. */
  header: Span;
  status: Status;
  detail: string;
  daysRemaining?: number;
  knownGate: boolean;
  scope: Scope | null;
  appliesIn: Lane[];
  problems: Problem[];
  /** Known fields: the string value, or null when absent / not a string. */
  raw: Record<string, string | null>;
  /** Valid dates (YYYY-MM-DD) after stage 3, for fixes and hovers. */
  created?: string;
  expires?: string;
}

export interface SyntaxError {
  message: string;
  /** 1-based, as in the audit. */
  line: number;
  column: number;
  span: Span;
  problem: Problem;
}

export interface ValidationOptions {
  today: string;
  knownGates: readonly string[];
}
