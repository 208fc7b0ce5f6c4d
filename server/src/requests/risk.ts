/**
 * `piSecurity/calibrate`, `piSecurity/verifyLedger`, `piSecurity/riskSettingsEdit` (risk.md §3.6,
 * §5, §5.8). The logic is in `shared/risk`; this module maps settings, files and LSP
 * progress/cancellation onto it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Connection, WorkDoneProgressReporter } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Clock } from '../../../shared/common/clock';
import type { EnvMap } from '../../../shared/common/env';
import { prettyJson, writeFileAtomic } from '../../../shared/common/json';
import {
  CalibrateRequest,
  RiskSettingsEditRequest,
  VerifyLedgerRequest,
  type CalibrateParams,
  type CalibrateResult,
  type RiskSettingsEditParams,
  type RiskSettingsEditResult,
  type VerifyLedgerParams,
  type VerifyLedgerResult,
} from '../../../shared/protocol/risk';
import { CalibrationCancelledError, runCalibration } from '../../../shared/risk/calibrate';
import { verifyLedgerText } from '../../../shared/risk/ledger';
import { computeSettingsEdit, SettingsEditError } from '../../../shared/risk/settingsEdit';
import { formatCalibrationMarkdown } from '../../../shared/risk/summary';
import { loadRiskWorkspace, readTraceFiles, TraceFileError } from '../../../shared/risk/workspace';
import { DEFAULT_DASHBOARD_PATHS, type PiSecuritySettings } from '../../../shared/settings/schema';
import { TOOL_VERSION } from '../cli/version';
import type { ServerServices } from '../providers/types';

export interface RiskDeps {
  clock: Clock;
  env: EnvMap;
  workspaceFolders(): readonly string[];
  settingsFor(folder: string): Promise<PiSecuritySettings>;
  homeDir?: string;
  /** High-resolution clock for the latency pass (default `performance.now`). */
  hrtime?: () => number;
  log?(message: string): void;
}

export class RiskInputError extends Error {}

const MAX_LEDGER_BYTES = 512 * 1024 * 1024;

function toPath(uriOrPath: string, base?: string): string {
  if (uriOrPath.startsWith('file:')) return fileURLToPath(uriOrPath);
  return base && !isAbsolute(uriOrPath) ? resolve(base, uriOrPath) : uriOrPath;
}

function folderFor(deps: RiskDeps, folderUri: string | undefined): string {
  if (folderUri) return toPath(folderUri);
  const folders = deps.workspaceFolders();
  if (folders.length === 0) throw new RiskInputError('Pi Security needs an open folder');
  return folders[0];
}

