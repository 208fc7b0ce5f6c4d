/** `pi-sec waivers` (waivers.md §11): validate the waiver file, print/write the audit, exit codes. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseIsoDate } from '../../../../shared/common/dates';
import { prettyJson, writeFileAtomic } from '../../../../shared/common/json';
import { DEFAULT_KNOWN_GATES } from '../../../../shared/settings/schema';
import { buildWaiverAudit, serializeWaiverAudit } from '../../../../shared/waivers/audit';
import type { Lane } from '../../../../shared/waivers/model';
import { buildWaiversSarif, renderWaiversHuman, waiversJson } from '../../../../shared/waivers/report';
import { validateWaiverFile, type WaiverFileResult } from '../../../../shared/waivers/validate';
import { TOOL_VERSION } from '../version';
import { EXIT, InputError, UsageError, type CliCommand } from '../types';

export const DEFAULT_WAIVER_FILE = 'tests/suite_classification.toml';
const FORMATS = ['human', 'json', 'sarif'] as const;
const LANES = ['preflight', 'full'] as const;
/** Larger files are refused with a clear message instead of being parsed. */
export const MAX_WAIVER_FILE_BYTES = 32 * 1024 * 1024;

function posix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

export const waiversCommand: CliCommand = {
  name: 'waivers',
  summary: 'Validate tests/suite_classification.toml waivers, write waiver_audit.json, gate verdict',
  usage:
    'Usage: pi-sec waivers [--file F] [--today YYYY-MM-DD] [--write-audit F] [--lane preflight|full] [--known-gates a,b] [--format human|json|sarif]\n' +
    'Exit codes: 0 ok (expiring soon included), 1 a waiver is invalid or expired or the file is not valid TOML, 2 usage error, 3 --file missing or unreadable.',
  options: {
    file: { type: 'string' },
    today: { type: 'string' },
    'write-audit': { type: 'string' },
    lane: { type: 'string' },
    'known-gates': { type: 'string' },
    format: { type: 'string' },
  },
  run(args, io) {
    const format = (args.values.format as string | undefined) ?? 'human';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`);
    const lane = ((args.values.lane as string | undefined) ?? 'full') as Lane;
    if (!(LANES as readonly string[]).includes(lane)) throw new UsageError(`--lane must be preflight or full, got "${lane}"`);
    const todayFlag = args.values.today as string | undefined;
    if (todayFlag !== undefined && parseIsoDate(todayFlag) === undefined) throw new UsageError(`--today must be a real date in YYYY-MM-DD form, got "${todayFlag}"`);
    const today = todayFlag ?? io.clock.today();
    const gatesFlag = args.values['known-gates'] as string | undefined;
    const knownGates = gatesFlag !== undefined ? gatesFlag.split(',').map((g) => g.trim()).filter(Boolean) : [...DEFAULT_KNOWN_GATES];
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"; use --file F`);

    const fileFlag = args.values.file as string | undefined;
    const file = resolve(io.cwd, fileFlag ?? DEFAULT_WAIVER_FILE);
    const rel = relative(io.cwd, file);
    const displayPath = rel && !rel.startsWith('..') && !isAbsolute(rel) ? posix(rel) : posix(file);

    let result: WaiverFileResult | null = null;
    let sha256: string | undefined;
    let stat;
    try {
      stat = statSync(file);
    } catch {
      stat = undefined;
    }
    if (!stat) {
      if (fileFlag !== undefined) throw new InputError(`no such file: ${fileFlag}`);
    } else {
      if (stat.isDirectory()) throw new InputError(`${displayPath} is a directory, not a waiver file`);
      if (stat.size > MAX_WAIVER_FILE_BYTES) throw new InputError(`${displayPath} is too large (${stat.size} bytes; limit ${MAX_WAIVER_FILE_BYTES})`);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new InputError(`cannot read ${displayPath}: ${error instanceof Error ? error.message : String(error)}`);
      }
      sha256 = createHash('sha256').update(bytes).digest('hex');
      let text = bytes.toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      result = validateWaiverFile(text, { today, knownGates });
    }

    const audit = buildWaiverAudit({ result, sourcePath: displayPath, today, nowMs: io.clock.nowMs(), sha256, fileName: displayPath.split('/').pop() });
    const writeAudit = args.values['write-audit'] as string | undefined;
    if (writeAudit !== undefined) writeFileAtomic(resolve(io.cwd, writeAudit), serializeWaiverAudit(audit));

    if (format === 'json') io.stdout(prettyJson(waiversJson(audit, result, lane)));
    else if (format === 'sarif') io.stdout(prettyJson(buildWaiversSarif(result, displayPath, TOOL_VERSION, pathToFileURL(io.cwd + sep).href)));
    else io.stdout(renderWaiversHuman(audit, result));

    const failing = audit.parse_error !== null || audit.expired > 0 || audit.invalid > 0;
    return failing ? EXIT.checkFailed : EXIT.ok;
  },
};
