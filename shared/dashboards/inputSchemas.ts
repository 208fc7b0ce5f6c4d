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

// ---------------------------------------------------------------- scanner summary and SLO (the scanner owns them)
export {
  scanSummarySchema,
  scannerSloSchema,
  type ScanSummaryJson as ScanSummary,
  type ScanSummaryExtension,
  type ScannerSloJson as ScannerSlo,
} from '../scanner/report/schemas';
export const SCAN_SUMMARY_SCHEMA_ID = 'pi.sec.scan_summary.v1';
export const SCANNER_SLO_SCHEMA_ID = 'pi.sec.scanner_slo.v1';

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
