/**
 * Hostcall trace format `pi.ext.hostcall_trace.v1` (risk.md §5.1): JSONL, validated line by line with
 * codes and line numbers. Errors skip the line (or reject the file for TRC-LABEL); warnings go to
 * the report; the rest is processed.
 */
import { z } from 'zod';
import { paramsHash } from './canonical';
import { validateHostcall } from './hostcall';
import type { RiskFlag } from './types';
import { RISK_FLAGS } from './types';

export const TRACE_SCHEMA = 'pi.ext.hostcall_trace.v1';
export const LABELS = ['benign', 'adversarial'] as const;
export type TraceLabel = (typeof LABELS)[number];

export const TRACE_CODES = ['TRC-JSON', 'TRC-FIELD', 'TRC-HASH', 'TRC-HASH-MISMATCH', 'TRC-INVALID-REQUEST', 'TRC-LABEL', 'TRC-ORDER', 'TRC-NO-SIGNALS', 'TRC-IO'] as const;
export type TraceCode = (typeof TRACE_CODES)[number];

export interface TraceDiagnostic {
  code: TraceCode;
  severity: 'error' | 'warning' | 'info';
  /** 1-based line number; 0 for file-level problems. */
  line: number;
  message: string;
}

const flagName = z.string().transform((s, ctx) => {
  const up = s.trim().toUpperCase();
  if (!(RISK_FLAGS as readonly string[]).includes(up)) {
    ctx.addIssue({ code: 'custom', message: `unknown flag "${s}" (known: ${RISK_FLAGS.join(', ')})` });
    return z.NEVER;
  }
  return up as RiskFlag;
});

export const traceHeaderSchema = z.object({
  type: z.literal('header'),
  schema: z.literal(TRACE_SCHEMA),
  label: z.string(),
  extension_id: z.string().optional(),
  description: z.string().optional(),
});

export const traceCallSchema = z.object({
  type: z.literal('call').optional(),
  ts_ms: z.number().int(),
  extension_id: z.string().optional(),
  call_id: z.string(),
  capability: z.string(),
  method: z.string(),
  params_hash: z.string(),
  params: z.unknown().optional(),
  arg_signals: z
    .object({ delta: z.number(), flags: z.array(flagName), resource_target_class: z.string().optional() })
    .optional(),
  timeout_ms: z.number().nullable().optional(),
  policy_reason: z.string().optional(),
  outcome: z.string().optional(),
  label: z.string().optional(),
});

export const traceOperatorSchema = z.object({
  type: z.literal('operator'),
  ts_ms: z.number().int(),
  extension_id: z.string().optional(),
  action: z.enum(['kill', 'lift']),
});

export type TraceHeader = z.infer<typeof traceHeaderSchema>;
export type TraceCallLine = z.infer<typeof traceCallSchema>;

export interface TraceCall {
  kind: 'call';
  line: number;
  extensionId: string;
  callId: string;
  capability: string;
  method: string;
  params?: Record<string, unknown>;
  paramsHash: string;
  argSignals?: { delta: number; flags: RiskFlag[]; resourceTargetClass?: string };
  timeoutMs: number | null;
  policyReason?: string;
  /** null = success. */
  outcome: string | null;
  label: TraceLabel;
  tsMs: number;
}

export interface TraceOperator {
  kind: 'operator';
  line: number;
  extensionId: string;
  action: 'kill' | 'lift';
  tsMs: number;
}

export type TraceEvent = TraceCall | TraceOperator;

export interface ParsedTrace {
  header: TraceHeader | null;
  events: TraceEvent[];
  diagnostics: TraceDiagnostic[];
  /** Valid calls (excluding invalid requests). */
  calls: number;
  invalidRequests: number;
  noSignals: number;
  skippedLines: number;
  /** TRC-LABEL (or TRC-IO): the whole file is rejected. */
  rejected: boolean;
  /** Distinct extension ids of valid calls, in first-seen order. */
  extensions: string[];
}

const HEX64 = /^[0-9a-f]{64}$/;

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

function isLabel(v: unknown): v is TraceLabel {
  return v === 'benign' || v === 'adversarial';
}

