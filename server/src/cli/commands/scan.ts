/** `pi-sec scan [paths…]` (spec README "CLI", scanner.md §1.1, §9.3, §11). */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prettyJson, writeFileAtomic } from '../../../../shared/common/json';
import { createPolicyOracle } from '../../../../shared/policy';
import { corpusUnits, discoverUnits, selectUnits, type DiscoveryOptions } from '../../../../shared/scanner/discovery';
import type { PolicyOracle } from '../../../../shared/scanner/policyOracle';
import { buildEvidenceJsonl, buildScanResult, buildScanSummary, renderHuman } from '../../../../shared/scanner/report/outputs';
import { buildSarif } from '../../../../shared/scanner/report/sarif';
import { buildSloReport, renderSloHuman } from '../../../../shared/scanner/report/slo';
import { scanUnits, type ScanReport } from '../../../../shared/scanner/workspaceScan';
import { POLICY_OPTIONS, POLICY_USAGE, reportFailClosed, resolveCliPolicy, rewritePolicyArgs } from '../policyOptions';
import { TOOL_VERSION } from '../version';
import { EXIT, InputError, UsageError, type CliCommand, type CliIO, type ParsedCommandLine } from '../types';

const FORMATS = ['human', 'json', 'sarif'] as const;
const FAIL_ON = ['block', 'review', 'error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'Scan extension sources for forbidden and dangerous patterns',
  usage: [
    'Usage: pi-sec scan [paths…] [--format human|json|sarif] [--output F] [--extension-id ID]',
    '                   [--fail-on block|review|error|warning|never] [--summary F] [--evidence-jsonl F] [--no-suppressions]',
    `                   ${POLICY_USAGE}`,
    '       pi-sec scan --expect --corpus adversarial=DIR --corpus benign=DIR [--format human|json] [--output F]',
    '         (POL rules join the SLO measurement only with an explicit policy option)',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    output: { type: 'string' },
    'extension-id': { type: 'string' },
    'fail-on': { type: 'string' },
    'no-suppressions': { type: 'boolean' },
    summary: { type: 'string' },
    'evidence-jsonl': { type: 'string' },
    expect: { type: 'boolean' },
    corpus: { type: 'string', multiple: true },
    ...POLICY_OPTIONS,
  },
  rewriteArgs: rewritePolicyArgs,
  run(args, io) {
    const format = (args.values.format as string | undefined) ?? 'human';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const failOn = ((args.values['fail-on'] as string | undefined) ?? 'block') as FailOn;
    if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}"`);
    if (args.values.expect === true || args.values.corpus !== undefined) {
      // SLO-02/03 measure the scanner's rulebook; policy-derived POL rules depend on configuration, so
      // they join the measurement only when a policy option is given explicitly.
      const explicitPolicy = ['extension-policy', 'allow-dangerous', 'allow-dangerous-value', 'project-dir', 'global-dir'].some((k) => args.values[k] !== undefined);
      return runExpect(args, io, format, explicitPolicy ? policyFrom(args, io) : undefined);
    }
    const policy = policyFrom(args, io);

    const discovery: DiscoveryOptions = { base: io.cwd, forcedId: args.values['extension-id'] as string | undefined };
    const discovered = discoverUnits(discovery);
    const selection = selectUnits(args.positionals, discovered, discovery);
    if (selection.missing.length > 0) throw new InputError(`no such file or directory: ${selection.missing.join(', ')}`);
    for (const p of selection.ignored) io.stderr(`notice: ${p}: not a directory or JS-like file; ignored\n`);
    const report = scanUnits(args.positionals.length > 0 ? selection.units : discovered, {
      base: io.cwd,
      today: io.clock.today(),
      policy,
      suppressions: args.values['no-suppressions'] !== true,
    });

    const meta = { toolVersion: TOOL_VERSION, nowMs: io.clock.nowMs() };
    const text =
      format === 'json'
        ? prettyJson(buildScanResult(report, meta))
        : format === 'sarif'
          ? prettyJson(buildSarif(report, TOOL_VERSION, pathToFileURL(io.cwd.endsWith('/') ? io.cwd : `${io.cwd}/`).href))
          : renderHuman(report);
    const output = args.values.output as string | undefined;
    if (output) writeFileAtomic(resolve(io.cwd, output), text);
    else io.stdout(text);
    const summary = args.values.summary as string | undefined;
    if (summary) writeFileAtomic(resolve(io.cwd, summary), prettyJson(buildScanSummary(report, meta)));
    const evidence = args.values['evidence-jsonl'] as string | undefined;
    if (evidence) {
      const lines = buildEvidenceJsonl(report);
      if (lines.length > 0) writeFileAtomic(resolve(io.cwd, evidence), lines);
      else io.stderr(`notice: no findings; ${evidence} not written\n`);
    }
    for (const n of report.notifications) io.stderr(`${n.level}: ${n.file ? `${n.file}: ` : ''}${n.message}\n`);
    return failed(failOn, report) ? EXIT.checkFailed : EXIT.ok;
  },
};

