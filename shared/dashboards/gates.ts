/** The CI gate table (dashboards.md §4): gate rules, artifact states, waivers per lane, verdict. */
import { describeRateRegressions } from './baseline';
import { COMPAT_SCHEMA_ID } from './compatSchema';
import { parseJson, readArtifact, type ArtifactRead } from './artifacts';
import {
  GATE_TABLE_SCHEMA_ID,
  type DeclaredGate,
  type GateRow,
  type GateSubCheck,
  type GateTable,
  type GateWaived,
} from './gateSchema';
import { WAIVER_COUNT_KEYS, type GateStatus, type Lane, type WaiverAudit } from './inputSchemas';
import { formatDecimal } from './rates';
import type { ResolvedThresholds, ThresholdProblem } from './thresholds';

export const HOST_GATE_ARTIFACTS = {
  conformanceRegression: 'tests/ext_conformance/reports/regression_verdict.json',
  extMustPass: 'tests/ext_conformance/reports/gate/must_pass_gate_verdict.json',
  nonMockUnit: 'docs/non-mock-rubric.json',
  conformanceSummary: 'tests/ext_conformance/reports/conformance_summary.json',
} as const;

export const REPRODUCE = {
  security_compat: 'pi-sec dashboard compat',
  waiver_lifecycle: 'pi-sec waivers',
  conformance_pass_rate: 'pi-sec dashboard gates',
  ext_must_pass: 'cargo test --test ext_conformance_generated --features ext-conformance -- --nocapture',
  conformance_regression: 'cargo test --test ci_full_suite_gate -- --nocapture',
  non_mock_unit: 'cargo test --test ci_full_suite_gate -- --nocapture',
  declared_default: 'pi-sec dashboard gates',
} as const;

const FAIL_CLOSED_SUFFIX = '; fail-closed: blocking gates cannot be skipped';
const STALE_SUFFIX = '; waiver_audit.json is stale; regenerate it';

export interface GateTableInputs {
  lane: Lane;
  generatedAt: string;
  thresholds: ResolvedThresholds;
  thresholdProblems: readonly ThresholdProblem[];
  /** Workspace-relative artifact paths of the two product artifacts the table reads. */
  compatDashboardPath: string;
  waiverAuditPath: string;
  /** Maps a workspace-relative artifact path to the absolute path to read (honours `--out-dir`). */
  resolve(relPath: string): string;
  /** The waiver audit computed from the TOML file now (waivers.md §7, §8). */
  waivers: WaiverAudit;
  /** Optional declared gates, appended after the built-in ones. */
  extraGates?: readonly DeclaredGate[];
}

interface Outcome {
  status: GateStatus;
  detail: string | null;
  checks: GateSubCheck[];
}

type JsonRule = (value: unknown) => Outcome;

/** Reads a dotted path (`counts.total`) from a JSON value; undefined when any step is missing. */
export function getPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
}

function outcome(status: GateStatus, detail: string | null, checks: GateSubCheck[] = []): Outcome {
  return { status, detail, checks };
}

/** §4.3: turns an artifact state plus a rule into status and detail; `null` rule = presence only. */
function evaluateArtifact(read: ArtifactRead, path: string, rule: JsonRule | 'non_empty'): Outcome & { present: boolean; missing: boolean } {
  switch (read.state) {
    case 'missing':
      return { ...outcome('skip', `Artifact not found: ${path}`), present: false, missing: true };
    case 'directory':
      return { ...outcome('fail', 'Expected a file'), present: false, missing: false };
    case 'unreadable':
      return { ...outcome('fail', `Artifact unreadable: ${read.message}`), present: true, missing: false };
    case 'too_large':
      return { ...outcome('fail', `Artifact too large: ${read.size} bytes`), present: true, missing: false };
    case 'present': {
      if (rule === 'non_empty') {
        return { ...(read.bytes.length === 0 ? outcome('warn', 'Artifact empty') : outcome('pass', null)), present: true, missing: false };
      }
      const parsed = parseJson(read.text);
      if (!parsed.ok) {
        const msg = parsed.message === 'empty input' ? (read.bytes.length === 0 ? 'the file is empty' : 'the file is blank') : parsed.message;
        return { ...outcome('fail', `Artifact is not valid JSON: ${msg}`), present: true, missing: false };
      }
      return { ...rule(parsed.value), present: true, missing: false };
    }
  }
}

// ---------------------------------------------------------------- built-in rules (§4.2)

