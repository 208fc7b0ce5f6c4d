/**
 * Generates the dashboard artifacts in the order of dashboards.md (scanner summary → waiver audit →
 * compatibility dashboard → gate table), shared by `pi-sec dashboard …` and the editor request.
 * The producers owned by other parts of the product are reached through `DashboardPorts`.
 */
import { isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { Clock } from '../common/clock';
import { rfc3339 } from '../common/clock';
import type { EnvMap } from '../common/env';
import type { DashboardPaths } from '../settings/schema';
import { readArtifact } from './artifacts';
import { baselineNotice, decideBaselineUpdate, loadBaseline, refusalMessage } from './baseline';
import { buildCompatDashboard, compatEventsJsonl, DEFAULT_COMPAT_BEAD, type CompatPolicyPort } from './compat';
import type { CompatDashboard } from './compatSchema';
import { buildGateTable } from './gates';
import type { DeclaredGate, GateTable } from './gateSchema';
import type { Lane, ScanSummary, WaiverAudit } from './inputSchemas';
import { renderMarkdown } from './markdown';
import { loadDashboardData, type DashboardData } from './model';
import { writeArtifact, writeTextArtifact } from './output';
import type { SecretsCoverage } from './slo';
import { resolveThresholds, type ThresholdSettings } from './thresholds';

export type DashboardTarget = 'compat' | 'gates' | 'summary' | 'all';

/** What the dashboards need from the other parts of the product. */
export interface DashboardPorts {
  /** The scanner summary for the workspace (scanner pipeline), or null when not available. */
  scanSummary: ((generatedAt: string) => ScanSummary) | null;
  /** The waiver audit computed now from the waiver file (waivers.md §7–§8). */
  waiverAudit(generatedAt: string, today: string): WaiverAudit;
  /** The policy evaluator port for the compatibility checks. */
  compatPolicy(presetsOnly: boolean): CompatPolicyPort;
  /** SLO-07 with the effective secret broker, or null when not available. */
  secretsCoverage: (() => SecretsCoverage | null) | null;
}

export interface GenerateRequest {
  target: DashboardTarget;
  /** Workspace root (absolute). */
  workspace: string;
  /** `--out-dir`: replaces the workspace root for the artifacts this run writes. */
  outDir?: string | null;
  paths: DashboardPaths;
  lane?: Lane;
  presetsOnly?: boolean;
  /** `--baseline F` (absolute); a missing file is an input error. */
  baselinePath?: string | null;
  updateBaseline?: boolean;
  force?: boolean;
  env: EnvMap;
  thresholdSettings?: ThresholdSettings;
  bead?: string;
  extraGates?: readonly DeclaredGate[];
  clock: Clock;
  /** `--markdown F` (absolute). */
  markdownPath?: string | null;
  progress?(message: string, step: number, steps: number): void;
  isCancelled?(): boolean;
}

export interface WrittenArtifact {
  artifact: 'scanSummary' | 'waiverAudit' | 'compatDashboard' | 'compatEvents' | 'compatBaseline' | 'gateTable' | 'markdown';
  path: string;
}

export interface GenerateResult {
  written: WrittenArtifact[];
  scanSummary: ScanSummary | null;
  waiverAudit: WaiverAudit | null;
  compat: CompatDashboard | null;
  gates: GateTable | null;
  /** Lines for stderr and the compatibility panel (ignored baseline, refused update, skipped steps). */
  notices: string[];
  compatNotices: string[];
  baselineUpdate: { written: boolean; forced: boolean; refusals: string[] } | null;
  markdown: string | null;
  data: DashboardData | null;
  exitCode: 0 | 1;
}

export class DashboardInputError extends Error {}
export class DashboardCancelledError extends Error {}

/** A path as artifacts record it: workspace-relative POSIX when inside the workspace, else absolute. */
export function displayPath(workspace: string, abs: string): string {
  const rel = relative(workspace, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return abs;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export function stepsFor(target: DashboardTarget): string[] {
  switch (target) {
    case 'summary':
      return ['scanner summary'];
    case 'compat':
      return ['compatibility dashboard'];
    case 'gates':
      return ['gate table'];
    case 'all':
      return ['scanner summary', 'waiver audit', 'compatibility dashboard', 'gate table'];
  }
}

/** Runs every step synchronously (CLI); cancellation and progress are checked between steps. */
export function generateDashboards(req: GenerateRequest, ports: DashboardPorts): GenerateResult {
  const steps = generateSteps(req, ports);
  let step = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (req.isCancelled?.()) throw new DashboardCancelledError('Dashboard generation cancelled');
    req.progress?.(r.value.message, step++, r.value.total);
  }
}

/** The same, yielding to the event loop between steps so a server can process cancellation. */
export async function generateDashboardsAsync(req: GenerateRequest, ports: DashboardPorts): Promise<GenerateResult> {
  const steps = generateSteps(req, ports);
  let step = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolveTick) => setImmediate(resolveTick));
    if (req.isCancelled?.()) throw new DashboardCancelledError('Dashboard generation cancelled');
    req.progress?.(r.value.message, step++, r.value.total);
  }
}

