#!/usr/bin/env node
/** `pi-sec`: the CLI over the same core as the language server (spec README "CLI"). */
import { parseArgs } from 'node:util';
import { fixedClock, systemClock, type Clock } from '../../../shared/common/clock';
import { parseIsoDate } from '../../../shared/common/dates';
import type { EnvMap } from '../../../shared/common/env';
import { COMMANDS } from './commands';
import { EXIT, InputError, UsageError, type CliCommand, type CliIO } from './types';

import { TOOL_VERSION as VERSION } from './version';

/** Clock from `PI_SEC_TODAY` / `PI_SEC_NOW_MS` (a malformed value is a usage error), else the real one. */
export function clockFromEnv(env: EnvMap, real: Clock = systemClock()): Clock {
  const nowText = env.PI_SEC_NOW_MS;
  const todayText = env.PI_SEC_TODAY;
  let nowMs: number | undefined;
  if (nowText !== undefined && nowText !== '') {
    if (!/^\d+$/.test(nowText.trim())) throw new UsageError(`PI_SEC_NOW_MS must be milliseconds since the epoch, got "${nowText}"`);
    nowMs = Number(nowText.trim());
  }
  if (todayText !== undefined && todayText !== '' && parseIsoDate(todayText.trim()) === undefined) {
    throw new UsageError(`PI_SEC_TODAY must be a real date in YYYY-MM-DD form, got "${todayText}"`);
  }
  const today = todayText?.trim() || undefined;
  if (nowMs === undefined && today === undefined) return real;
  const base = nowMs ?? real.nowMs();
  return today ? fixedClock(base, today) : fixedClock(base);
}

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `pi-sec ${VERSION} — Pi Security for the pi extension host`,
    '',
    'Usage: pi-sec <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 check failed, 2 usage error, 3 input missing or unreadable, 4 internal error.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: Omit<CliIO, 'clock'>): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      io.stdout(helpText());
      return argv.length === 0 ? EXIT.usage : EXIT.ok;
    }
    if (argv[0] === '--version') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const found = findCommand(argv);
    if (!found) throw new UsageError(`unknown command "${argv.slice(0, 2).join(' ')}"; run pi-sec --help`);
    const { command, rest } = found;
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.usage}\n`);
      return EXIT.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: command.rewriteArgs ? command.rewriteArgs(rest) : rest, options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const clock = clockFromEnv(io.env);
    return await command.run({ values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals }, { ...io, clock });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`pi-sec: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr(`pi-sec: ${error.message}\n`);
      return EXIT.input;
    }
    io.stderr(`pi-sec: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\nPlease report this as a bug.\n`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