function securityCompatRule(value: unknown): Outcome {
  const schema = getPath(value, 'schema');
  if (schema === undefined) return outcome('fail', 'Missing field "schema"');
  if (schema !== COMPAT_SCHEMA_ID) return outcome('fail', `Unexpected schema "${show(schema)}"`);
  const detected = getPath(value, 'regression_detected');
  if (typeof detected !== 'boolean') return outcome('warn', 'Missing field "regression_detected"');
  if (detected) {
    const regs = getPath(value, 'regressions');
    const names = Array.isArray(regs) ? regs.filter((r): r is string => typeof r === 'string') : [];
    if (names.length > 0) return outcome('fail', `Regression: ${names.join(', ')}`);
    const rates = getPath(value, 'rate_regressions');
    const rateList = Array.isArray(rates)
      ? rates.filter(
          (r): r is { profile: string; baseline_pct: number; current_pct: number } =>
            typeof getPath(r, 'profile') === 'string' && typeof getPath(r, 'baseline_pct') === 'number' && typeof getPath(r, 'current_pct') === 'number',
        )
      : [];
    return outcome('fail', `Regression: ${rateList.length > 0 ? describeRateRegressions(rateList) : 'regression_detected is true'}`);
  }
  const failed = getPath(value, 'total_failed');
  if (typeof failed !== 'number') return outcome('warn', 'Missing field "total_failed"');
  if (failed === 0) return outcome('pass', null);
  return outcome('warn', `${failed} known failure(s) accepted by baseline`);
}

function conformanceRegressionRule(value: unknown): Outcome {
  const status = getPath(value, 'status');
  if (status === undefined) return outcome('warn', 'Missing field "status"');
  if (status === 'pass') return outcome('pass', null);
  if (status === 'warn') return outcome('warn', 'status = "warn"');
  return outcome('fail', `status = "${show(status)}"`);
}

function extMustPassRule(value: unknown): Outcome {
  const status = getPath(value, 'status');
  if (status === undefined) return outcome('warn', 'Missing field "status"');
  if (status === 'pass') return outcome('pass', null);
  const bf = getPath(value, 'blocking_failures');
  const n = typeof bf === 'number' ? bf : Array.isArray(bf) ? bf.length : undefined;
  return outcome('fail', `status = "${show(status)}"${n !== undefined ? `; ${n} blocking failure(s)` : ''}`);
}

function conformancePassRateRule(t: ResolvedThresholds, problems: readonly ThresholdProblem[]): JsonRule {
  return (value) => {
    const num = (p: string): number | null => {
      const v = getPath(value, p);
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    };
    const total = num('counts.total');
    const rate = num('pass_rate_pct');
    const fail = num('counts.fail');
    const na = num('counts.na');
    const checks: GateSubCheck[] = [
      { id: 'total_positive', actual: total, threshold: '> 0', ok: total !== null && total > 0 },
      {
        id: 'pass_rate',
        actual: rate,
        threshold: t.min_pass_rate_pct === null ? null : `>= ${formatDecimal(t.min_pass_rate_pct)}`,
        ok: rate !== null && t.min_pass_rate_pct !== null && rate >= t.min_pass_rate_pct,
      },
      {
        id: 'fail_count',
        actual: fail,
        threshold: t.max_fail_count === null ? null : `<= ${t.max_fail_count}`,
        ok: fail !== null && t.max_fail_count !== null && fail <= t.max_fail_count,
      },
      {
        id: 'na_count',
        actual: na,
        threshold: t.max_na_count === null ? null : `<= ${t.max_na_count}`,
        ok: na !== null && t.max_na_count !== null && na <= t.max_na_count,
      },
    ];
    // A sub-check without a threshold failed because the threshold is invalid; that is named on its own.
    const failedIds = checks.filter((c) => !c.ok && c.threshold !== null).map((c) => c.id);
    const parts = problems.map((p) => p.message);
    if (failedIds.length > 0) parts.push(`${failedIds.join(', ')} outside thresholds`);
    return parts.length > 0 ? outcome('fail', parts.join('; '), checks) : outcome('pass', null, checks);
  };
}

function declaredRule(gate: DeclaredGate): JsonRule | 'non_empty' | 'present' {
  const check = gate.check;
  if (check.kind === 'present') return 'present';
  if (check.kind === 'json_field_in') {
    return (value) => {
      const v = getPath(value, check.path);
      if (v === undefined) return outcome('warn', `Missing field "${check.path}"`);
      return check.values.some((x) => x === v) ? outcome('pass', null) : outcome('fail', `${check.path} = "${show(v)}"`);
    };
  }
  return (value) => {
    const v = getPath(value, check.path);
    if (v === undefined) return outcome('warn', `Missing field "${check.path}"`);
    const ok = typeof v === 'number' && v >= check.min;
    const sub: GateSubCheck = { id: check.path, actual: typeof v === 'number' ? v : null, threshold: `>= ${formatDecimal(check.min)}`, ok };
    return ok ? outcome('pass', null, [sub]) : outcome('fail', `${check.path} = ${show(v)} below ${formatDecimal(check.min)}`, [sub]);
  };
}