/** Policy options (README "Policy options"); the effective policy drives the POL-* rules. */
function policyFrom(args: ParsedCommandLine, io: CliIO): PolicyOracle {
  const resolution = resolveCliPolicy(args, io);
  reportFailClosed(resolution, io);
  return createPolicyOracle(resolution.policy);
}

/** `--expect`: SLO-02 / SLO-03 measurement over labelled corpora (scanner.md §9.3). */
function runExpect(args: ParsedCommandLine, io: CliIO, format: string, policy: PolicyOracle | undefined): number {
  if (args.values.expect !== true) throw new UsageError('--corpus needs --expect');
  if (format === 'sarif') throw new UsageError('--expect supports --format human or json');
  if (args.positionals.length > 0) throw new UsageError('--expect takes no positional paths; use --corpus adversarial=DIR / benign=DIR');
  const corpora = (args.values.corpus as string[] | undefined) ?? [];
  if (corpora.length === 0) throw new UsageError('--expect needs at least one --corpus adversarial=DIR or --corpus benign=DIR');
  const dirs: { adversarial?: string; benign?: string } = {};
  for (const spec of corpora) {
    const m = /^(adversarial|benign)=(.+)$/.exec(spec);
    if (!m) throw new UsageError(`--corpus must be adversarial=DIR or benign=DIR, got "${spec}"`);
    const kind = m[1] as 'adversarial' | 'benign';
    if (dirs[kind] !== undefined) throw new UsageError(`--corpus ${kind}= given twice`);
    const dir = resolve(io.cwd, m[2]);
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    } catch {
      throw new InputError(`corpus ${kind}: no such directory: ${m[2]}`);
    }
    dirs[kind] = dir;
  }
  const scanCorpus = (dir: string | undefined): ScanReport | null =>
    dir === undefined
      ? null
      : scanUnits(corpusUnits(dir, { base: io.cwd }), { base: io.cwd, today: io.clock.today(), policy, suppressions: args.values['no-suppressions'] !== true });
  const slo = buildSloReport(scanCorpus(dirs.adversarial), scanCorpus(dirs.benign), io.clock.nowMs());
  const text = format === 'json' ? prettyJson(slo) : renderSloHuman(slo);
  const output = args.values.output as string | undefined;
  if (output) writeFileAtomic(resolve(io.cwd, output), prettyJson(slo));
  if (!output || format === 'human') io.stdout(text);
  return slo.pass ? EXIT.ok : EXIT.checkFailed;
}

function failed(failOn: FailOn, report: ScanReport): boolean {
  const active = report.findings.filter((f) => f.suppression === null);
  switch (failOn) {
    case 'block':
      return report.units.some((u) => u.verdict.recommendation === 'block');
    case 'review':
      return report.units.some((u) => u.verdict.recommendation !== 'allow');
    case 'error':
      return active.some((f) => f.tier === 'critical');
    case 'warning':
      return active.some((f) => f.tier === 'critical' || f.tier === 'high');
    case 'never':
      return false;
  }
}
