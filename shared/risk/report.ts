/** zod schema of the calibration report `pi.ext.runtime_risk_calibration_report.v1` (risk.md §5.6). */
import { z } from 'zod';

export const CALIBRATION_SCHEMA = 'pi.ext.runtime_risk_calibration_report.v1';

const latency = z.object({ p50: z.number(), p90: z.number(), p99: z.number(), max: z.number(), mean: z.number(), samples: z.number().int() });
const actionCounts = z.object({ allow: z.number().int(), harden: z.number().int(), prompt: z.number().int(), deny: z.number().int(), terminate: z.number().int() });

export const traceDiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int(),
  message: z.string(),
});

export const traceInputSchema = z.object({
  path: z.string(),
  sha256: z.string(),
  label: z.enum(['benign', 'adversarial', 'mixed']).nullable(),
  calls: z.number().int(),
  invalid_requests: z.number().int(),
  policy_denied: z.number().int(),
  extensions: z.number().int(),
  rejected: z.boolean(),
  /** Errors and warnings (capped at 200; `warnings_total` has the full count). */
  warnings: z.array(traceDiagnosticSchema),
  warnings_total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

export const baseConfigSchema = z.object({
  enabled: z.boolean(),
  enforce: z.boolean(),
  alpha: z.number(),
  windowSize: z.number().int(),
  ledgerLimit: z.number().int(),
  decisionTimeoutMs: z.number().int(),
  failClosed: z.boolean(),
  rolloutPhase: z.enum(['shadow', 'log_only', 'enforce_new', 'enforce_all']).optional(),
});

export const gridMetricsSchema = z.object({
  fpr_ext: z.number(),
  fnr_ext: z.number(),
  fpr_call: z.number(),
  fnr_call: z.number(),
  intervention_rate_benign: z.number(),
  fp_cold_start_share: z.number(),
  benign_calls: z.number().int(),
  adversarial_calls: z.number().int(),
  benign_extensions: z.number().int(),
  adversarial_extensions: z.number().int(),
  actions: actionCounts,
  harden_blocking: z.number().int(),
  quarantined_extensions: z.number().int(),
  latency_ms: latency.nullable(),
  ledger_append_ms: z.object({ p50: z.number(), p99: z.number() }).nullable(),
  measured_timeouts: z.number().int().nullable(),
  ledger_bytes_estimate: z.number().int(),
  mean_entry_bytes: z.number(),
});

export const gridPointSchema = z.object({
  alpha: z.number(),
  window_size: z.number().int(),
  metrics: gridMetricsSchema,
  meets: z.object({ slo06: z.boolean().nullable(), slo10: z.boolean(), slo11: z.boolean() }),
});

export const rationaleSchema = z.object({
  symptom: z.string(),
  adjustment: z.string(),
  parameter: z.enum(['alpha', 'windowSize', 'decisionTimeoutMs', 'ledgerLimit']),
  from: z.number(),
  to: z.number(),
  evidence: z.string(),
  not_simulated: z.boolean().optional(),
  note: z.string().optional(),
});

export const settingsPatchSchema = z.object({
  extensionRisk: z.object({
    alpha: z.number().optional(),
    windowSize: z.number().int().optional(),
    decisionTimeoutMs: z.number().int().optional(),
    ledgerLimit: z.number().int().optional(),
    enabled: z.literal(true),
    enforce: z.boolean(),
    rolloutPhase: z.literal('shadow').optional(),
  }),
});

export const perExtensionSchema = z.object({
  trace: z.string(),
  extension_id: z.string(),
  label: z.enum(['benign', 'adversarial']),
  calls: z.number().int(),
  flagged: z.number().int(),
  detected: z.number().int(),
  first_flag_seq: z.number().int().nullable(),
  quarantined_at_seq: z.number().int().nullable(),
  max_score: z.number(),
});

export const calibrationReportSchema = z.object({
  schema: z.literal(CALIBRATION_SCHEMA),
  generated_at: z.string(),
  tool_version: z.string(),
  inputs: z.object({
    traces: z.array(traceInputSchema),
    base_config: baseConfigSchema,
    policy_mode: z.enum(['permissive', 'effective']),
    prompt_answer: z.enum(['allow', 'deny']),
    simulate_enforcement: z.boolean(),
    latency_runs: z.number().int().nullable(),
    ledger_memory_budget: z.number().int(),
  }),
  slo: z.object({ slo06_p99_ms: z.number(), slo10_max_fpr: z.number(), slo11_max_fnr: z.number() }),
  grid: z.array(gridPointSchema),
  current: z.object({ alpha: z.number(), window_size: z.number().int(), grid_index: z.number().int() }),
  recommendation: z.object({
    alpha: z.number(),
    window_size: z.number().int(),
    decision_timeout_ms: z.number().int(),
    ledger_limit: z.number().int(),
    meets_slos: z.boolean(),
    grid_index: z.number().int().nullable(),
    rationale: z.array(rationaleSchema),
    settings_patch: settingsPatchSchema,
  }),
  rollout_readiness: z.object({
    phase_simulated: z.literal('enforce_all'),
    would_rollback: z.boolean(),
    at_sample: z.number().int().nullable(),
    reason: z.string().nullable(),
  }),
  per_extension: z.array(perExtensionSchema),
  threshold_analysis: z
    .object({ best_threshold: z.number(), rows: z.array(z.object({ threshold: z.number(), fpr_call: z.number(), fnr_call: z.number() })) })
    .optional(),
  golden: z.object({
    mode: z.enum(['none', 'write', 'check']),
    dir: z.string().nullable(),
    mismatches: z.array(z.object({ trace: z.string(), seq: z.number().int().nullable(), fields: z.array(z.string()), message: z.string() })),
  }),
});

export type CalibrationReport = z.infer<typeof calibrationReportSchema>;
export type GridPoint = z.infer<typeof gridPointSchema>;
export type GridMetrics = z.infer<typeof gridMetricsSchema>;
export type Rationale = z.infer<typeof rationaleSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
export type PerExtension = z.infer<typeof perExtensionSchema>;
export type TraceInput = z.infer<typeof traceInputSchema>;