// ---------------------------------------------------------------- waivers (§4.4)

/** The applicable waiver for a gate in a lane (waivers.md §6), as the table records it. */
export function applicableWaiver(gateId: string, lane: Lane, audit: WaiverAudit): GateWaived | null {
  if (gateId === 'waiver_lifecycle') return null;
  for (let i = 0; i < audit.waivers.length; i++) {
    const w = audit.waivers[i];
    if (w.gate_id !== gateId) continue;
    if (w.status !== 'active' && w.status !== 'expiring_soon') continue;
    if (w.scope !== 'both' && w.scope !== lane) continue;
    const raw = audit.raw_waivers[i]?.gate_id === w.gate_id ? audit.raw_waivers[i] : audit.raw_waivers.find((r) => r.gate_id === w.gate_id);
    return {
      scope: w.scope,
      status: w.status,
      expires: raw?.expires ?? null,
      days_remaining: w.days_remaining ?? null,
      bead: raw?.bead ?? null,
      owner: raw?.owner ?? null,
      reason: raw?.reason ?? null,
    };
  }
  return null;
}

function auditFileIsStale(read: ArtifactRead, computed: WaiverAudit): boolean {
  if (read.state === 'missing') return false;
  if (read.state !== 'present') return true;
  const parsed = parseJson(read.text);
  if (!parsed.ok) return true;
  return WAIVER_COUNT_KEYS.some((k) => getPath(parsed.value, k) !== computed[k]);
}

// ---------------------------------------------------------------- the table

interface RowSpec {
  id: string;
  name: string;
  blocking: boolean;
  artifact: string;
  reproduce: string;
  rule: JsonRule | 'non_empty' | 'present';
}

function row(spec: RowSpec, inputs: GateTableInputs): GateRow {
  const read = readArtifact(inputs.resolve(spec.artifact));
  let ev: Outcome & { present: boolean; missing: boolean };
  if (spec.rule === 'present') {
    ev =
      read.state === 'missing'
        ? { ...outcome('skip', `Artifact not found: ${spec.artifact}`), present: false, missing: true }
        : read.state === 'directory'
          ? { ...outcome('fail', 'Expected a file'), present: false, missing: false }
          : { ...outcome('pass', null), present: true, missing: false };
  } else {
    ev = evaluateArtifact(read, spec.artifact, spec.rule);
  }
  let { status, detail } = ev;
  let failClosed = false;
  if (ev.missing && spec.blocking) {
    status = 'fail';
    detail = `${detail}${FAIL_CLOSED_SUFFIX}`;
    failClosed = true;
  }
  return finishRow(spec, inputs, { status, detail, checks: ev.checks }, ev.present, failClosed);
}

function finishRow(spec: RowSpec, inputs: GateTableInputs, o: Outcome, present: boolean, failClosed: boolean): GateRow {
  const waived = o.status === 'fail' || o.status === 'warn' ? applicableWaiver(spec.id, inputs.lane, inputs.waivers) : null;
  return {
    id: spec.id,
    name: spec.name,
    blocking: spec.blocking,
    artifact_path: spec.artifact,
    artifact_present: present,
    status: o.status,
    detail: o.detail,
    fail_closed: failClosed,
    checks: o.checks,
    reproduce_command: spec.reproduce,
    waived,
  };
}

function waiverLifecycleRow(inputs: GateTableInputs): GateRow {
  const read = readArtifact(inputs.resolve(inputs.waiverAuditPath));
  const verdict = inputs.waivers.gate_verdict;
  let status: GateStatus = verdict.status;
  let detail: string | null = verdict.detail;
  if (auditFileIsStale(read, inputs.waivers)) {
    if (status === 'pass') status = 'warn';
    detail = `${detail ?? ''}${STALE_SUFFIX}`;
  }
  return {
    id: 'waiver_lifecycle',
    name: 'Waiver lifecycle',
    blocking: true,
    artifact_path: inputs.waiverAuditPath,
    artifact_present: read.state !== 'missing' && read.state !== 'directory',
    status,
    detail,
    fail_closed: false,
    checks: [],
    reproduce_command: REPRODUCE.waiver_lifecycle,
    waived: null,
  };
}

