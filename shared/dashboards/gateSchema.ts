import { z } from 'zod';
import { gateStatusSchema, laneSchema, waiverStatusSchema } from './inputSchemas';

/** The CI gate table `pi.ci.gate_table.v1` (dashboards.md §4.6). */
export const GATE_TABLE_SCHEMA_ID = 'pi.ci.gate_table.v1';

export const thresholdSourceSchema = z.enum(['env', 'settings', 'default']);

export const gateSubCheckSchema = z.object({
  id: z.string(),
  actual: z.number().nullable(),
  threshold: z.string().nullable(),
  ok: z.boolean(),
});
export type GateSubCheck = z.infer<typeof gateSubCheckSchema>;

export const gateWaivedSchema = z.object({
  scope: z.string().nullable(),
  status: waiverStatusSchema,
  expires: z.string().nullable(),
  days_remaining: z.number().int().nullable(),
  bead: z.string().nullable(),
  owner: z.string().nullable(),
  reason: z.string().nullable(),
});
export type GateWaived = z.infer<typeof gateWaivedSchema>;

export const gateRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  blocking: z.boolean(),
  artifact_path: z.string(),
  artifact_present: z.boolean(),
  status: gateStatusSchema,
  detail: z.string().nullable(),
  fail_closed: z.boolean(),
  checks: z.array(gateSubCheckSchema),
  reproduce_command: z.string(),
  waived: gateWaivedSchema.nullable(),
});
export type GateRow = z.infer<typeof gateRowSchema>;

export const gateTableSchema = z.object({
  schema: z.literal(GATE_TABLE_SCHEMA_ID),
  generated_at: z.string(),
  lane: laneSchema,
  thresholds: z.object({
    min_pass_rate_pct: z.number().nullable(),
    max_fail_count: z.number().int().nullable(),
    max_na_count: z.number().int().nullable(),
    source: z.object({
      min_pass_rate_pct: thresholdSourceSchema,
      max_fail_count: thresholdSourceSchema,
      max_na_count: thresholdSourceSchema,
    }),
  }),
  gates: z.array(gateRowSchema),
  summary: z.object({
    total: z.number().int(),
    passed: z.number().int(),
    warned: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    waived: z.number().int(),
    blocking_total: z.number().int(),
    blocking_pass: z.number().int(),
  }),
  verdict: z.enum(['pass', 'warn', 'fail']),
  can_promote: z.boolean(),
  conditions: z.array(z.string()),
});
export type GateTable = z.infer<typeof gateTableSchema>;

/** Optional declared gates (dashboards.md §4.2, setting `piSecurity.gates.extra`, CLI `--gates-file`). */
export const declaredGateSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  blocking: z.boolean(),
  artifact: z.string().min(1),
  check: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('present') }),
    z.object({ kind: z.literal('json_field_in'), path: z.string().min(1), values: z.array(z.union([z.string(), z.number(), z.boolean()])) }),
    z.object({ kind: z.literal('json_number_min'), path: z.string().min(1), min: z.number() }),
  ]),
  reproduce_command: z.string().optional(),
});
export type DeclaredGate = z.infer<typeof declaredGateSchema>;
