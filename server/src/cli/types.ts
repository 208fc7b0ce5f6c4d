/** The CLI's extension point: one module per command under `commands/`, listed in `commands/index.ts`. */
import type { Clock } from '../../../shared/common/clock';
import type { EnvMap } from '../../../shared/common/env';

export type OptionSpec = { type: 'string'; multiple?: boolean; short?: string } | { type: 'boolean'; short?: string };

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: EnvMap;
  clock: Clock;
}

export interface ParsedCommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  /** Words after `pi-sec`, e.g. `scan` or `policy explain`. */
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Optional rewrite of the raw arguments before parsing (e.g. `--allow-dangerous=false`, `--args a b …`). */
  rewriteArgs?(args: string[]): string[];
  /** Returns the exit code (README "Exit codes"). Throw `UsageError` for exit 2, `InputError` for exit 3. */
  run(args: ParsedCommandLine, io: CliIO): Promise<number> | number;
}

export class UsageError extends Error {}
export class InputError extends Error {}

export const EXIT = { ok: 0, checkFailed: 1, usage: 2, input: 3, internal: 4 } as const;
