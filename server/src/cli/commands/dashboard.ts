/** `pi-sec dashboard compat|gates|summary|all` (dashboards.md §1, spec README "CLI"). */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../../../../shared/common/json';
import { declaredGateSchema, type DeclaredGate } from '../../../../shared/dashboards/gateSchema';
import {
  DashboardInputError,
  displayPath,
  generateDashboards,
  type DashboardTarget,
  type GenerateResult,
} from '../../../../shared/dashboards/generate';
import { createDashboardPorts, WaiverFileUnreadableError } from '../../../../shared/dashboards/ports';
import { DEFAULT_DASHBOARD_PATHS } from '../../../../shared/settings/schema';
import { TOOL_VERSION } from '../version';
import { EXIT, InputError, UsageError, type CliCommand, type CliIO, type OptionSpec, type ParsedCommandLine } from '../types';


const OPTIONS: Record<string, OptionSpec> = {
  'out-dir': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  force: { type: 'boolean' },
  lane: { type: 'string' },
  'presets-only': { type: 'boolean' },
  markdown: { type: 'string' },
  'project-dir': { type: 'string' },
  'global-dir': { type: 'string' },
  'gates-file': { type: 'string' },
};

const USAGE: Record<DashboardTarget, string> = {
  compat: 'Usage: pi-sec dashboard compat [--out-dir D] [--baseline F] [--update-baseline [--force]] [--presets-only] [--markdown F] [--project-dir D] [--global-dir D]',
  gates: 'Usage: pi-sec dashboard gates [--out-dir D] [--lane preflight|full] [--gates-file F] [--markdown F] [--project-dir D]',
  summary: 'Usage: pi-sec dashboard summary [--out-dir D] [--markdown F] [--project-dir D] [--global-dir D]',
  all: 'Usage: pi-sec dashboard all [--out-dir D] [--baseline F] [--update-baseline [--force]] [--lane preflight|full] [--presets-only] [--gates-file F] [--markdown F] [--project-dir D] [--global-dir D]',
};

const SUMMARY: Record<DashboardTarget, string> = {
  compat: 'Write the security compatibility dashboard (24 checks, regressions against the baseline)',
  gates: 'Write the CI gate table and its verdict',
  summary: 'Write the scanner summary',
  all: 'Write the scanner summary, waiver audit, compatibility dashboard and gate table',
};

