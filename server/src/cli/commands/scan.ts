/** `pi-sec scan [paths…]` (spec README "CLI", scanner.md §1.1, §11). */
import { resolve } from 'node:path';
import { prettyJson, writeFileAtomic } from '../../../../shared/common/json';
import { discoverUnits, selectUnits } from '../../../../shared/scanner/discovery';
import { buildScanResult, renderHuman } from '../../../../shared/scanner/report/outputs';
import { buildSarif } from '../../../../shared/scanner/report/sarif';
import { scanUnits, type ScanReport } from '../../../../shared/scanner/workspaceScan';
import { TOOL_VERSION } from '../version';
import { EXIT, InputError, UsageError, type CliCommand } from '../types';

const FORMATS = ['human', 'json', 'sarif'] as const;
const FAIL_ON = ['block', 'review', 'error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'Scan extension sources for forbidden and dangerous patterns',
  usage: 'Usage: pi-sec scan [paths…] [--format human|json|sarif] [--output F] [--extension-id ID] [--fail-on block|review|error|warning|never] [--no-suppressions]',
  options: {
    format: { type: 'string' },
    output: { type: 'string' },
    'extension-id': { type: 'string' },
    'fail-on': { type: 'string' },
    'no-suppressions': { type: 'boolean' },
  },
  run(args, io) {
    const format = (args.values.format as string | undefined) ?? 'human';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const failOn = ((args.values['fail-on'] as string | undefined) ?? 'block') as FailOn;
    if (!FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}"`);

    const discovery = { base: io.cwd, forcedId: args.values['extension-id'] as string | undefined };
    const selection = selectUnits(args.positionals, discoverUnits(discovery), discovery);
    if (selection.missing.length > 0) throw new InputError(`no such file or directory: ${selection.missing.join(', ')}`);
    for (const p of selection.ignored) io.stderr(`notice: ${p}: not a directory or JS-like file; ignored\n`);
    const report = scanUnits(args.positionals.length > 0 ? selection.units : discoverUnits(discovery), {
      base: io.cwd,
      today: io.clock.today(),
      suppressions: args.values['no-suppressions'] !== true,
    });

    const meta = { toolVersion: TOOL_VERSION, nowMs: io.clock.nowMs() };
    const text =
      format === 'json' ? prettyJson(buildScanResult(report, meta)) : format === 'sarif' ? prettyJson(buildSarif(report, TOOL_VERSION, io.cwd)) : renderHuman(report);
    const output = args.values.output as string | undefined;
    if (output) writeFileAtomic(resolve(io.cwd, output), text);
    else io.stdout(text);
    for (const n of report.notifications) io.stderr(`${n.level}: ${n.file ? `${n.file}: ` : ''}${n.message}\n`);
    return failed(failOn, report) ? EXIT.checkFailed : EXIT.ok;
  },
};

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