/** Parses and validates one trace file's text. Never throws on bad input. */
export function parseTrace(text: string): ParsedTrace {
  const out: ParsedTrace = { header: null, events: [], diagnostics: [], calls: 0, invalidRequests: 0, noSignals: 0, skippedLines: 0, rejected: false, extensions: [] };
  const diag = (code: TraceCode, severity: TraceDiagnostic['severity'], line: number, message: string) => out.diagnostics.push({ code, severity, line, message });
  const lastTs = new Map<string, number>();
  const seen = new Set<string>();
  let firstContent = true;
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (nl < 0 && raw === '') break;
    if (raw.trim() === '') continue;
    const wasFirst = firstContent;
    firstContent = false;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      diag('TRC-JSON', 'error', lineNo, `not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      out.skippedLines++;
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      diag('TRC-JSON', 'error', lineNo, 'a trace line must be a JSON object');
      out.skippedLines++;
      continue;
    }
    const rec = value as Record<string, unknown>;
    const type = rec.type === undefined ? 'call' : rec.type;
    if (type === 'comment') continue;
    if (type === 'header') {
      if (!wasFirst) {
        diag('TRC-FIELD', 'error', lineNo, 'a header must be the first line; line ignored');
        out.skippedLines++;
        continue;
      }
      const h = traceHeaderSchema.safeParse(rec);
      if (!h.success) {
        if (rec.schema === TRACE_SCHEMA && typeof rec.label === 'string') {
          diag('TRC-FIELD', 'error', lineNo, `header: ${issuesText(h.error)}`);
        } else if (rec.schema !== TRACE_SCHEMA) {
          diag('TRC-FIELD', 'error', lineNo, `header: unknown schema ${JSON.stringify(rec.schema)} (expected ${TRACE_SCHEMA})`);
        } else diag('TRC-FIELD', 'error', lineNo, `header: ${issuesText(h.error)}`);
        out.skippedLines++;
        continue;
      }
      if (!isLabel(h.data.label)) {
        diag('TRC-LABEL', 'error', lineNo, `unknown label "${h.data.label}" (benign or adversarial); the file is rejected`);
        out.rejected = true;
      }
      out.header = h.data;
      continue;
    }
    if (type === 'operator') {
      const o = traceOperatorSchema.safeParse(rec);
      const ext = o.success ? (o.data.extension_id ?? out.header?.extension_id) : undefined;
      if (!o.success || ext === undefined) {
        diag('TRC-FIELD', 'error', lineNo, o.success ? 'operator: extension_id is missing (line and header)' : `operator: ${issuesText(o.error)}`);
        out.skippedLines++;
        continue;
      }
      out.events.push({ kind: 'operator', line: lineNo, extensionId: ext, action: o.data.action, tsMs: o.data.ts_ms });
      continue;
    }
    if (type !== 'call') {
      diag('TRC-FIELD', 'error', lineNo, `unknown line type ${JSON.stringify(type)}`);
      out.skippedLines++;
      continue;
    }
    const c = traceCallSchema.safeParse(rec);
    if (!c.success) {
      diag('TRC-FIELD', 'error', lineNo, issuesText(c.error));
      out.skippedLines++;
      continue;
    }
    const d = c.data;
    const extensionId = d.extension_id ?? out.header?.extension_id;
    if (extensionId === undefined) {
      diag('TRC-FIELD', 'error', lineNo, 'extension_id is missing (line and header)');
      out.skippedLines++;
      continue;
    }
    if (!HEX64.test(d.params_hash)) {
      diag('TRC-HASH', 'error', lineNo, 'params_hash must be 64 lowercase hex digits');
      out.skippedLines++;
      continue;
    }
    const labelRaw = d.label ?? out.header?.label;
    if (!isLabel(labelRaw)) {
      diag('TRC-LABEL', 'error', lineNo, labelRaw === undefined ? 'the call has no label (line or header); the file is rejected' : `unknown label "${labelRaw}" (benign or adversarial); the file is rejected`);
      out.rejected = true;
      continue;
    }
    let hash = d.params_hash;
    if (d.params !== undefined && d.params !== null && typeof d.params === 'object' && !Array.isArray(d.params)) {
      const recomputed = paramsHash(d.params);
      if (recomputed !== hash) {
        diag('TRC-HASH-MISMATCH', 'warning', lineNo, `params_hash differs from the hash of params; ${recomputed} is used`);
        hash = recomputed;
      }
    }
    const check = validateHostcall(d.call_id, d.capability, d.method, d.params);
    if (!check.valid) {
      diag('TRC-INVALID-REQUEST', 'info', lineNo, `invalid request excluded from metrics: ${check.reason}`);
      out.invalidRequests++;
      continue;
    }
    let ts = d.ts_ms;
    const prev = lastTs.get(extensionId);
    if (prev !== undefined && ts < prev) {
      diag('TRC-ORDER', 'warning', lineNo, `ts_ms ${ts} is lower than the previous call of "${extensionId}" (${prev}); ${prev} is used`);
      ts = prev;
    }
    lastTs.set(extensionId, ts);
    if (d.params === undefined && d.arg_signals === undefined) {
      out.noSignals++;
      diag('TRC-NO-SIGNALS', 'info', lineNo, 'neither params nor arg_signals: argDelta 0, no flags');
    }
    if (!seen.has(extensionId)) {
      seen.add(extensionId);
      out.extensions.push(extensionId);
    }
    out.calls++;
    out.events.push({
      kind: 'call',
      line: lineNo,
      extensionId,
      callId: d.call_id,
      capability: check.capability!,
      method: d.method,
      params: d.params as Record<string, unknown> | undefined,
      paramsHash: hash,
      argSignals: d.arg_signals
        ? { delta: d.arg_signals.delta, flags: d.arg_signals.flags, ...(d.arg_signals.resource_target_class !== undefined ? { resourceTargetClass: d.arg_signals.resource_target_class } : {}) }
        : undefined,
      timeoutMs: d.timeout_ms ?? null,
      policyReason: d.policy_reason,
      outcome: d.outcome === undefined || d.outcome === 'success' ? null : d.outcome,
      label: labelRaw,
      tsMs: ts,
    });
  }
  return out;
}
