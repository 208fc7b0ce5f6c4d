/**
 * `piSecurity/generateDashboards`, `piSecurity/readDashboards`, `piSecurity/updateBaseline`
 * (dashboards.md §1, §2.4, §5). The logic is in `shared/dashboards`; this module maps settings and
 * LSP progress/cancellation onto it.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection, WorkDoneProgressReporter } from 'vscode-languageserver';
import { ResponseError, LSPErrorCodes, ErrorCodes } from 'vscode-languageserver';
import type { Clock } from '../../../shared/common/clock';
import { rfc3339 } from '../../../shared/common/clock';
import type { EnvMap } from '../../../shared/common/env';
import { declaredGateSchema, type DeclaredGate } from '../../../shared/dashboards/gateSchema';
import {
  DashboardCancelledError,
  DashboardInputError,
  generateDashboardsAsync,
  previewBaselineUpdate,
  type DashboardPorts,
} from '../../../shared/dashboards/generate';
import { renderMarkdown } from '../../../shared/dashboards/markdown';
import { loadDashboardData } from '../../../shared/dashboards/model';
import { createDashboardPorts, WaiverFileUnreadableError } from '../../../shared/dashboards/ports';
import { baselineNotice, decideBaselineUpdate, loadBaseline } from '../../../shared/dashboards/baseline';
import { writeArtifact } from '../../../shared/dashboards/output';
import type { ThresholdSettings } from '../../../shared/dashboards/thresholds';
import { THRESHOLD_DEFAULTS } from '../../../shared/dashboards/thresholds';
import {
  GenerateDashboardsRequest,
  ReadDashboardsRequest,
  UpdateBaselineRequest,
  type DashboardViewPayload,
  type GenerateDashboardsParams,
  type GenerateDashboardsResult,
  type UpdateBaselineParams,
  type UpdateBaselineResult,
} from '../../../shared/protocol/dashboards';
import { DEFAULT_DASHBOARD_PATHS, type DashboardPaths, type PiSecuritySettings } from '../../../shared/settings/schema';
import type { ServerServices } from '../providers/types';
import { editorCliOptions } from '../../../shared/policy/editorInput';
import { TOOL_VERSION } from '../cli/version';


/** What the handlers need; the LSP registration below provides it, tests provide their own. */
export interface DashboardDeps {
  clock: Clock;
  env: EnvMap;
  workspaceFolders(): readonly string[];
  settingsFor(folder: string): Promise<PiSecuritySettings>;
  homeDir?: string;
  log?(message: string): void;
}

/** `piSecurity.dashboard.paths` with the default for every unset or blank key. */
export function dashboardPathsOf(s: PiSecuritySettings): DashboardPaths {
  const out: Record<string, string> = { ...DEFAULT_DASHBOARD_PATHS };
  for (const [k, v] of Object.entries(s['dashboard.paths'] ?? {})) if (typeof v === 'string' && v.trim() !== '') out[k] = v;
  return out as DashboardPaths;
}

function folderFor(deps: DashboardDeps, folderUri: string | undefined): string {
  const folders = deps.workspaceFolders();
  if (folderUri) {
    const path = folderUri.startsWith('file:') ? fileURLToPath(folderUri) : folderUri;
    return path;
  }
  if (folders.length === 0) throw new DashboardInputError('Pi Security needs an open folder');
  return folders[0];
}

/** Threshold values that differ from the defaults count as set in the settings (§4.1). */
export function thresholdSettings(s: PiSecuritySettings): ThresholdSettings {
  const out: ThresholdSettings = {};
  if (s['gates.thresholds.minPassRatePct'] !== THRESHOLD_DEFAULTS.min_pass_rate_pct) out.minPassRatePct = s['gates.thresholds.minPassRatePct'];
  if (s['gates.thresholds.maxFailCount'] !== THRESHOLD_DEFAULTS.max_fail_count) out.maxFailCount = s['gates.thresholds.maxFailCount'];
  if (s['gates.thresholds.maxNaCount'] !== THRESHOLD_DEFAULTS.max_na_count) out.maxNaCount = s['gates.thresholds.maxNaCount'];
  return out;
}

