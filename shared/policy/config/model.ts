/**
 * The policy configuration model (policy.md §6.4, §7): the single source of truth for the config
 * file checks (CFG-002/003/005 walk this schema) and for the generated JSON Schema
 * (`schemas/pi-settings.schema.json`, `npm run gen`).
 */
import { z } from 'zod';

/** How the config walker reads a leaf; stored as zod metadata. */
export type LeafKind =
  | 'boolean'
  | 'string'
  | 'nonEmptyString'
  | 'capabilityList'
  | 'patternList'
  | 'nameList'
  | 'integer'
  | 'number'
  | 'profile'
  | 'tier'
  | 'mode'
  | 'rolloutPhase';

export interface LeafMeta {
  kind: LeafKind;
  /** Clamp range (CFG-005). */
  min?: number;
  max?: number;
}

const leaf = <T extends z.ZodType>(schema: T, meta: LeafMeta, description: string): T =>
  schema.meta({ piLeaf: meta, description }) as unknown as T;

const bool = (d: string) => leaf(z.boolean(), { kind: 'boolean' }, d);
const capList = (d: string) => leaf(z.array(z.string()), { kind: 'capabilityList' }, d);
const patternList = (d: string) => leaf(z.array(z.string()), { kind: 'patternList' }, d);
const nameList = (d: string) => leaf(z.array(z.string()), { kind: 'nameList' }, d);
const int = (d: string, min?: number, max?: number) => leaf(z.number(), { kind: 'integer', min, max }, d);
const num = (d: string, min?: number, max?: number) => leaf(z.number(), { kind: 'number', min, max }, d);

const quotaInt = (d: string) => leaf(z.number().int().min(0), { kind: 'integer', min: 0 }, `${d} Informational; integer ≥ 0.`);

export const quotaSchema = z
  .object({
    maxHostcallsPerSecond: quotaInt('Maximum hostcalls per second.').optional(),
    maxHostcallsPerMinute: quotaInt('Maximum hostcalls per minute.').optional(),
    maxHostcallsTotal: quotaInt('Maximum hostcalls in total.').optional(),
    maxSubprocesses: quotaInt('Maximum concurrent subprocesses.').optional(),
    maxWriteBytes: quotaInt('Maximum bytes written.').optional(),
    maxHttpRequests: quotaInt('Maximum HTTP requests.').optional(),
  })
  .describe('Per-extension quota; replaces the mode defaults field by field.');

export const perExtensionSchema = z
  .object({
    allow: capList('Capabilities allowed for this extension (precedence layer 3). Dangerous ones also need allowDangerous: true.').optional(),
    deny: capList('Capabilities denied for this extension (precedence layer 1; beats every allow).').optional(),
    mode: leaf(z.enum(['strict', 'prompt', 'permissive']).nullable(), { kind: 'mode' }, 'Mode fallback for this extension; null uses the profile mode.').optional(),
    quota: quotaSchema.optional(),
  })
  .describe('An override for one extension id (exact, case-sensitive).');

export const execMediationSchema = z
  .object({
    enabled: bool('Exec mediation on or off (default true).').optional(),
    denyThreshold: leaf(z.string(), { kind: 'tier' }, 'low | medium | high | critical (case-insensitive). Classified commands at or above it are denied. Default: the profile preset.').optional(),
    denyPatterns: patternList('Word-prefix command patterns that are always denied (never regular expressions).').optional(),
    allowPatterns: patternList('Word-prefix command patterns exempted from mediation; checked before deny patterns, exempting only the simple command they match.').optional(),
    auditAllClassified: bool('Audit classified commands below the threshold. Default: the profile preset.').optional(),
  })
  .describe('Exec mediation (policy.md §8).');

export const secretBrokerSchema = z
  .object({
    enabled: bool('Secret broker on or off (default true).').optional(),
    secretSuffixes: nameList('Env-name suffixes treated as secret (case-insensitive), added to the defaults.').optional(),
    secretPrefixes: nameList('Env-name prefixes treated as secret (case-insensitive), added to the defaults.').optional(),
    secretExact: nameList('Exact env names treated as secret (case-insensitive), added to the defaults.').optional(),
    disclosureAllowlist: nameList('Env names never treated as secret.').optional(),
    redactionPlaceholder: leaf(z.string().min(1), { kind: 'nonEmptyString' }, 'Replacement text for secret values (default [REDACTED]).').optional(),
    replaceDefaults: bool('Discard the built-in pattern lists (and lower layers) instead of adding to them.').optional(),
  })
  .describe('Secret broker (policy.md §9).');

export const extensionPolicySchema = z
  .object({
    profile: leaf(z.string(), { kind: 'profile' }, 'safe (default) | standard (alias balanced) | permissive. Unknown values resolve to safe.').optional(),
    defaultPermissive: bool('Layer-local shorthand: true = permissive, false = safe (profile wins if both are set).').optional(),
    allowDangerous: bool('Removes exec and env from the deny list for all extensions (audited). Under safe they stay denied unless a per-extension allow grants them.').optional(),
    perExtension: z.record(z.string(), perExtensionSchema).describe('Overrides keyed by exact extension id.').optional(),
    execMediation: execMediationSchema.optional(),
    secretBroker: secretBrokerSchema.optional(),
  })
  .describe('Extension capability policy (policy.md §3–§7).');

export const rollbackTriggerSchema = z
  .object({
    maxFalsePositiveRate: num('Rollback when the false-positive rate exceeds this (0..1, default 0.05).', 0, 1).optional(),
    maxErrorRate: num('Rollback when the error rate exceeds this (0..1, default 0.10).', 0, 1).optional(),
    windowSize: int('Decisions per rollback window (10..10000, default 100).', 10, 10000).optional(),
    maxLatencyMs: num('Rollback when decision latency exceeds this many ms (≥ 1, default 200).', 1).optional(),
  })
  .describe('Rollback triggers (risk.md).');