export function buildGateRows(inputs: GateTableInputs): GateRow[] {
  const specs: RowSpec[] = [
    { id: 'security_compat', name: 'Security compatibility', blocking: true, artifact: inputs.compatDashboardPath, reproduce: REPRODUCE.security_compat, rule: securityCompatRule },
    { id: 'conformance_regression', name: 'Conformance regression', blocking: true, artifact: HOST_GATE_ARTIFACTS.conformanceRegression, reproduce: REPRODUCE.conformance_regression, rule: conformanceRegressionRule },
    { id: 'ext_must_pass', name: 'Extension must-pass (208)', blocking: true, artifact: HOST_GATE_ARTIFACTS.extMustPass, reproduce: REPRODUCE.ext_must_pass, rule: extMustPassRule },
    { id: 'non_mock_unit', name: 'Non-mock compliance', blocking: true, artifact: HOST_GATE_ARTIFACTS.nonMockUnit, reproduce: REPRODUCE.non_mock_unit, rule: 'non_empty' },
  ];
  const rows = specs.map((s) => row(s, inputs));
  rows.push(waiverLifecycleRow(inputs));
  const passRate: RowSpec = {
    id: 'conformance_pass_rate',
    name: 'Conformance thresholds',
    blocking: true,
    artifact: HOST_GATE_ARTIFACTS.conformanceSummary,
    reproduce: REPRODUCE.conformance_pass_rate,
    rule: conformancePassRateRule(inputs.thresholds, inputs.thresholdProblems),
  };
  const pr = row(passRate, inputs);
  if (inputs.thresholdProblems.length > 0 && pr.checks.length === 0) {
    // The artifact could not be evaluated; the invalid threshold is still named and still fails the row.
    pr.status = 'fail';
    pr.detail = [...inputs.thresholdProblems.map((p) => p.message), pr.detail].filter(Boolean).join('; ');
    pr.waived = applicableWaiver(pr.id, inputs.lane, inputs.waivers);
  }
  rows.push(pr);
  const seen = new Set(rows.map((r) => r.id));
  for (const g of inputs.extraGates ?? []) {
    if (seen.has(g.id)) continue;
    seen.add(g.id);
    rows.push(row({ id: g.id, name: g.name, blocking: g.blocking, artifact: g.artifact, reproduce: g.reproduce_command ?? REPRODUCE.declared_default, rule: declaredRule(g) }, inputs));
  }
  return rows;
}

/** §4.5 verdict, §4.6 summary and conditions. */
export function summarise(rows: readonly GateRow[], waivers: WaiverAudit): Pick<GateTable, 'summary' | 'verdict' | 'can_promote' | 'conditions'> {
  const summary = { total: rows.length, passed: 0, warned: 0, failed: 0, skipped: 0, waived: 0, blocking_total: 0, blocking_pass: 0 };
  for (const r of rows) {
    if (r.waived) summary.waived++;
    else if (r.status === 'pass') summary.passed++;
    else if (r.status === 'warn') summary.warned++;
    else if (r.status === 'fail') summary.failed++;
    else summary.skipped++;
    if (r.blocking) {
      summary.blocking_total++;
      if (r.status === 'pass' || r.waived) summary.blocking_pass++;
    }
  }
  const blockingFailing = rows.filter((r) => r.blocking && r.status === 'fail' && !r.waived).map((r) => r.id);
  const anyWarn = rows.some((r) => !r.waived && (r.status === 'warn' || (!r.blocking && r.status === 'fail')));
  const verdict = blockingFailing.length > 0 ? 'fail' : anyWarn ? 'warn' : 'pass';
  const conditions = [blockingFailing.length > 0 ? `Blocking gates failing: ${blockingFailing.join(', ')}` : 'All blocking gates pass (including waivers)'];
  const waivedIds = rows.filter((r) => r.waived).map((r) => r.id);
  if (waivedIds.length > 0) conditions.push(`Waivers active for: ${waivedIds.join(', ')} (review before release)`);
  if (waivers.expiring_soon > 0) conditions.push(`${waivers.expiring_soon} waiver(s) expire within 3 days`);
  return { summary, verdict, can_promote: verdict !== 'fail', conditions };
}

export function buildGateTable(inputs: GateTableInputs): GateTable {
  const gates = buildGateRows(inputs);
  const s = summarise(gates, inputs.waivers);
  return {
    schema: GATE_TABLE_SCHEMA_ID,
    generated_at: inputs.generatedAt,
    lane: inputs.lane,
    thresholds: {
      min_pass_rate_pct: inputs.thresholds.min_pass_rate_pct,
      max_fail_count: inputs.thresholds.max_fail_count,
      max_na_count: inputs.thresholds.max_na_count,
      source: { ...inputs.thresholds.source },
    },
    gates,
    summary: s.summary,
    verdict: s.verdict,
    can_promote: s.can_promote,
    conditions: s.conditions,
  };
}