/** `piSecurity.gates.extra`: the valid declared gates, and a notice per invalid entry. */
export function extraGates(s: PiSecuritySettings): { gates: DeclaredGate[]; notices: string[] } {
  const gates: DeclaredGate[] = [];
  const notices: string[] = [];
  s['gates.extra'].forEach((raw, i) => {
    const parsed = declaredGateSchema.safeParse(raw);
    if (parsed.success) gates.push(parsed.data);
    else notices.push(`piSecurity.gates.extra[${i}] ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  });
  return { gates, notices };
}

function portsFor(deps: DashboardDeps, folder: string, s: PiSecuritySettings, extra: Partial<Parameters<typeof createDashboardPorts>[0]> = {}): DashboardPorts {
  const env = s['policy.useProcessEnv'] ? deps.env : {};
  return createDashboardPorts({
    workspace: folder,
    globalDir: s['policy.globalConfigDir'] || null,
    homeDir: deps.homeDir ?? homedir(),
    env,
    clock: deps.clock,
    toolVersion: TOOL_VERSION,
    cli: editorCliOptions(s),
    knownGates: s['waivers.knownGates'],
    unitRoots: s['extensions.roots'],
    unitIds: s['extensions.ids'],
    exclude: s['scan.exclude'],
    maxFileBytes: s['scan.maxFileBytes'],
    ...extra,
  });
}

function viewPayload(deps: DashboardDeps, folder: string, s: PiSecuritySettings, ports: DashboardPorts, compatNotices: string[] = []): DashboardViewPayload {
  const paths = dashboardPathsOf(s);
  let coverage = null;
  try {
    coverage = ports.secretsCoverage ? ports.secretsCoverage() : null;
  } catch (error) {
    deps.log?.(`SLO-07 coverage not computed: ${error instanceof Error ? error.message : String(error)}`);
  }
  // An unusable baseline stays visible in the compatibility panel on every refresh (§2.4).
  const baselineState = loadBaseline(join(folder, paths.compatBaseline), paths.compatBaseline);
  const baselineMsg = baselineNotice(baselineState);
  const notices = baselineMsg && !compatNotices.includes(baselineMsg) ? [baselineMsg, ...compatNotices] : compatNotices;
  const data = loadDashboardData({
    paths,
    resolve: (rel) => join(folder, rel),
    renderedAt: rfc3339(deps.clock.nowMs()),
    today: deps.clock.today(),
    secretsCoverage: coverage,
    compatNotices: notices,
  });
  const inputs = [paths.compatDashboard, paths.gateTable, paths.waiverAudit, paths.scanSummary, paths.scannerSlo, paths.calibrationReport].map((p) => join(folder, p));
  return { folder, data, markdown: renderMarkdown(data), inputs };
}

export async function generateDashboardsHandler(
  deps: DashboardDeps,
  params: GenerateDashboardsParams,
  token?: CancellationToken,
  progress?: WorkDoneProgressReporter,
): Promise<GenerateDashboardsResult> {
  const folder = folderFor(deps, params.folderUri);
  const s = await deps.settingsFor(folder);
  const extra = extraGates(s);
  const ports = portsFor(deps, folder, s, { isCancelled: () => token?.isCancellationRequested ?? false });
  progress?.begin('Pi Security: generating dashboards', 0, undefined, true);
  try {
    const result = await generateDashboardsAsync(
      {
        target: 'all',
        workspace: folder,
        paths: dashboardPathsOf(s),
        lane: params.lane ?? 'full',
        presetsOnly: params.presetsOnly ?? false,
        env: deps.env,
        thresholdSettings: thresholdSettings(s),
        bead: s['dashboard.compatBead'],
        extraGates: extra.gates,
        clock: deps.clock,
        progress: (message, step, total) => progress?.report(Math.round((step / total) * 100), message),
        isCancelled: () => token?.isCancellationRequested ?? false,
      },
      ports,
    );
    const view = viewPayload(deps, folder, s, ports, result.compatNotices);
    return {
      ...view,
      written: result.written.map((w) => ({ artifact: w.artifact, path: w.path })),
      notices: [...extra.notices, ...result.notices],
      verdict: result.gates?.verdict ?? null,
      regressionDetected: result.compat?.regression_detected ?? null,
    };
  } finally {
    progress?.done();
  }
}

export async function readDashboardsHandler(deps: DashboardDeps, params: { folderUri?: string }): Promise<DashboardViewPayload> {
  const folder = folderFor(deps, params.folderUri);
  const s = await deps.settingsFor(folder);
  return viewPayload(deps, folder, s, portsFor(deps, folder, s));
}

export async function updateBaselineHandler(deps: DashboardDeps, params: UpdateBaselineParams): Promise<UpdateBaselineResult> {
  const folder = folderFor(deps, params.folderUri);
  const s = await deps.settingsFor(folder);
  const ports = portsFor(deps, folder, s);
  const preview = previewBaselineUpdate(
    { workspace: folder, paths: dashboardPathsOf(s), bead: s['dashboard.compatBead'], clock: deps.clock },
    ports,
  );
  if (params.dryRun) return { updated: false, forced: false, refusals: preview.refusals, baselinePath: preview.baselinePath, notices: preview.notices };
  const force = params.force ?? false;
  const decision = decideBaselineUpdate(preview.dashboard, force);
  if (!decision.allowed || !decision.baseline) {
    return { updated: false, forced: false, refusals: decision.refusals, baselinePath: preview.baselinePath, notices: preview.notices };
  }
  writeArtifact(preview.baselinePath, decision.baseline);
  return { updated: true, forced: force, refusals: decision.refusals, baselinePath: preview.baselinePath, notices: preview.notices };
}

function toResponseError(error: unknown): never {
  if (error instanceof DashboardCancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
  if (error instanceof DashboardInputError || error instanceof WaiverFileUnreadableError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
  throw error;
}

/** Registers the three requests on a connection. */
export function registerDashboardRequests(connection: Connection, server: { services: ServerServices }): void {
  const services = server.services;
  const deps: DashboardDeps = {
    clock: services.clock,
    env: services.env,
    workspaceFolders: () => services.workspaceFolders(),
    settingsFor: (folder) => services.settingsForFolder(folder),
    log: (m) => services.log(m),
  };
  connection.onRequest(GenerateDashboardsRequest, (params, token) => {
    // The client passes a work-done token; without one the reporter discards the progress.
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    return generateDashboardsHandler(deps, params, token, progress).catch(toResponseError);
  });
  connection.onRequest(ReadDashboardsRequest, (params) => readDashboardsHandler(deps, params).catch(toResponseError));
  connection.onRequest(UpdateBaselineRequest, (params) => updateBaselineHandler(deps, params).catch(toResponseError));
}