export const extensionRiskSchema = z
  .object({
    enabled: bool('Risk controller on or off (default false).').optional(),
    enforce: bool('Enforce decisions (default true); false = shadow mode.').optional(),
    alpha: num('Type-I error budget; lower alpha gives fewer false positives (1e-6..0.5, default 0.01).', 1e-6, 0.5).optional(),
    windowSize: int('Sliding window size (8..4096, default 128).', 8, 4096).optional(),
    ledgerLimit: int('Ledger entries kept in memory (32..20000, default 2048).', 32, 20000).optional(),
    decisionTimeoutMs: int('Decision timeout in ms (1..2000, default 50).', 1, 2000).optional(),
    failClosed: bool('Deny when a decision times out (default true).').optional(),
    rolloutPhase: leaf(z.enum(['shadow', 'log_only', 'enforce_new', 'enforce_all']), { kind: 'rolloutPhase' }, 'Rollout phase; derived from enforce when unset.').optional(),
    rollbackTrigger: rollbackTriggerSchema.optional(),
  })
  .describe('Runtime risk controller (risk.md).');

export const piSettingsSchema = z
  .object({
    extensionPolicy: extensionPolicySchema.optional(),
    extensionRisk: extensionRiskSchema.optional(),
  })
  .describe('Pi extension host security settings (.pi/settings.json, ~/.pi/agent/settings.json).');

export type PiSettingsFile = z.infer<typeof piSettingsSchema>;

export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

// ---------------------------------------------------------------------------------------------
// Schema introspection for the walker

export type SchemaNode = (
  | { type: 'object'; fields: Map<string, SchemaNode>; snake: Map<string, string> }
  | { type: 'record'; value: SchemaNode }
  | { type: 'leaf'; meta: LeafMeta; nullable: boolean }
) & { description: string };

interface ZodDefLike {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
}

function defOf(s: z.ZodType): ZodDefLike {
  return (s as unknown as { _zod: { def: ZodDefLike } })._zod.def;
}

function toNode(schema: z.ZodType): SchemaNode {
  let s = schema;
  let nullable = false;
  let meta = s.meta() as { piLeaf?: LeafMeta; description?: string } | undefined;
  let description = meta?.description ?? s.description ?? '';
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'nullable') {
      if (d.type === 'nullable') nullable = true;
      s = d.innerType!;
      meta ??= s.meta() as { piLeaf?: LeafMeta; description?: string } | undefined;
      if (description === '') description = (s.meta() as { description?: string } | undefined)?.description ?? s.description ?? '';
      continue;
    }
    break;
  }
  const m = (s.meta() as { piLeaf?: LeafMeta } | undefined)?.piLeaf ?? meta?.piLeaf;
  if (m) return { type: 'leaf', meta: m, nullable, description };
  const d = defOf(s);
  if (d.type === 'object') {
    const shape = (s as unknown as { shape: Record<string, z.ZodType> }).shape;
    const fields = new Map<string, SchemaNode>();
    const snake = new Map<string, string>();
    for (const [k, v] of Object.entries(shape)) {
      fields.set(k, toNode(v));
      const sn = camelToSnake(k);
      if (sn !== k) snake.set(sn, k);
    }
    return { type: 'object', fields, snake, description };
  }
  if (d.type === 'record') return { type: 'record', value: toNode(d.valueType!), description };
  throw new Error(`unsupported schema node ${d.type}`);
}

export const SETTINGS_TREE: SchemaNode = toNode(piSettingsSchema);

// ---------------------------------------------------------------------------------------------
// JSON Schema (camelCase keys plus their snake_case aliases)

function withAliases(schema: z.ZodType): z.ZodType {
  const d = defOf(schema);
  if (d.type === 'optional') return withAliases(d.innerType!).optional();
  if (d.type === 'object') {
    const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    const out: Record<string, z.ZodType> = {};
    for (const [k, v] of Object.entries(shape)) {
      const aliased = withAliases(v);
      out[k] = aliased;
      const sn = camelToSnake(k);
      if (sn !== k) {
        const inner = defOf(v).type === 'optional' ? defOf(v).innerType! : v;
        const desc = (inner.meta() as { description?: string } | undefined)?.description ?? inner.description ?? '';
        out[sn] = aliased.meta({ description: `Alias of "${k}". ${desc}`.trim() });
      }
    }
    const desc = schema.description;
    const obj = z.strictObject(out);
    return desc ? obj.describe(desc) : obj;
  }
  if (d.type === 'record') {
    const rec = z.record(z.string(), withAliases(d.valueType!));
    return schema.description ? rec.describe(schema.description) : rec;
  }
  return schema;
}

export function generateSettingsJsonSchema(): Record<string, unknown> {
  const aliased = withAliases(piSettingsSchema) as z.ZodObject;
  // The global settings.json also holds the agent's other settings: unknown top-level keys are allowed.
  const top = z.looseObject(aliased.shape).describe(piSettingsSchema.description ?? '');
  const json = z.toJSONSchema(top, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  stripLeafMeta(json);
  return { ...json, $id: 'https://pi-security.invalid/schemas/pi-settings.schema.json', title: 'Pi extension host settings' };
}

function stripLeafMeta(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') {
      const rec = v as Record<string, unknown>;
      delete rec.piLeaf;
      stack.push(...Object.values(rec));
    }
  }
}
