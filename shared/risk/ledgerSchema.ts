/** zod schemas of the ledger entry and artifact (risk.md §3.1, §3.4), the single source of truth for both. */
import { z } from 'zod';

export const LEDGER_SCHEMA = 'pi.ext.runtime_risk_ledger.v2';
export const VERIFICATION_SCHEMA = 'pi.ext.runtime_risk_ledger_verification.v1';
export const REPLAY_SCHEMA = 'pi.ext.runtime_risk_replay.v2';

const finite = z.number().refine((x) => Number.isFinite(x), 'must be a finite number');
const action = z.enum(['allow', 'harden', 'prompt', 'deny', 'terminate']);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

export const ledgerEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  ts_ms: z.number().int(),
  extension_id: z.string(),
  call_id: z.string(),
  capability: z.string(),
  method: z.string(),
  params_hash: z.string(),
  policy_profile: z.string(),
  policy_reason: z.string(),
  risk_score: finite,
  posterior: z.strictObject({ safe_fast: finite, suspicious: finite, unsafe: finite }),
  expected_loss: z.strictObject({ allow: finite, harden: finite, deny: finite, terminate: finite }),
  loss_action: action,
  band_state: action,
  selected_action: action,
  blocked: z.boolean(),
  enforced: z.boolean(),
  derived_state: z.enum(['safe_fast', 'suspicious', 'unsafe']),
  triggers: z.array(z.string()),
  fallback_reason: z.string().nullable(),
  log_e_process: finite.nullable(),
  e_process: finite.nullable(),
  e_threshold: finite,
  conformal_residual: finite,
  conformal_quantile: finite,
  outcome_residual: finite,
  drift_detected: z.boolean(),
  outcome_error_code: z.string().nullable(),
  explanation_level: z.string(),
  explanation_summary: z.string(),
  top_contributors: z.array(z.strictObject({ code: z.string(), signed_impact: finite })).max(12),
  prev_hash: hex64.nullable(),
  hash: hex64,
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type UnhashedEntry = Omit<LedgerEntry, 'hash' | 'prev_hash' | 'seq'>;

export const ledgerArtifactSchema = z.strictObject({
  schema: z.literal(LEDGER_SCHEMA),
  generated_at_ms: z.number().int(),
  entry_count: z.number().int().min(0),
  first_seq: z.number().int().min(1).nullable(),
  evicted_count: z.number().int().min(0),
  anchor_hash: hex64.nullable(),
  head_hash: hex64.nullable(),
  tail_hash: hex64.nullable(),
  data_hash: hex64,
  entries: z.array(z.unknown()),
});
export type LedgerArtifact = Omit<z.infer<typeof ledgerArtifactSchema>, 'entries'> & { entries: LedgerEntry[] };

export const jsonlHeaderSchema = z.strictObject({
  schema: z.literal(LEDGER_SCHEMA),
  anchor_hash: hex64.nullable(),
  first_seq: z.number().int().min(1),
});

export const VERIFICATION_CODES = [
  'schema_mismatch',
  'entry_count_mismatch',
  'head_hash_mismatch',
  'tail_hash_mismatch',
  'anchor_mismatch',
  'genesis_mismatch',
  'seq_gap',
  'prev_hash_mismatch',
  'hash_mismatch',
  'data_hash_mismatch',
  'entry_invalid',
] as const;
export type VerificationCode = (typeof VERIFICATION_CODES)[number];

export const verificationErrorSchema = z.object({
  /** 0-based entry index; null for artifact-level errors. */
  index: z.number().int().nullable(),
  code: z.enum(VERIFICATION_CODES),
  message: z.string(),
});
export const verificationReportSchema = z.object({
  schema: z.literal(VERIFICATION_SCHEMA),
  valid: z.boolean(),
  entry_count: z.number().int(),
  computed_data_hash: z.string(),
  errors: z.array(verificationErrorSchema),
});
export type VerificationReport = z.infer<typeof verificationReportSchema>;
export type VerificationError = z.infer<typeof verificationErrorSchema>;

export const replayStepSchema = z.object({
  seq: z.number().int(),
  ts_ms: z.number().int(),
  extension_id: z.string(),
  call_id: z.string(),
  capability: z.string(),
  method: z.string(),
  policy_reason: z.string(),
  selected_action: action,
  loss_action: action,
  band_state: action,
  blocked: z.boolean(),
  derived_state: z.string(),
  risk_score: z.number(),
  triggers: z.array(z.string()),
  explanation_level: z.string(),
  explanation_summary: z.string(),
  fallback_reason: z.string().nullable(),
  drift_detected: z.boolean(),
});
export const replaySchema = z.object({
  schema: z.literal(REPLAY_SCHEMA),
  source_data_hash: z.string(),
  entry_count: z.number().int(),
  tail_hash: z.string().nullable(),
  steps: z.array(replayStepSchema),
});
export type ReplayReport = z.infer<typeof replaySchema>;