interface StepEvent {
  message: string;
  total: number;
}

function* generateSteps(req: GenerateRequest, ports: DashboardPorts): Generator<StepEvent, GenerateResult, void> {
  const workspace = resolvePath(req.workspace);
  const outRoot = req.outDir ? resolvePath(workspace, req.outDir) : workspace;
  const written: WrittenArtifact[] = [];
  const freshRel = new Set<string>();
  const notices: string[] = [];
  const compatNotices: string[] = [];
  const steps = stepsFor(req.target).length + (req.markdownPath ? 1 : 0);
  const now = () => rfc3339(req.clock.nowMs());
  const tick = (message: string): StepEvent => ({ message, total: steps });
  const outPath = (rel: string) => join(outRoot, rel);
  const readPath = (rel: string) => (freshRel.has(rel) ? join(outRoot, rel) : join(workspace, rel));
  const write = (artifact: WrittenArtifact['artifact'], rel: string, value: unknown) => {
    const p = outPath(rel);
    writeArtifact(p, value);
    freshRel.add(rel);
    written.push({ artifact, path: p });
  };

  let scanSummary: ScanSummary | null = null;
  let waiverAudit: WaiverAudit | null = null;
  let compat: CompatDashboard | null = null;
  let gates: GateTable | null = null;
  let baselineUpdate: GenerateResult['baselineUpdate'] = null;
  let exitCode: 0 | 1 = 0;

  if (req.target === 'summary' || req.target === 'all') {
    yield tick('Writing the scanner summary');
    if (ports.scanSummary) {
      scanSummary = ports.scanSummary(now());
      write('scanSummary', req.paths.scanSummary, scanSummary);
    } else if (req.target === 'summary') {
      throw new DashboardInputError('The scanner summary is not available in this build');
    } else {
      notices.push('Scanner summary not written: the scanner pipeline is not available in this build');
    }
  }
  if (req.target === 'all') {
    yield tick('Writing the waiver audit');
    waiverAudit = ports.waiverAudit(now(), req.clock.today());
    write('waiverAudit', req.paths.waiverAudit, waiverAudit);
  }
  if (req.target === 'compat' || req.target === 'all') {
    yield tick('Writing the compatibility dashboard');
    const baseAbs = req.baselinePath ? resolvePath(workspace, req.baselinePath) : join(workspace, req.paths.compatBaseline);
    if (req.baselinePath && readArtifact(baseAbs).state === 'missing') {
      throw new DashboardInputError(`Baseline file not found: ${req.baselinePath}`);
    }
    const baseDisplay = displayPath(workspace, baseAbs);
    const baseline = loadBaseline(baseAbs, baseDisplay);
    const notice = baselineNotice(baseline);
    if (notice) {
      notices.push(notice);
      compatNotices.push(notice);
    }
    const port = ports.compatPolicy(Boolean(req.presetsOnly));
    for (const n of port.notices ?? []) {
      notices.push(n);
      compatNotices.push(n);
    }
    compat = buildCompatDashboard({ port, generatedAt: now(), bead: req.bead ?? DEFAULT_COMPAT_BEAD, baseline });
    write('compatDashboard', req.paths.compatDashboard, compat);
    const eventsPath = outPath(req.paths.compatEvents);
    writeTextArtifact(eventsPath, compatEventsJsonl(compat));
    written.push({ artifact: 'compatEvents', path: eventsPath });
    if (compat.regression_detected) exitCode = 1;
    if (req.updateBaseline) {
      const decision = decideBaselineUpdate(compat, Boolean(req.force));
      if (decision.allowed && decision.baseline) {
        const target = req.baselinePath ? baseAbs : outPath(req.paths.compatBaseline);
        writeArtifact(target, decision.baseline);
        written.push({ artifact: 'compatBaseline', path: target });
        baselineUpdate = { written: true, forced: Boolean(req.force), refusals: decision.refusals };
        if (req.force && decision.refusals.length > 0) notices.push(`Baseline updated with --force despite: ${decision.refusals.join('; ')}`);
      } else {
        baselineUpdate = { written: false, forced: false, refusals: decision.refusals };
        notices.push(refusalMessage(decision.refusals));
        exitCode = 1;
      }
    }
  }
  if (req.target === 'gates' || req.target === 'all') {
    yield tick('Writing the gate table');
    const audit = waiverAudit ?? ports.waiverAudit(now(), req.clock.today());
    const { thresholds, problems } = resolveThresholds(req.env, req.thresholdSettings ?? {});
    gates = buildGateTable({
      lane: req.lane ?? 'full',
      generatedAt: now(),
      thresholds,
      thresholdProblems: problems,
      compatDashboardPath: req.paths.compatDashboard,
      waiverAuditPath: req.paths.waiverAudit,
      resolve: readPath,
      waivers: audit,
      extraGates: req.extraGates,
    });
    write('gateTable', req.paths.gateTable, gates);
    if (gates.verdict === 'fail') exitCode = 1;
  }

  let markdown: string | null = null;
  let data: DashboardData | null = null;
  if (req.markdownPath) {
    yield tick('Writing the Markdown summary');
    data = loadDashboardData({
      paths: req.paths,
      resolve: readPath,
      renderedAt: now(),
      today: req.clock.today(),
      secretsCoverage: ports.secretsCoverage ? ports.secretsCoverage() : null,
      compatNotices,
    });
    markdown = renderMarkdown(data);
    const p = resolvePath(workspace, req.markdownPath);
    writeTextArtifact(p, markdown);
    written.push({ artifact: 'markdown', path: p });
  }
  return { written, scanSummary, waiverAudit, compat, gates, notices, compatNotices, baselineUpdate, markdown, data, exitCode };
}

/**
 * What `--update-baseline` would do now, without writing anything: the editor's confirmation
 * dialog names these refusals and offers a forced update (dashboards.md §2.4).
 */
export function previewBaselineUpdate(
  req: Pick<GenerateRequest, 'workspace' | 'paths' | 'baselinePath' | 'presetsOnly' | 'bead' | 'clock'>,
  ports: Pick<DashboardPorts, 'compatPolicy'>,
): { refusals: string[]; notices: string[]; dashboard: CompatDashboard; baselinePath: string } {
  const workspace = resolvePath(req.workspace);
  const baseAbs = req.baselinePath ? resolvePath(workspace, req.baselinePath) : join(workspace, req.paths.compatBaseline);
  const baseline = loadBaseline(baseAbs, displayPath(workspace, baseAbs));
  const notice = baselineNotice(baseline);
  const dashboard = buildCompatDashboard({
    port: ports.compatPolicy(Boolean(req.presetsOnly)),
    generatedAt: rfc3339(req.clock.nowMs()),
    bead: req.bead ?? DEFAULT_COMPAT_BEAD,
    baseline,
  });
  return { refusals: decideBaselineUpdate(dashboard, false).refusals, notices: notice ? [notice] : [], dashboard, baselinePath: baseAbs };
}
