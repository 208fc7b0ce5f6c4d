/** `pi-sec calibrate` (risk.md §5, spec README "CLI"). */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prettyJson, writeFileAtomic } from '../../../../shared/common/json';
import { CalibrationCancelledError, runCalibration } from '../../../../shared/risk/calibrate';
import { checkGoldenDir, writeGoldenDir } from '../../../../shared/risk/golden';
import { formatCalibrationHuman } from '../../../../shared/risk/summary';
import { loadRiskWorkspace, readTraceFiles, TraceFileError } from '../../../../shared/risk/workspace';
import { EXIT, InputError, UsageError, type CliCommand, type OptionSpec, type ParsedCommandLine } from '../types';
import { TOOL_VERSION } from '../version';

const OPTIONS: Record<string, OptionSpec> = {
  trace: { type: 'string', multiple: true },
  'alpha-grid': { type: 'string' },
  'window-grid': { type: 'string' },
  policy: { type: 'string' },
  'prompt-answer': { type: 'string' },
  'simulate-enforcement': { type: 'boolean' },
  'latency-runs': { type: 'string' },
  'no-latency': { type: 'boolean' },
  'ledger-memory-budget': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  'write-golden': { type: 'string' },
  'check-golden': { type: 'string' },
  'require-slo': { type: 'boolean' },
  'project-dir': { type: 'string' },
  'global-dir': { type: 'string' },
};

const USAGE = [
  'Usage: pi-sec calibrate --trace F [--trace F …] [options]',
  '  --alpha-grid a,b,…          alpha values (default 0.001,0.0025,0.005,0.01,0.02,0.05; the current alpha is always included)',
  '  --window-grid a,b,…         window sizes (default: the current windowSize only)',
  '  --policy permissive|effective   which calls reach the controller (default permissive)',
  '  --prompt-answer allow|deny  how prompts are answered (default deny, the no-UI behaviour)',
  '  --simulate-enforcement      blocked calls get outcome denied',
  '  --latency-runs N            timed replays (default 3, plus one warm-up)',
  '  --no-latency                skip the latency pass (SLO-06 not measured)',
  '  --ledger-memory-budget B    bytes (default 8 MiB)',
  '  --out F                     write the JSON report',
  '  --format human|json         stdout format (default human)',
  '  --write-golden DIR | --check-golden DIR   golden fixtures (§5.7)',
  '  --require-slo               exit 1 when the recommendation does not meet every SLO',
  '  --project-dir D, --global-dir D   where extensionRisk.* is read from (default: the current folder)',
].join('\n');

function str(args: ParsedCommandLine, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

function numberList(text: string | undefined, name: string, integer: boolean): number[] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw new UsageError(`--${name} needs at least one value`);
  return parts.map((p) => {
    const n = Number(p);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UsageError(`--${name}: "${p}" is not a positive ${integer ? 'integer' : 'number'}`);
    return n;
  });
}

function positiveInt(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`--${name} must be a positive integer, got "${text}"`);
  return Number(text);
}

