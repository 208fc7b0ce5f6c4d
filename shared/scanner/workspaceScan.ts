/**
 * Scans extension units (CLI trees and the editor's Scan Workspace): files in order, per-file pipeline,
 * per-unit verdict, suppression and parse statistics, capabilities, exec commands and env reads. The
 * result is the in-memory model behind every output (JSON, human, SARIF, summary).
 */
import { sep } from 'node:path';
import { compareBytewise } from '../common/paths';
import { listUnitFiles, nodeScanFs, readSourceFile, type ExtensionUnit, type ScanFs } from './discovery';
import { compareFindings, DEFAULT_MAX_FILE_BYTES, scanFailure, scanFileText, type FileScanResult, type LocatedFinding } from './fileScan';
import type { PolicyOracle, PolicySummary } from './policyOracle';
import type { ScanNotice, Tier } from './types';
import { countHit, emptyCounts, verdictOf, type Verdict, type VerdictCounts } from './verdict';
import { tierRank } from './coalesce';

/** Canonical capability order (scanner.md §8.6). */
export const CAPABILITY_ORDER = ['read', 'write', 'http', 'events', 'session', 'ui', 'exec', 'env', 'tool', 'log'] as const;

export interface Position1 {
  file: string;
  line: number;
  column: number;
}

export interface CapabilityEntry {
  capability: string;
  decision: string;
  reason: string;
  layer: number;
  sites: number;
  first: Position1;
}

export interface ExecCommandEntry {
  file: string;
  line: number;
  preview: string;
  classes: string[];
  decision: string;
}

export interface EnvReadEntry {
  name: string;
  secret: boolean;
  match: string | null;
  file: string;
  line: number;
}

export interface UnitResult {
  unit: ExtensionUnit;
  extensionId: string | null;
  root: string;
  files: FileScanResult[];
  skippedSymlinks: string[];
  counts: VerdictCounts;
  verdict: Verdict;
  suppressed: { total: number; expired: number; by_rule: Record<string, number> };
  parse: { tolerant: string[]; strip_failed: string[]; scan_failed: string[] };
  capabilities: CapabilityEntry[];
  execCommands: ExecCommandEntry[];
  envReads: EnvReadEntry[];
}

export interface ScanReport {
  units: UnitResult[];
  /** All findings in report order (file, line, column, rule id). */
  findings: LocatedFinding[];
  notifications: ScanNotice[];
  policy: PolicySummary | null;
  fileCount: number;
  cancelled: boolean;
}

export interface ScanUnitsOptions {
  /** Base folder of relative paths in reports (workspace folder or CLI cwd), absolute. */
  base: string;
  today: string;
  policy?: PolicyOracle;
  suppressions?: boolean;
  maxFileBytes?: number;
  exclude?: readonly string[];
  /** Editor only: a file is scanned when this returns true for its base-relative path. */
  includeFile?: (rel: string) => boolean;
  fs?: ScanFs;
  /** Current text of open documents (absolute path → text), preferred over the disk. */
  readOverride?: (abs: string) => string | undefined;
  /** An already computed scan of a file (the editor's cached scan of an open document), used as is. */
  precomputed?: (abs: string) => FileScanResult | undefined;
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number, file: string) => void;
}

