/** Outputs of `pi-sec waivers` (waivers.md §10, §11): human lines, JSON (audit + lanes + quarantine), SARIF. */
import type { Lane } from './model';
import { allProblems, type WaiverFileResult } from './validate';
import type { WaiverAudit } from './audit';
import type { Problem } from './model';

export interface QuarantineSummary {
  total: number;
  active: number;
  expiring_soon: number;
  expired: number;
  invalid: number;
  entries: {
    test: string;
    status: string;
    detail: string;
    days_remaining?: number;
    problems: { code: string; severity: 'error' | 'warning'; field: string | null; message: string }[];
  }[];
}

export function quarantineSummary(result: WaiverFileResult | null): QuarantineSummary {
  const qs = result && !result.syntax ? result.quarantine : [];
  const count = (s: string): number => qs.filter((q) => q.status === s).length;
  return {
    total: qs.length,
    active: count('active'),
    expiring_soon: count('expiring_soon'),
    expired: count('expired'),
    invalid: count('invalid'),
    entries: qs.map((q) => ({
      test: q.id,
      status: q.status,
      detail: q.detail,
      ...(q.daysRemaining !== undefined ? { days_remaining: q.daysRemaining } : {}),
      problems: q.problems.map((p) => ({ code: p.code, severity: p.severity === 'error' ? ('error' as const) : ('warning' as const), field: p.field, message: p.message })),
    })),
  };
}

/** Gate ids whose waiver applies in `lane` (waivers.md §6), in document order. */
export function laneApplied(audit: WaiverAudit, lane: Lane): string[] {
  return audit.waivers.filter((w) => w.applies_in.includes(lane)).map((w) => w.gate_id);
}

export function waiversJson(audit: WaiverAudit, result: WaiverFileResult | null, lane: Lane): Record<string, unknown> {
  return { ...audit, lane_applied: laneApplied(audit, lane), quarantine: quarantineSummary(result) };
}

/** One line per waiver (`status  gate_id  days  detail`), then the gate verdict. */
export function renderWaiversHuman(audit: WaiverAudit, result: WaiverFileResult | null): string {
  const lines: string[] = [];
  if (audit.parse_error) lines.push(`error: ${audit.parse_error.message} (line ${audit.parse_error.line}, column ${audit.parse_error.column})`);
  const statusW = Math.max(6, ...audit.waivers.map((w) => w.status.length));
  const gateW = Math.max(7, ...audit.waivers.map((w) => w.gate_id.length));
  const daysW = Math.max(4, ...audit.waivers.map((w) => String(w.days_remaining ?? '-').length));
  for (const w of audit.waivers) {
    lines.push(`${w.status.padEnd(statusW)}  ${w.gate_id.padEnd(gateW)}  ${String(w.days_remaining ?? '-').padStart(daysW)}  ${w.detail}`);
  }
  const q = quarantineSummary(result);
  if (q.total > 0) lines.push(`quarantine: ${q.total} entries (${q.active} active, ${q.expiring_soon} expiring soon, ${q.expired} expired, ${q.invalid} invalid)`);
  const v = audit.gate_verdict;
  lines.push(`${v.gate_id}: ${v.status.toUpperCase()} — ${v.detail}`);
  return lines.join('\n') + '\n';
}

const RULE_TEXT: Record<string, string> = {
  SYNTAX: 'The waiver file is not valid TOML',
  'NOT-TABLE': 'Entry is not a table of string fields',
  'MISSING-FIELD': 'Required field missing',
  'NOT-STRING': 'Field is not a quoted string',
  EMPTY: 'Field is empty',
  PLACEHOLDER: 'Template placeholder left in a field',
  'UNKNOWN-KEY': 'Unknown key',
  'UNKNOWN-GATE': 'Unknown gate id',
  SELF: 'waiver_lifecycle cannot be waived',
  KEY: 'Quarantine key has unexpected characters',
  'DATE-FORMAT': 'Date not in YYYY-MM-DD form',
  'DATE-INVALID': 'Not a real calendar date',
  SCOPE: 'Invalid scope',
  CATEGORY: 'Invalid quarantine category',
  BEAD: 'Bead id malformed',
  'DATE-ORDER': 'expires is before the start date',
  DURATION: 'Duration exceeds the maximum',
  'CREATED-FUTURE': 'created is in the future',
  EXPIRED: 'Expired',
  EXPIRING: 'Expiring soon',
  SHAPE: 'Suite table malformed',
  DUP: 'Test listed more than once',
  MISSING: 'Suite table missing',
};

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note' } as const;

function ruleText(code: string): string {
  return RULE_TEXT[code.slice(code.indexOf('-') + 1)] ?? code;
}

/**
 * SARIF 2.1.0: one result per problem, located in the TOML file. `fileUri` is the file's path relative
 * to `baseUri` (POSIX, URI-encoded per segment).
 */
export function buildWaiversSarif(result: WaiverFileResult | null, filePath: string, toolVersion: string, baseUri: string): Record<string, unknown> {
  const problems: Problem[] = result ? allProblems(result) : [];
  const ids = [...new Set(problems.map((p) => p.code))].sort();
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  const uri = filePath.split('/').map(encodeURIComponent).join('/');
  const results = problems.map((p) => {
    const lines = (result as WaiverFileResult).lines;
    const s = lines.positionAt(p.span.start);
    const e = lines.positionAt(p.span.end);
    return {
      ruleId: p.code,
      ruleIndex: ruleIndex.get(p.code) ?? -1,
      level: SARIF_LEVEL[p.severity],
      message: { text: p.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            region: { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
          },
        },
      ],
      properties: { field: p.field },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pi-sec',
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: ids.map((id) => ({ id, name: id, shortDescription: { text: ruleText(id) } })),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: [] }],
        originalUriBaseIds: { '%SRCROOT%': { uri: baseUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
