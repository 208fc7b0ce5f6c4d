/** `waiver_audit.json` (waivers.md §8) and the `waiver_lifecycle` gate verdict (§7). */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { rfc3339 } from '../common/clock';
import { prettyJson, writeFileAtomic } from '../common/json';
import { EXPIRING_SOON_DAYS, MAX_DURATION_DAYS, SELF_GATE, WAIVER_FIELDS, WAIVER_OPTIONAL_FIELDS, type EntryResult } from './model';
import type { WaiverFileResult } from './validate';

export const WAIVER_AUDIT_SCHEMA_ID = 'pi.ci.waiver_audit.v1';

const StatusSchema = z.enum(['active', 'expiring_soon', 'expired', 'invalid']);
const LaneSchema = z.enum(['preflight', 'full']);

export const AuditProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  field: z.string().nullable(),
  message: z.string(),
});

export const AuditWaiverSchema = z.object({
  gate_id: z.string(),
  status: StatusSchema,
  detail: z.string(),
  days_remaining: z.number().int().optional(),
  known_gate: z.boolean(),
  scope: z.enum(['full', 'preflight', 'both']).nullable(),
  applies_in: z.array(LaneSchema),
  problems: z.array(AuditProblemSchema),
});

export const RawWaiverSchema = z.object({
  gate_id: z.string(),
  owner: z.string().nullable(),
  created: z.string().nullable(),
  expires: z.string().nullable(),
  bead: z.string().nullable(),
  reason: z.string().nullable(),
  scope: z.string().nullable(),
  remove_when: z.string().nullable(),
  renewal_note: z.string().nullable(),
});

export const GateVerdictSchema = z.object({
  gate_id: z.literal(SELF_GATE),
  status: z.enum(['pass', 'warn', 'fail']),
  detail: z.string(),
});

export const WaiverAuditSchema = z.object({
  schema: z.literal(WAIVER_AUDIT_SCHEMA_ID),
  generated_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  parse_error: z.object({ message: z.string(), line: z.number().int().min(1), column: z.number().int().min(1) }).nullable(),
  max_duration_days: z.literal(MAX_DURATION_DAYS),
  expiring_soon_days: z.literal(EXPIRING_SOON_DAYS),
  total_waivers: z.number().int().min(0),
  active: z.number().int().min(0),
  expired: z.number().int().min(0),
  expiring_soon: z.number().int().min(0),
  invalid: z.number().int().min(0),
  waivers: z.array(AuditWaiverSchema),
  raw_waivers: z.array(RawWaiverSchema),
  gate_verdict: GateVerdictSchema,
});

export type WaiverAudit = z.infer<typeof WaiverAuditSchema>;
export type GateVerdict = z.infer<typeof GateVerdictSchema>;
export type AuditWaiver = z.infer<typeof AuditWaiverSchema>;

export const waiverAuditJsonSchema = (): unknown => z.toJSONSchema(WaiverAuditSchema);

/** The input of the audit: the validation result, or null when the file does not exist. */
export interface AuditInput {
  result: WaiverFileResult | null;
  /** Path as written in `source.path` (workspace-relative POSIX, or as given on the command line). */
  sourcePath: string;
  /** File name used in the syntax-error gate detail. */
  fileName?: string;
  today: string;
  nowMs: number;
  /** SHA-256 (hex) of the file's bytes; computed from the text when omitted. */
  sha256?: string;
}

export function gateVerdict(result: WaiverFileResult | null, fileName = 'suite_classification.toml'): GateVerdict {
  const v = (status: GateVerdict['status'], detail: string): GateVerdict => ({ gate_id: SELF_GATE, status, detail });
  if (result === null) return v('pass', 'No waiver file');
  if (result.syntax) return v('fail', `${fileName} is not valid TOML (line ${result.syntax.line}, column ${result.syntax.column})`);
  const ws = result.waivers;
  const count = (s: EntryResult['status']): number => ws.filter((w) => w.status === s).length;
  const e = count('expired');
  const i = count('invalid');
  if (e + i > 0) return v('fail', `${e} expired, ${i} invalid out of ${ws.length} waivers`);
  const soon = ws.filter((w) => w.status === 'expiring_soon');
  if (soon.length > 0) {
    return v('warn', `${soon.length} waiver(s) expiring within 3 days: ${soon.map((w) => `${w.id} (${w.daysRemaining ?? 0}d)`).join(', ')}`);
  }
  if (ws.length === 0) return v('pass', 'No waivers');
  return v('pass', `${ws.length} active waiver(s)`);
}

export function auditWaiver(w: EntryResult): AuditWaiver {
  const out: AuditWaiver = {
    gate_id: w.id,
    status: w.status,
    detail: w.detail,
    ...(w.daysRemaining !== undefined ? { days_remaining: w.daysRemaining } : {}),
    known_gate: w.knownGate,
    scope: w.scope,
    applies_in: [...w.appliesIn],
    problems: w.problems.map((p) => ({
      code: p.code,
      severity: p.severity === 'error' ? 'error' : 'warning',
      field: p.field,
      message: p.message,
    })),
  };
  return out;
}

export function buildWaiverAudit(input: AuditInput): WaiverAudit {
  const { result } = input;
  const valid = result !== null && result.syntax === null;
  const ws = valid ? result.waivers : [];
  const count = (s: EntryResult['status']): number => ws.filter((w) => w.status === s).length;
  const raw = ws.map((w) => {
    const r: Record<string, string | null> = { gate_id: w.id };
    for (const k of [...WAIVER_FIELDS, ...WAIVER_OPTIONAL_FIELDS]) r[k] = w.raw[k] ?? null;
    return r as z.infer<typeof RawWaiverSchema>;
  });
  const audit: WaiverAudit = {
    schema: WAIVER_AUDIT_SCHEMA_ID,
    generated_at: rfc3339(input.nowMs),
    today: input.today,
    source: result === null ? null : { path: input.sourcePath, sha256: input.sha256 ?? createHash('sha256').update(result.text, 'utf8').digest('hex') },
    parse_error: result?.syntax ? { message: result.syntax.message, line: result.syntax.line, column: result.syntax.column } : null,
    max_duration_days: MAX_DURATION_DAYS,
    expiring_soon_days: EXPIRING_SOON_DAYS,
    total_waivers: ws.length,
    active: count('active'),
    expired: count('expired'),
    expiring_soon: count('expiring_soon'),
    invalid: count('invalid'),
    waivers: ws.map(auditWaiver),
    raw_waivers: raw,
    gate_verdict: gateVerdict(result, input.fileName),
  };
  // The schema is the single source of truth: a failure here is a bug, not bad input.
  return WaiverAuditSchema.parse(audit);
}

export function serializeWaiverAudit(audit: WaiverAudit): string {
  return prettyJson(audit);
}

export function writeWaiverAudit(path: string, audit: WaiverAudit): void {
  writeFileAtomic(path, serializeWaiverAudit(audit));
}
