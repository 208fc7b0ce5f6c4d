/** Wiring of `DashboardPorts` to the other parts of the core (waivers, policy, scanner). */
import { join } from 'node:path';
import type { Clock } from '../common/clock';
import type { CliPolicyOptions } from '../policy';
import type { EnvMap } from '../common/env';
import { discoverUnits } from '../scanner/discovery';
import type { PolicyOracle } from '../scanner/policyOracle';
import { buildScanSummary } from '../scanner/report/outputs';
import { scanUnits } from '../scanner/workspaceScan';
import { DEFAULT_KNOWN_GATES } from '../settings/schema';
import { buildWaiverAudit } from '../waivers/audit';
import { validateWaiverFile } from '../waivers/validate';
import { readArtifact } from './artifacts';
import type { DashboardPorts } from './generate';
import type { ScanSummary, WaiverAudit } from './inputSchemas';
import { policyIntegration } from './policyWiring';

/** The waiver file the `waiver_lifecycle` gate reads (waivers.md §7), relative to the workspace. */
export const WAIVER_FILE = 'tests/suite_classification.toml';

export class WaiverFileUnreadableError extends Error {}

/** Computes the waiver audit from the workspace's waiver file now (the gate's source of truth). */
export function computeWaiverAudit(args: {
  workspace: string;
  today: string;
  nowMs: number;
  knownGates?: readonly string[];
  waiverFile?: string;
}): WaiverAudit {
  const rel = args.waiverFile ?? WAIVER_FILE;
  const read = readArtifact(join(args.workspace, rel));
  if (read.state === 'missing') return buildWaiverAudit({ result: null, sourcePath: rel, today: args.today, nowMs: args.nowMs });
  if (read.state !== 'present') {
    const why = read.state === 'directory' ? 'it is a directory' : read.state === 'too_large' ? `too large (${read.size} bytes)` : read.message;
    throw new WaiverFileUnreadableError(`Cannot read ${rel}: ${why}`);
  }
  const result = validateWaiverFile(read.text, { today: args.today, knownGates: args.knownGates ?? DEFAULT_KNOWN_GATES });
  return buildWaiverAudit({ result, sourcePath: rel, today: args.today, nowMs: args.nowMs });
}

/** Options shared by the CLI and the server to build `DashboardPorts` for one workspace folder. */
export interface DashboardPortOptions {
  workspace: string;
  /** `--global-dir` / `piSecurity.policy.globalConfigDir`; empty = `~/.pi/agent`. */
  globalDir?: string | null;
  homeDir: string;
  /** Environment for the scanner's effective policy (the compatibility checks ignore it). */
  env: EnvMap;
  clock: Clock;
  toolVersion: string;
  /** CLI-layer policy options for the scanner summary and SLO-07 (editor what-if settings). */
  cli?: CliPolicyOptions;
  knownGates?: readonly string[];
  unitRoots?: readonly string[];
  unitIds?: Readonly<Record<string, string>>;
  exclude?: readonly string[];
  maxFileBytes?: number;
  /** Progress inside a long step (scanned files). */
  onScanProgress?(done: number, total: number): void;
  isCancelled?(): boolean;
}

/** The scanner summary of the workspace (dashboards.md §3), built by the scanner pipeline. */
export function workspaceScanSummary(opts: DashboardPortOptions, nowMs: number, policy?: PolicyOracle): ScanSummary {
  const base = opts.workspace;
  const units = discoverUnits({ base, roots: opts.unitRoots, ids: opts.unitIds, exclude: opts.exclude });
  const report = scanUnits(units, {
    base,
    today: opts.clock.today(),
    policy,
    exclude: opts.exclude,
    maxFileBytes: opts.maxFileBytes,
    isCancelled: opts.isCancelled,
    onProgress: opts.onScanProgress ? (done, total) => opts.onScanProgress?.(done, total) : undefined,
  });
  return buildScanSummary(report, { toolVersion: opts.toolVersion, nowMs });
}

/** `DashboardPorts` for one workspace folder, shared by the CLI and the server. */
export function createDashboardPorts(opts: DashboardPortOptions): DashboardPorts {
  const policy = policyIntegration({ workspace: opts.workspace, globalDir: opts.globalDir, homeDir: opts.homeDir, env: opts.env, cli: opts.cli });
  return {
    scanSummary: (generatedAt) => workspaceScanSummary(opts, Date.parse(generatedAt), policy.oracle()),
    waiverAudit: (generatedAt, today) =>
      computeWaiverAudit({ workspace: opts.workspace, today, nowMs: Date.parse(generatedAt), knownGates: opts.knownGates }),
    compatPolicy: (presetsOnly) => policy.compatPolicy(presetsOnly),
    secretsCoverage: () => policy.secretsCoverage(),
  };
}
