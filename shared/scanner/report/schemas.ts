/** zod schemas of the scanner's JSON artifacts (scanner.md §9.3, §11; dashboards.md §3). */
import { z } from 'zod';

export const tierSchema = z.enum(['critical', 'high', 'medium', 'low']);
export const recommendationSchema = z.enum(['block', 'review', 'allow']);

export const verdictSchema = z.object({
  recommendation: recommendationSchema,
  score: z.number().int().min(0).max(100),
  composite_tier: tierSchema,
  text: z.string(),
});

export const countsSchema = z.object({
  critical: z.number().int().min(0),
  high: z.number().int().min(0),
  medium: z.number().int().min(0),
  low: z.number().int().min(0),
  compat_errors: z.number().int().min(0),
  compat_warnings: z.number().int().min(0),
});

export const positionSchema = z.object({ file: z.string(), line: z.number().int().min(1), column: z.number().int().min(1) });

export const capabilityEntrySchema = z.object({
  capability: z.string(),
  /** allow / deny / prompt from the effective policy; `unknown` when the scan ran without a policy. */
  decision: z.string(),
  reason: z.string(),
  layer: z.number().int().min(0),
  sites: z.number().int().min(1),
  first: positionSchema,
});

export const policyInfoSchema = z.object({
  profile: z.string(),
  profile_source: z.string(),
  allow_dangerous: z.boolean(),
});

export const suppressionSchema = z.object({
  reason: z.string(),
  until: z.string().nullable(),
  line: z.number().int().min(1),
  file_level: z.boolean(),
});

export const findingSchema = z.object({
  rule_id: z.string(),
  tier: tierSchema,
  message: z.string(),
  remediation: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  end_line: z.number().int().min(1),
  end_column: z.number().int().min(1),
  extension_id: z.string().nullable(),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  evasion: z.array(z.string()),
  also_matched: z.array(z.string()),
  suppression: suppressionSchema.nullable(),
});

export const noticeSchema = z.object({
  level: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  file: z.string().optional(),
});

export const toolInfoSchema = z.object({ name: z.literal('pi-sec'), version: z.string(), rulebook_version: z.string() });

export const scanResultSchema = z.object({
  schema: z.literal('pi.sec.scan_result.v1'),
  generated_at: z.string(),
  tool: toolInfoSchema,
  policy: policyInfoSchema,
  extensions: z.array(
    z.object({
      extension_id: z.string().nullable(),
      root: z.string(),
      files: z.number().int().min(0),
      verdict: verdictSchema,
      counts: countsSchema,
      capabilities: z.array(capabilityEntrySchema),
    }),
  ),
  findings: z.array(findingSchema),
  notifications: z.array(noticeSchema),
});
export type ScanResultJson = z.infer<typeof scanResultSchema>;
export type FindingJson = z.infer<typeof findingSchema>;

export const summaryExtensionSchema = z.object({
  extension_id: z.string().nullable(),
  root: z.string(),
  files: z.number().int().min(0),
  skipped_symlinks: z.array(z.string()),
  verdict: verdictSchema,
  counts: countsSchema,
  suppressed: z.object({ total: z.number().int().min(0), expired: z.number().int().min(0), by_rule: z.record(z.string(), z.number().int().min(0)) }),
  parse: z.object({ tolerant: z.array(z.string()), strip_failed: z.array(z.string()), scan_failed: z.array(z.string()) }),
  capabilities: z.array(capabilityEntrySchema),
  exec_commands: z.array(z.object({ file: z.string(), line: z.number().int().min(1), preview: z.string(), classes: z.array(z.string()), decision: z.string() })),
  env_reads: z.array(z.object({ name: z.string(), secret: z.boolean(), match: z.string().nullable(), file: z.string(), line: z.number().int().min(1) })),
  top_findings: z.array(z.object({ rule_id: z.string(), tier: tierSchema, file: z.string(), line: z.number().int().min(1), message: z.string() })).max(10),
});

export const scanSummarySchema = z.object({
  schema: z.literal('pi.sec.scan_summary.v1'),
  generated_at: z.string(),
  tool: z.object({ version: z.string(), rulebook_version: z.string() }),
  policy: policyInfoSchema,
  totals: z.object({
    extensions: z.number().int().min(0),
    files: z.number().int().min(0),
    recommendations: z.object({ block: z.number().int().min(0), review: z.number().int().min(0), allow: z.number().int().min(0) }),
    findings_by_tier: z.object({ critical: z.number().int().min(0), high: z.number().int().min(0), medium: z.number().int().min(0), low: z.number().int().min(0) }),
    compat_errors: z.number().int().min(0),
    compat_warnings: z.number().int().min(0),
    suppressed: z.number().int().min(0),
    expired_suppressions: z.number().int().min(0),
    tolerant_parses: z.number().int().min(0),
    scan_failures: z.number().int().min(0),
  }),
  extensions: z.array(summaryExtensionSchema),
});
export type ScanSummaryJson = z.infer<typeof scanSummarySchema>;
export type ScanSummaryExtension = z.infer<typeof summaryExtensionSchema>;

export const scannerSloSchema = z.object({
  schema: z.literal('pi.sec.scanner_slo.v1'),
  generated_at: z.string(),
  rulebook_version: z.string(),
  detection_rate: z.number().min(0).max(1),
  false_positive_rate: z.number().min(0).max(1),
  slo02_min: z.literal(0.95),
  slo03_max: z.literal(0.05),
  pass: z.boolean(),
  per_rule: z.array(z.object({ rule: z.string(), expected: z.number().int().min(0), found: z.number().int().min(0) })),
  misses: z.array(z.object({ file: z.string(), line: z.number().int().min(1), rule: z.string() })),
  false_positive_units: z.array(z.object({ extension_id: z.string().nullable(), findings: z.array(z.string()) })),
});
export type ScannerSloJson = z.infer<typeof scannerSloSchema>;

export const evidenceEntrySchema = z.object({
  schema: z.literal('pi.sec.evidence.v1'),
  entry_index: z.number().int().min(0),
  extension_id: z.string().nullable(),
  rule_id: z.string(),
  tier: tierSchema,
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
  suppressed: z.boolean(),
  rulebook_version: z.string(),
});
export type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;
