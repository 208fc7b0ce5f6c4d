/**
 * zod schemas for the artifacts the dashboards READ but other parts of the product produce:
 * the waiver audit (waivers.md §8), the scanner summary (dashboards.md §3), the scanner SLO result
 * (scanner.md §9.3) and the calibration report (risk.md §5.6, only the fields the SLO roll-up uses).
 * Unknown keys are accepted and dropped, so producers may add fields without breaking the readers.
 */
import { z } from 'zod';

// ---------------------------------------------------------------- waiver audit (pi.ci.waiver_audit.v1)
// The waiver validator owns the format (waivers.md §8); the dashboards read it with the same schema.
export {
  WAIVER_AUDIT_SCHEMA_ID,
  WaiverAuditSchema as waiverAuditSchema,
  type WaiverAudit,
  type AuditWaiver as WaiverAuditEntry,
} from '../waivers/audit';
import type { RawWaiverSchema } from '../waivers/audit';
export type RawWaiver = z.infer<typeof RawWaiverSchema>;
export const waiverStatusSchema = z.enum(['active', 'expiring_soon', 'expired', 'invalid']);
export type WaiverStatus = z.infer<typeof waiverStatusSchema>;
export const laneSchema = z.enum(['preflight', 'full']);
export type Lane = z.infer<typeof laneSchema>;
export const gateStatusSchema = z.enum(['pass', 'warn', 'fail', 'skip']);
export type GateStatus = z.infer<typeof gateStatusSchema>;

export const WAIVER_COUNT_KEYS = ['total_waivers', 'active', 'expired', 'expiring_soon', 'invalid'] as const;

// ---------------------------------------------------------------- scanner summary (pi.sec.scan_summary.v1)
export const SCAN_SUMMARY_SCHEMA_ID = 'pi.sec.scan_summary.v1';
export const tierSchema = z.enum(['critical', 'high', 'medium', 'low']);
export const recommendationSchema = z.enum(['block', 'review', 'allow']);

const position = z.object({ file: z.string(), line: z.number().int(), column: z.number().int() });

export const scanSummaryExtensionSchema = z.object({
  extension_id: z.string(),
  root: z.string(),
  files: z.number().int().nonnegative(),
  skipped_symlinks: z.array(z.string()),
  verdict: z.object({ recommendation: recommendationSchema, score: z.number(), composite_tier: tierSchema, text: z.string() }),
  counts: z.object({
    critical: z.number().int(),
    high: z.number().int(),
    medium: z.number().int(),
    low: z.number().int(),
    compat_errors: z.number().int(),
    compat_warnings: z.number().int(),
  }),
  suppressed: z.object({ total: z.number().int(), expired: z.number().int(), by_rule: z.record(z.string(), z.number().int()) }),
  parse: z.object({ tolerant: z.array(z.string()), strip_failed: z.array(z.string()), scan_failed: z.array(z.string()) }),
  capabilities: z.array(
    z.object({
      capability: z.string(),
      decision: z.enum(['allow', 'deny', 'prompt']),
      reason: z.string(),
      layer: z.number().int(),
      sites: z.number().int(),
      first: position,
    }),
  ),
  exec_commands: z.array(
    z.object({ file: z.string(), line: z.number().int(), preview: z.string(), classes: z.array(z.string()), decision: z.string() }),
  ),
  env_reads: z.array(
    z.object({ name: z.string(), secret: z.boolean(), match: z.string().nullable(), file: z.string(), line: z.number().int() }),
  ),
  top_findings: z.array(z.object({ rule_id: z.string(), tier: tierSchema, file: z.string(), line: z.number().int(), message: z.string() })),
});
export type ScanSummaryExtension = z.infer<typeof scanSummaryExtensionSchema>;

export const scanSummarySchema = z.object({
  schema: z.literal(SCAN_SUMMARY_SCHEMA_ID),
  generated_at: z.string(),
  tool: z.object({ version: z.string(), rulebook_version: z.string() }),
  policy: z.object({ profile: z.string(), profile_source: z.string(), allow_dangerous: z.boolean() }),
  totals: z.object({
    extensions: z.number().int(),
    files: z.number().int(),
    recommendations: z.object({ block: z.number().int(), review: z.number().int(), allow: z.number().int() }),
    findings_by_tier: z.object({ critical: z.number().int(), high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
    compat_errors: z.number().int(),
    compat_warnings: z.number().int(),
    suppressed: z.number().int(),
    expired_suppressions: z.number().int(),
    tolerant_parses: z.number().int(),
    scan_failures: z.number().int(),
  }),
  extensions: z.array(scanSummaryExtensionSchema),
});
export type ScanSummary = z.infer<typeof scanSummarySchema>;

// ---------------------------------------------------------------- scanner SLO (pi.sec.scanner_slo.v1)
export const SCANNER_SLO_SCHEMA_ID = 'pi.sec.scanner_slo.v1';
const rate = z.number().min(0).max(1);
export const scannerSloSchema = z.object({
  schema: z.literal(SCANNER_SLO_SCHEMA_ID),
  generated_at: z.string(),
  rulebook_version: z.string().optional(),
  detection_rate: rate,
  false_positive_rate: rate,
  slo02_min: z.number().optional(),
  slo03_max: z.number().optional(),
  pass: z.boolean().optional(),
});
export type ScannerSlo = z.infer<typeof scannerSloSchema>;

// ---------------------------------------------------------------- calibration report (risk.md §5.6, subset)
export const CALIBRATION_SCHEMA_ID = 'pi.ext.runtime_risk_calibration_report.v1';
export const calibrationReportSchema = z.object({
  schema: z.literal(CALIBRATION_SCHEMA_ID),
  generated_at: z.string(),
  tool_version: z.string().optional(),
  slo: z
    .object({ slo06_p99_ms: z.number(), slo10_max_fpr: z.number(), slo11_max_fnr: z.number() })
    .optional(),
  grid: z.array(
    z.object({
      alpha: z.number(),
      window_size: z.number(),
      metrics: z.object({
        fpr_ext: z.number(),
        fnr_ext: z.number(),
        latency_ms: z.object({ p99: z.number() }).nullable().optional(),
      }),
    }),
  ),
  current: z.object({ alpha: z.number(), window_size: z.number(), grid_index: z.number().int().nonnegative() }),
});
export type CalibrationReport = z.infer<typeof calibrationReportSchema>;