export async function calibrateHandler(deps: RiskDeps, params: CalibrateParams, token?: CancellationToken, progress?: WorkDoneProgressReporter): Promise<CalibrateResult> {
  const folder = folderFor(deps, params.folderUri);
  const s = await deps.settingsFor(folder);
  if (!params.traces || params.traces.length === 0) throw new RiskInputError('pick at least one trace file');
  const ws = loadRiskWorkspace({
    projectDir: folder,
    env: s['policy.useProcessEnv'] ? deps.env : {},
    homeDir: deps.homeDir ?? homedir(),
    cwd: folder,
    globalDir: s['policy.globalConfigDir'] || null,
  });
  let traces;
  try {
    traces = readTraceFiles(params.traces.map((t) => toPath(t, folder)), folder);
  } catch (err) {
    if (err instanceof TraceFileError) throw new RiskInputError(err.message);
    throw err;
  }
  const windowGrid = params.windowGrid ?? s['calibration.windowGrid'];
  progress?.begin('Pi Security: risk controller calibration', 0, undefined, true);
  try {
    let last = -1;
    const report = await runCalibration({
      traces,
      baseConfig: ws.config,
      alphaGrid: params.alphaGrid ?? s['calibration.alphaGrid'],
      windowGrid: windowGrid.length > 0 ? windowGrid : undefined,
      policyMode: params.policyMode ?? 'permissive',
      policy: ws.resolver,
      promptAnswer: params.promptAnswer ?? 'deny',
      simulateEnforcement: params.simulateEnforcement ?? false,
      latencyRuns: params.latencyRuns,
      noLatency: params.noLatency ?? false,
      hrtime: deps.hrtime ?? (() => performance.now()),
      nowMs: deps.clock.nowMs(),
      toolVersion: TOOL_VERSION,
      isSecret: ws.isSecret,
      signal: { get aborted() { return token?.isCancellationRequested ?? false; } },
      onProgress: (p) => {
        const pct = Math.floor((100 * p.done) / Math.max(1, p.total));
        if (pct !== last) {
          last = pct;
          progress?.report(pct, p.message);
        }
      },
    });
    const rel = params.out ?? (s['dashboard.paths'].calibrationReport || DEFAULT_DASHBOARD_PATHS.calibrationReport);
    const reportPath = isAbsolute(rel) ? rel : join(folder, rel);
    writeFileAtomic(reportPath, prettyJson(report));
    deps.log?.(`calibration report written to ${reportPath}`);
    const notices: string[] = [];
    if (ws.policy.failedClosed) notices.push('A policy config file could not be parsed (CFG-001); extensionRisk.* defaults were used for the current point.');
    for (const w of ws.policy.warnings) notices.push(`${w.code}: ${w.message}`);
    return { report, reportPath, folder, markdown: formatCalibrationMarkdown(report), notices };
  } finally {
    progress?.done();
  }
}

export function verifyLedgerHandler(deps: RiskDeps, params: VerifyLedgerParams): VerifyLedgerResult {
  const folders = deps.workspaceFolders();
  const path = toPath(params.uri, folders[0]);
  let text: string;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new RiskInputError(`${path}: not a regular file`);
    if (st.size > MAX_LEDGER_BYTES) throw new RiskInputError(`${path}: ${st.size} bytes exceeds the ${MAX_LEDGER_BYTES}-byte limit`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof RiskInputError) throw err;
    throw new RiskInputError(`${path}: ledger file not found or unreadable`);
  }
  return { path, verification: verifyLedgerText(text) };
}

export function riskSettingsEditHandler(deps: RiskDeps, params: RiskSettingsEditParams): RiskSettingsEditResult {
  const folder = folderFor(deps, params.folderUri);
  const path = join(folder, '.pi', 'settings.json');
  const text = params.text !== undefined && params.text !== null ? params.text : existsSync(path) ? readFileSync(path, 'utf8') : null;
  try {
    const r = computeSettingsEdit(text, params.patch);
    return { path, uri: pathToFileURL(path).toString(), created: r.created, edits: r.edits, newText: r.newText };
  } catch (err) {
    if (err instanceof SettingsEditError) throw new RiskInputError(err.message);
    throw err;
  }
}

function toResponseError(error: unknown): never {
  if (error instanceof CalibrationCancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
  if (error instanceof RiskInputError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
  throw error;
}

export function registerRiskRequests(connection: Connection, server: { services: ServerServices }): void {
  const services = server.services;
  const deps: RiskDeps = {
    clock: services.clock,
    env: services.env,
    workspaceFolders: () => services.workspaceFolders(),
    settingsFor: (folder) => services.settingsForFolder(folder),
    log: (m) => services.log(m),
  };
  connection.onRequest(CalibrateRequest, (params, token) => {
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    return calibrateHandler(deps, params, token, progress).catch(toResponseError);
  });
  connection.onRequest(VerifyLedgerRequest, (params) => {
    try {
      return verifyLedgerHandler(deps, params);
    } catch (err) {
      return toResponseError(err);
    }
  });
  connection.onRequest(RiskSettingsEditRequest, (params) => {
    try {
      return riskSettingsEditHandler(deps, params);
    } catch (err) {
      return toResponseError(err);
    }
  });
}
