/** The CLI's policy options (README "Policy options"), shared by every command that evaluates policy. */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseEnvBoolean, resolvePolicy, type CliPolicyOptions, type Resolution } from '../../../shared/policy/resolve';
import { InputError, UsageError, type CliIO, type OptionSpec, type ParsedCommandLine } from './types';

export const POLICY_OPTIONS: Record<string, OptionSpec> = {
  'extension-policy': { type: 'string' },
  'allow-dangerous': { type: 'boolean' },
  /** Internal: `--allow-dangerous=V` is rewritten to this option before parsing. */
  'allow-dangerous-value': { type: 'string' },
  'project-dir': { type: 'string' },
  'global-dir': { type: 'string' },
};

export const POLICY_USAGE = '[--extension-policy P] [--allow-dangerous[=true|false]] [--project-dir D] [--global-dir D]';

/** `--allow-dangerous=V` → `--allow-dangerous-value=V` (node's parseArgs has no optional values). */
export function rewritePolicyArgs(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (a === '--') {
      out.push(...args.slice(args.indexOf(a)));
      return out;
    }
    out.push(a.startsWith('--allow-dangerous=') ? `--allow-dangerous-value=${a.slice('--allow-dangerous='.length)}` : a);
  }
  return out;
}

export function cliPolicyOptions(args: ParsedCommandLine): CliPolicyOptions {
  const cli: CliPolicyOptions = {};
  const profile = args.values['extension-policy'];
  if (typeof profile === 'string') cli.profile = profile;
  const value = args.values['allow-dangerous-value'];
  if (typeof value === 'string') {
    const b = parseEnvBoolean(value);
    if (b === null) throw new UsageError(`--allow-dangerous must be true or false, got "${value}"`);
    cli.allowDangerous = b;
  } else if (args.values['allow-dangerous'] === true) cli.allowDangerous = true;
  return cli;
}

function dirOption(args: ParsedCommandLine, name: string, io: CliIO): string | undefined {
  const v = args.values[name];
  if (typeof v !== 'string') return undefined;
  const abs = resolve(io.cwd, v);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new InputError(`--${name}: no such directory: ${v}`);
  return abs;
}

/** Resolves the effective policy for a CLI invocation. */
export function resolveCliPolicy(args: ParsedCommandLine, io: CliIO): Resolution {
  const projectDir = dirOption(args, 'project-dir', io) ?? io.cwd;
  const globalDir = dirOption(args, 'global-dir', io) ?? null;
  const home = io.env.HOME && io.env.HOME.trim() !== '' ? io.env.HOME : homedir();
  return resolvePolicy({ env: io.env, projectDir, globalDir, homeDir: home, cwd: io.cwd, cli: cliPolicyOptions(args) });
}

/** For commands that continue fail-closed: report unreadable config on stderr. */
export function reportFailClosed(resolution: Resolution, io: CliIO): void {
  if (!resolution.policy.failedClosed) return;
  for (const f of resolution.files) {
    if (f.error !== undefined) io.stderr(`pi-sec: ${f.path}: ${f.error}; the policy fails closed to the safe profile\n`);
  }
}

export function formatOption(args: ParsedCommandLine): 'human' | 'json' {
  const f = (args.values.format as string | undefined) ?? 'human';
  if (f !== 'human' && f !== 'json') throw new UsageError(`--format must be human or json, got "${f}"`);
  return f;
}
