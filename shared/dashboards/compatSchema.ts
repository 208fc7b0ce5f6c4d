import { z } from 'zod';

/** `security_compat_dashboard.json` (dashboards.md §2.3); also the baseline file's format. */
export const COMPAT_SCHEMA_ID = 'pi.security.compat_dashboard.v1';

export const COMPAT_PROFILES = ['safe', 'standard'] as const;
export type CompatProfile = (typeof COMPAT_PROFILES)[number];

export const compatDecisionSchema = z.enum(['Allow', 'Deny', 'Prompt']);
export type CompatDecision = z.infer<typeof compatDecisionSchema>;

export const compatCheckSchema = z.object({
  name: z.string(),
  profile: z.string(),
  capability: z.string(),
  extension_id: z.string().nullable(),
  expected_decision: compatDecisionSchema,
  actual_decision: compatDecisionSchema,
  actual_reason: z.string(),
  actual_layer: z.number().int(),
  passed: z.boolean(),
  detail: z.string().nullable(),
});
export type CompatCheck = z.infer<typeof compatCheckSchema>;

export const configSourceSchema = z.object({ layer: z.string(), path: z.string(), exists: z.boolean() });
export type CompatConfigSource = z.infer<typeof configSourceSchema>;

export const perProfileSchema = z.object({
  profile: z.string(),
  total_checks: z.number().int().nonnegative(),
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  pass_rate_pct: z.number(),
});
export type PerProfileRate = z.infer<typeof perProfileSchema>;

export const baselineRefSchema = z.object({ path: z.string(), generated_at: z.string(), sha256: z.string() });
export type BaselineRef = z.infer<typeof baselineRefSchema>;

export const rateRegressionSchema = z.object({ profile: z.string(), baseline_pct: z.number(), current_pct: z.number() });
export type RateRegression = z.infer<typeof rateRegressionSchema>;

export const compatDashboardSchema = z.object({
  schema: z.literal(COMPAT_SCHEMA_ID),
  generated_at: z.string(),
  bead: z.string(),
  mode: z.enum(['configured', 'presets']),
  config_sources: z.array(configSourceSchema),
  profiles_tested: z.array(z.string()),
  total_checks: z.number().int().nonnegative(),
  total_passed: z.number().int().nonnegative(),
  total_failed: z.number().int().nonnegative(),
  overall_pass_rate_pct: z.number(),
  per_profile: z.array(perProfileSchema),
  checks: z.array(compatCheckSchema),
  baseline: baselineRefSchema.nullable(),
  regressions: z.array(z.string()),
  rate_regressions: z.array(rateRegressionSchema),
  improvements: z.array(z.string()),
  new_checks: z.array(z.string()),
  regression_detected: z.boolean(),
  forced: z.boolean().optional(),
});
export type CompatDashboard = z.infer<typeof compatDashboardSchema>;

/** Checks whose failure means a dangerous capability got through (refuses a baseline update, §2.4). */
export function isDangerousCheck(name: string): boolean {
  return name.endsWith(':dangerous_denied') || name.endsWith(':ext_override_no_escalation');
}
