/**
 * The data behind the dashboard view and the Markdown summary (dashboards.md §5): each panel is read
 * from its JSON artifact only, so they always match the files; a bad artifact affects only its panel.
 */
import type { ZodType } from 'zod';
import { loadJsonArtifact, readArtifact } from './artifacts';
import { COMPAT_SCHEMA_ID, compatDashboardSchema, type CompatDashboard } from './compatSchema';
import { GATE_TABLE_SCHEMA_ID, gateTableSchema, type GateTable } from './gateSchema';
import {
  CALIBRATION_SCHEMA_ID,
  calibrationReportSchema,
  SCAN_SUMMARY_SCHEMA_ID,
  SCANNER_SLO_SCHEMA_ID,
  scannerSloSchema,
  scanSummarySchema,
  WAIVER_AUDIT_SCHEMA_ID,
  waiverAuditSchema,
  type ScanSummary,
  type WaiverAudit,
} from './inputSchemas';
import { buildSloRollup, type SecretsCoverage, type SloInput, type SloRow } from './slo';
import type { DashboardPaths } from '../settings/schema';

export type Panel<T> = { ok: true; path: string; value: T } | { ok: false; path: string; problem: string };

export interface DashboardData {
  /** When the view or summary was rendered (injected clock). */
  renderedAt: string;
  today: string;
  compat: Panel<CompatDashboard>;
  /** `Baseline {path} ignored: {reason}` from the last compat run, shown in the compatibility panel. */
  compatNotices: string[];
  gates: Panel<GateTable>;
  waivers: Panel<WaiverAudit>;
  scan: Panel<ScanSummary>;
  slo: SloRow[];
}

function panel<T>(resolve: (rel: string) => string, rel: string, schema: ZodType<T>, id: string): Panel<T> {
  const loaded = loadJsonArtifact(resolve(rel), rel, schema, id);
  return loaded.ok ? { ok: true, path: rel, value: loaded.value } : { ok: false, path: rel, problem: loaded.problem };
}

function sloInput<T>(resolve: (rel: string) => string, rel: string, schema: ZodType<T>, id: string): SloInput<T> {
  if (readArtifact(resolve(rel)).state === 'missing') return null;
  const loaded = loadJsonArtifact(resolve(rel), rel, schema, id);
  return loaded.ok ? { ok: true, value: loaded.value } : { ok: false, problem: loaded.problem };
}

export function loadDashboardData(args: {
  paths: DashboardPaths;
  resolve(relPath: string): string;
  renderedAt: string;
  today: string;
  secretsCoverage: SecretsCoverage | null;
  compatNotices?: string[];
}): DashboardData {
  const { paths, resolve } = args;
  return {
    renderedAt: args.renderedAt,
    today: args.today,
    compat: panel(resolve, paths.compatDashboard, compatDashboardSchema, COMPAT_SCHEMA_ID),
    compatNotices: args.compatNotices ?? [],
    gates: panel(resolve, paths.gateTable, gateTableSchema, GATE_TABLE_SCHEMA_ID),
    waivers: panel(resolve, paths.waiverAudit, waiverAuditSchema, WAIVER_AUDIT_SCHEMA_ID),
    scan: panel(resolve, paths.scanSummary, scanSummarySchema, SCAN_SUMMARY_SCHEMA_ID),
    slo: buildSloRollup({
      scannerSlo: sloInput(resolve, paths.scannerSlo, scannerSloSchema, SCANNER_SLO_SCHEMA_ID),
      calibration: sloInput(resolve, paths.calibrationReport, calibrationReportSchema, CALIBRATION_SCHEMA_ID),
      secretsCoverage: args.secretsCoverage,
    }),
  };
}