export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'Calibrate the runtime risk controller over labelled hostcall traces',
  usage: USAGE,
  options: OPTIONS,
  async run(args, io) {
    const traces = [...((args.values.trace as string[] | undefined) ?? []), ...args.positionals];
    if (traces.length === 0) throw new UsageError(`at least one --trace file is required\n${USAGE}`);
    const format = str(args, 'format') ?? 'human';
    if (format !== 'human' && format !== 'json') throw new UsageError(`--format must be human or json, got "${format}"`);
    const policyMode = str(args, 'policy') ?? 'permissive';
    if (policyMode !== 'permissive' && policyMode !== 'effective') throw new UsageError(`--policy must be permissive or effective, got "${policyMode}"`);
    const promptAnswer = str(args, 'prompt-answer') ?? 'deny';
    if (promptAnswer !== 'allow' && promptAnswer !== 'deny') throw new UsageError(`--prompt-answer must be allow or deny, got "${promptAnswer}"`);
    const noLatency = args.values['no-latency'] === true;
    const requireSlo = args.values['require-slo'] === true;
    if (noLatency && requireSlo) throw new UsageError('--no-latency cannot be combined with --require-slo (SLO-06 would not be measured)');
    const writeGolden = str(args, 'write-golden');
    const checkGolden = str(args, 'check-golden');
    if (writeGolden !== undefined && checkGolden !== undefined) throw new UsageError('--write-golden and --check-golden are mutually exclusive');
    const alphaGrid = numberList(str(args, 'alpha-grid'), 'alpha-grid', false);
    const windowGrid = numberList(str(args, 'window-grid'), 'window-grid', true);
    const latencyRuns = positiveInt(str(args, 'latency-runs'), 'latency-runs');
    const budget = positiveInt(str(args, 'ledger-memory-budget'), 'ledger-memory-budget');

    const projectDir = resolve(io.cwd, str(args, 'project-dir') ?? '.');
    const ws = loadRiskWorkspace({ projectDir, env: io.env, homeDir: homedir(), cwd: io.cwd, globalDir: str(args, 'global-dir') ?? null });
    let inputs;
    try {
      inputs = readTraceFiles(traces, io.cwd);
    } catch (err) {
      if (err instanceof TraceFileError) throw new InputError(err.message);
      throw err;
    }
    const simOpts = { policyMode: policyMode as 'permissive' | 'effective', policy: ws.resolver, promptAnswer: promptAnswer as 'allow' | 'deny', simulateEnforcement: args.values['simulate-enforcement'] === true, isSecret: ws.isSecret };
    let lastPct = -1;
    let report;
    try {
      report = await runCalibration({
        traces: inputs,
        baseConfig: ws.config,
        alphaGrid,
        windowGrid,
        policyMode: simOpts.policyMode,
        policy: ws.resolver,
        promptAnswer: simOpts.promptAnswer,
        simulateEnforcement: simOpts.simulateEnforcement,
        latencyRuns,
        noLatency,
        hrtime: () => performance.now(),
        ledgerMemoryBudget: budget,
        nowMs: io.clock.nowMs(),
        toolVersion: TOOL_VERSION,
        isSecret: ws.isSecret,
        onProgress: (p) => {
          const pct = Math.floor((100 * p.done) / Math.max(1, p.total) / 10) * 10;
          if (pct !== lastPct) {
            lastPct = pct;
            io.stderr(`calibrate: ${pct}% ${p.message}\n`);
          }
        },
      });
    } catch (err) {
      if (err instanceof CalibrationCancelledError) throw new InputError('calibration cancelled');
      throw err;
    }
    let goldenFailed = false;
    if (writeGolden !== undefined) {
      const dir = resolve(io.cwd, writeGolden);
      writeGoldenDir(dir, inputs.filter((_, i) => !report.inputs.traces[i].rejected), ws.config, simOpts, TOOL_VERSION);
      report.golden = { mode: 'write', dir: writeGolden, mismatches: [] };
      io.stderr(`calibrate: golden fixtures written to ${writeGolden}\n`);
    } else if (checkGolden !== undefined) {
      const dir = resolve(io.cwd, checkGolden);
      if (!existsSync(dir)) throw new InputError(`--check-golden ${checkGolden}: directory not found`);
      const resolveTrace = (p: string): string | null => {
        for (const base of [io.cwd, dirname(dir), dir]) {
          const f = resolve(base, p);
          if (existsSync(f)) return readFileSync(f, 'utf8');
        }
        return null;
      };
      const r = checkGoldenDir(dir, resolveTrace, simOpts);
      report.golden = { mode: 'check', dir: checkGolden, mismatches: r.mismatches };
      goldenFailed = r.mismatches.length > 0;
    }
    const out = str(args, 'out');
    if (out !== undefined) writeFileAtomic(resolve(io.cwd, out), prettyJson(report));
    io.stdout(format === 'json' ? prettyJson(report) : formatCalibrationHuman(report));
    if (goldenFailed) return EXIT.checkFailed;
    if (requireSlo && !report.recommendation.meets_slos) return EXIT.checkFailed;
    return EXIT.ok;
  },
};
