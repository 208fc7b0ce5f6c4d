/** `pi-sec exec classify "<cmd>"` (policy.md §8.5): the exec mediation decision under each profile. */
import { prettyJson } from '../../../../shared/common/json';
import { classifyCommandAllProfiles, formatClassifyHuman } from '../../../../shared/policy/classifyCommand';
import { formatOption, POLICY_OPTIONS, POLICY_USAGE, reportFailClosed, resolveCliPolicy, rewritePolicyArgs } from '../policyOptions';
import { EXIT, UsageError, type CliCommand } from '../types';

const PROFILES = ['safe', 'standard', 'permissive'] as const;

export const execClassifyCommand: CliCommand = {
  name: 'exec classify',
  summary: 'Classify a command with exec mediation under each profile',
  usage: `Usage: pi-sec exec classify "<cmd>" | --args CMD ARG… [--profile safe|standard|permissive] ${POLICY_USAGE} [--format human|json]`,
  options: { ...POLICY_OPTIONS, args: { type: 'boolean' }, profile: { type: 'string' }, format: { type: 'string' } },
  rewriteArgs(raw) {
    // `--args a b …` takes every following word literally (argv mode).
    const i = raw.indexOf('--args');
    const head = i < 0 ? raw : raw.slice(0, i + 1);
    const tail = i < 0 ? [] : raw.slice(i + 1);
    return [...rewritePolicyArgs(head), ...(i < 0 ? [] : ['--', ...tail.filter((a, k) => !(k === 0 && a === '--'))])];
  },
  run(args, io) {
    const format = formatOption(args);
    const only = args.values.profile as string | undefined;
    if (only !== undefined && !(PROFILES as readonly string[]).includes(only)) throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, got "${only}"`);
    const argvMode = args.values.args === true;
    if (args.positionals.length === 0) throw new UsageError('exec classify needs a command (or --args CMD ARG…)');
    const input = argvMode ? { mode: 'argv' as const, argv: args.positionals } : { mode: 'shell' as const, command: args.positionals.join(' ') };
    const resolution = resolveCliPolicy(args, io);
    reportFailClosed(resolution, io);
    const result = classifyCommandAllProfiles(input, (profile) => resolveCliPolicy({ ...args, values: { ...args.values, 'extension-policy': profile } }, io).policy, resolution.policy);
    if (only) result.profiles = result.profiles.filter((p) => p.profile === only);
    io.stdout(format === 'json' ? prettyJson(result) : formatClassifyHuman(result));
    return EXIT.ok;
  },
};