function str(args: ParsedCommandLine, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

function flag(args: ParsedCommandLine, name: string): boolean {
  return args.values[name] === true;
}

/** Reads `--gates-file F`: a JSON array of declared gates (dashboards.md §4.2). */
export function readGatesFile(path: string): DeclaredGate[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read --gates-file ${path}: ${errorMessage(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`--gates-file ${path} is not valid JSON: ${errorMessage(error)}`);
  }
  const parsed = z.array(declaredGateSchema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`--gates-file ${path}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}

function checkDir(path: string, option: string): void {
  let ok = false;
  try {
    ok = statSync(path).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new InputError(`${option} ${path} is not a directory`);
}

export function runDashboard(target: DashboardTarget, args: ParsedCommandLine, io: CliIO): number {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"\n${USAGE[target]}`);
  const lane = str(args, 'lane') ?? 'full';
  if (lane !== 'full' && lane !== 'preflight') throw new UsageError(`--lane must be preflight or full, got "${lane}"`);
  const compatLike = target === 'compat' || target === 'all';
  if (!compatLike) {
    for (const o of ['baseline', 'update-baseline', 'force', 'presets-only']) {
      if (args.values[o] !== undefined) throw new UsageError(`--${o} applies to "dashboard compat" and "dashboard all" only`);
    }
  }
  if (target !== 'gates' && target !== 'all' && args.values['gates-file'] !== undefined) {
    throw new UsageError('--gates-file applies to "dashboard gates" and "dashboard all" only');
  }
  if (flag(args, 'force') && !flag(args, 'update-baseline')) throw new UsageError('--force needs --update-baseline');

  const workspace = resolve(io.cwd, str(args, 'project-dir') ?? '.');
  if (str(args, 'project-dir') !== undefined) checkDir(workspace, '--project-dir');
  const globalDir = str(args, 'global-dir');
  if (globalDir !== undefined) checkDir(resolve(io.cwd, globalDir), '--global-dir');
  const gatesFile = str(args, 'gates-file');
  const extraGates = gatesFile !== undefined ? readGatesFile(resolve(io.cwd, gatesFile)) : undefined;
  const outDir = str(args, 'out-dir');
  const baseline = str(args, 'baseline');
  const markdown = str(args, 'markdown');

  const ports = createDashboardPorts({
    workspace,
    globalDir: globalDir === undefined ? null : resolve(io.cwd, globalDir),
    homeDir: homedir(),
    env: io.env,
    clock: io.clock,
    toolVersion: TOOL_VERSION,
  });
  let result: GenerateResult;
  try {
    result = generateDashboards(
      {
        target,
        workspace,
        outDir: outDir === undefined ? null : resolve(io.cwd, outDir),
        paths: { ...DEFAULT_DASHBOARD_PATHS },
        lane,
        presetsOnly: flag(args, 'presets-only'),
        baselinePath: baseline === undefined ? null : resolve(io.cwd, baseline),
        updateBaseline: flag(args, 'update-baseline'),
        force: flag(args, 'force'),
        env: io.env,
        clock: io.clock,
        extraGates,
        markdownPath: markdown === undefined ? null : resolve(io.cwd, markdown),
      },
      ports,
    );
  } catch (error) {
    if (error instanceof DashboardInputError || error instanceof WaiverFileUnreadableError) throw new InputError(error.message);
    throw error;
  }
  for (const n of result.notices) io.stderr(`${n}\n`);
  io.stdout(humanReport(result, (p) => displayPath(io.cwd, p)));
  return result.exitCode === 1 ? EXIT.checkFailed : EXIT.ok;
}

export function humanReport(r: GenerateResult, show: (abs: string) => string): string {
  const lines: string[] = [];
  for (const w of r.written) lines.push(`wrote ${show(w.path)}`);
  if (r.scanSummary) {
    const t = r.scanSummary.totals;
    lines.push(`scanner summary: ${t.extensions} extension(s), ${t.recommendations.block} block, ${t.recommendations.review} review, ${t.recommendations.allow} allow`);
  }
  if (r.waiverAudit) {
    const a = r.waiverAudit;
    lines.push(`waivers: ${a.total_waivers} total, ${a.active} active, ${a.expiring_soon} expiring soon, ${a.expired} expired, ${a.invalid} invalid`);
  }
  if (r.compat) {
    const c = r.compat;
    lines.push(`compatibility (${c.mode}): ${c.total_passed}/${c.total_checks} checks pass (${c.overall_pass_rate_pct.toFixed(1)}%); ${c.per_profile.map((p) => `${p.profile} ${p.pass_rate_pct.toFixed(1)}%`).join(', ')}`);
    for (const f of c.checks.filter((x) => !x.passed)) lines.push(`  FAIL ${f.name}: ${f.detail ?? ''}`);
    lines.push(`regression_detected: ${c.regression_detected}${c.regressions.length ? ` (${c.regressions.join(', ')})` : ''}`);
    if (c.improvements.length) lines.push(`improvements: ${c.improvements.join(', ')}`);
    if (c.new_checks.length) lines.push(`new checks: ${c.new_checks.join(', ')}`);
  }
  if (r.baselineUpdate) lines.push(r.baselineUpdate.written ? `baseline updated${r.baselineUpdate.forced ? ' (forced)' : ''}` : 'baseline NOT updated');
  if (r.gates) {
    const g = r.gates;
    lines.push(`gates (lane ${g.lane}):`);
    const width = Math.max(...g.gates.map((x) => x.id.length));
    for (const row of g.gates) {
      lines.push(`  ${row.status.padEnd(4)}  ${row.id.padEnd(width)}  ${row.detail ?? ''}${row.waived ? ` [waived until ${row.waived.expires ?? '?'}]` : ''}`);
      if (row.status !== 'pass' && !row.waived) lines.push(`        reproduce: ${row.reproduce_command}`);
    }
    lines.push(`verdict: ${g.verdict}${g.can_promote ? '' : ' (cannot promote)'}`);
    for (const c of g.conditions) lines.push(`  ${c}`);
  }
  return lines.join('\n') + '\n';
}

function command(target: DashboardTarget): CliCommand {
  return {
    name: `dashboard ${target}`,
    summary: SUMMARY[target],
    usage: USAGE[target],
    options: OPTIONS,
    run: (args, io) => runDashboard(target, args, io),
  };
}

export const dashboardCommands: readonly CliCommand[] = (['compat', 'gates', 'summary', 'all'] as const).map(command);