export function scanUnits(units: readonly ExtensionUnit[], options: ScanUnitsOptions): ScanReport {
  const steps = scanSteps(units, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same scan, yielding to the event loop every `sliceMs` so a server stays responsive and can
 * observe cancellation (`options.isCancelled`) between files.
 */
export async function scanUnitsAsync(units: readonly ExtensionUnit[], options: ScanUnitsOptions, sliceMs = 15): Promise<ScanReport> {
  const steps = scanSteps(units, options);
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
}

/** Scans file by file, yielding after each one; returns the report. */
function* scanSteps(units: readonly ExtensionUnit[], options: ScanUnitsOptions): Generator<void, ScanReport, void> {
  const fs = options.fs ?? nodeScanFs;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const listings = units.map((unit) => ({ unit, listing: listUnitFiles(unit, { base: options.base, exclude: options.exclude, fs }) }));
  const total = listings.reduce((n, l) => n + l.listing.files.length, 0);
  let done = 0;
  let cancelled = false;
  const results: UnitResult[] = [];
  const notifications: ScanNotice[] = [];
  for (const { unit, listing } of listings) {
    const files: FileScanResult[] = [];
    for (const failure of listing.failures) {
      files.push(scanFailure(failure.rel, `${failure.rel}: ${failure.cause}`, unit.extensionId));
    }
    for (const file of listing.files) {
      if (options.isCancelled?.()) {
        cancelled = true;
        break;
      }
      if (options.includeFile && !options.includeFile(file.rel)) continue;
      options.onProgress?.(done, total, file.rel);
      const fileOptions = {
        relativePath: file.rel,
        extensionId: unit.extensionId,
        today: options.today,
        policy: options.policy,
        suppressions: options.suppressions,
        maxFileBytes,
      };
      const ready = options.precomputed?.(file.abs);
      const override = ready ? undefined : options.readOverride?.(file.abs);
      if (ready) files.push(ready);
      else if (override !== undefined) files.push(scanFileText(override, fileOptions));
      else {
        const read = readSourceFile(file.abs, file.rel, maxFileBytes, fs);
        files.push(read.ok ? scanFileText(read.text, fileOptions) : scanFailure(file.rel, read.cause, unit.extensionId));
      }
      done++;
      yield;
    }
    files.sort((a, b) => compareBytewise(a.relativePath, b.relativePath));
    results.push(summarizeUnit(unit, files, listing.skippedSymlinks, options.policy));
    if (cancelled) break;
  }
  const findings: LocatedFinding[] = [];
  for (const unit of results) {
    for (const file of unit.files) {
      findings.push(...file.findings);
      for (const f of file.findings) {
        if (f.suppression) continue;
        if (f.ruleId === 'PARSE-001') notifications.push({ level: 'warning', message: f.message, file: f.file });
        if (f.ruleId === 'SEC-SCAN-001') notifications.push({ level: 'error', message: f.message, file: f.file });
      }
    }
  }
  findings.sort(compareFindings);
  return {
    units: sortUnits(results),
    findings,
    notifications,
    policy: options.policy?.summary ?? null,
    fileCount: results.reduce((n, u) => n + u.files.length, 0),
    cancelled,
  };
}

/** The unit that owns `absPath` (a directory unit containing it, or the single-file unit itself). */
export function unitContaining(units: readonly ExtensionUnit[], absPath: string): ExtensionUnit | undefined {
  return units.find((u) => u.root === absPath || (u.kind === 'dir' && absPath.startsWith(u.root.endsWith(sep) ? u.root : u.root + sep)));
}

/** Summary order: BLOCK, REVIEW, ALLOW; then score ascending; then id (dashboards.md §3). */
export function sortUnits(units: UnitResult[]): UnitResult[] {
  const rank = { block: 0, review: 1, allow: 2 } as const;
  return [...units].sort(
    (a, b) =>
      rank[a.verdict.recommendation] - rank[b.verdict.recommendation] ||
      a.verdict.score - b.verdict.score ||
      compareBytewise(a.extensionId ?? '', b.extensionId ?? '') ||
      compareBytewise(a.root, b.root),
  );
}

export function summarizeUnit(unit: ExtensionUnit, files: FileScanResult[], skippedSymlinks: string[], policy?: PolicyOracle): UnitResult {
  const counts = emptyCounts();
  const byRule: Record<string, number> = {};
  let suppressedTotal = 0;
  let expired = 0;
  const parse = { tolerant: [] as string[], strip_failed: [] as string[], scan_failed: [] as string[] };
  const sites = new Map<string, { count: number; first: Position1 & { order: number } }>();
  const execCommands: ExecCommandEntry[] = [];
  const envReads: EnvReadEntry[] = [];
  files.forEach((file, fileIndex) => {
    for (const hit of file.activeHits) countHit(counts, hit);
    for (const hit of file.suppressedHits) {
      suppressedTotal++;
      byRule[hit.ruleId] = (byRule[hit.ruleId] ?? 0) + 1;
    }
    expired += file.expiredSuppressions;
    if (file.tolerant) parse.tolerant.push(file.relativePath);
    if (file.stripFailed) parse.strip_failed.push(file.relativePath);
    if (file.scanFailed) parse.scan_failed.push(file.relativePath);
    for (const site of file.facts.capabilities) {
      const pos = file.lines.positionAt(site.start);
      const order = fileIndex * 1e9 + site.start;
      const entry = sites.get(site.capability);
      const here = { file: file.relativePath, line: pos.line + 1, column: pos.character + 1, order };
      if (!entry) sites.set(site.capability, { count: 1, first: here });
      else {
        entry.count++;
        if (order < entry.first.order) entry.first = here;
      }
    }
    for (const cmd of file.facts.execCommands) {
      execCommands.push({ file: file.relativePath, line: file.lines.positionAt(cmd.start).line + 1, preview: cmd.preview, classes: cmd.classes, decision: cmd.decision });
    }
    for (const env of file.facts.envReads) {
      envReads.push({ name: env.name, secret: env.secret, match: env.match, file: file.relativePath, line: file.lines.positionAt(env.start).line + 1 });
    }
  });
  const capabilities: CapabilityEntry[] = [];
  for (const cap of CAPABILITY_ORDER) {
    const entry = sites.get(cap);
    if (!entry) continue;
    const decision = policy?.decide(cap, unit.extensionId);
    const { order: _order, ...first } = entry.first;
    capabilities.push({
      capability: cap,
      decision: decision?.decision ?? 'unknown',
      reason: decision?.reason ?? 'no_policy',
      layer: decision?.layer ?? 0,
      sites: entry.count,
      first,
    });
  }
  return {
    unit,
    extensionId: unit.extensionId,
    root: unit.relRoot,
    files,
    skippedSymlinks,
    counts,
    verdict: verdictOf(counts),
    suppressed: { total: suppressedTotal, expired, by_rule: sortRecord(byRule) },
    parse,
    capabilities,
    execCommands,
    envReads,
  };
}

function sortRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareBytewise(a, b)));
}

/** Up to `n` unsuppressed findings of a unit, by tier then position. */
export function topFindings(unit: UnitResult, n = 10): LocatedFinding[] {
  const all = unit.files.flatMap((f) => f.findings.filter((x) => !x.suppression));
  return all.sort((a, b) => tierRank(a.tier as Tier) - tierRank(b.tier as Tier) || compareFindings(a, b)).slice(0, n);
}
