/** `pi-sec secrets classify NAME…` and `pi-sec secrets coverage` (policy.md §9). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { prettyJson } from '../../../../shared/common/json';
import { CANONICAL_SECRET_NAMES, createSecretBroker, formatCoverageHuman, parseNameList, secretsCoverage } from '../../../../shared/policy/secrets';
import { formatOption, POLICY_OPTIONS, POLICY_USAGE, reportFailClosed, resolveCliPolicy, rewritePolicyArgs } from '../policyOptions';
import { EXIT, InputError, UsageError, type CliCommand } from '../types';

export const secretsClassifyCommand: CliCommand = {
  name: 'secrets classify',
  summary: 'Classify env var names with the secret broker',
  usage: `Usage: pi-sec secrets classify NAME… ${POLICY_USAGE} [--format human|json]`,
  options: { ...POLICY_OPTIONS, format: { type: 'string' } },
  rewriteArgs: rewritePolicyArgs,
  run(args, io) {
    const format = formatOption(args);
    if (args.positionals.length === 0) throw new UsageError('secrets classify needs at least one NAME');
    const resolution = resolveCliPolicy(args, io);
    reportFailClosed(resolution, io);
    const broker = createSecretBroker(resolution.policy.secretBroker);
    const results = args.positionals.map((n) => broker.classify(n));
    if (format === 'json') {
      io.stdout(prettyJson({ schema: 'pi.sec.secrets_classify.v1', placeholder: resolution.policy.secretBroker.redactionPlaceholder, results }));
    } else {
      const lines = results.map((r) => `${r.name}: ${r.secret ? 'secret' : 'not secret'} (${r.match}${r.pattern !== null ? `: ${r.pattern}` : ''})${r.secret ? ` → ${resolution.policy.secretBroker.redactionPlaceholder}` : ''}`);
      io.stdout(lines.join('\n') + '\n');
    }
    return EXIT.ok;
  },
};

export const secretsCoverageCommand: CliCommand = {
  name: 'secrets coverage',
  summary: 'SLO-07: secret broker coverage of the canonical secret-name list',
  usage: `Usage: pi-sec secrets coverage [--list F] ${POLICY_USAGE} [--format human|json]`,
  options: { ...POLICY_OPTIONS, list: { type: 'string' }, format: { type: 'string' } },
  rewriteArgs: rewritePolicyArgs,
  run(args, io) {
    const format = formatOption(args);
    let names = CANONICAL_SECRET_NAMES;
    const list = args.values.list as string | undefined;
    if (list !== undefined) {
      try {
        names = parseNameList(readFileSync(resolve(io.cwd, list), 'utf8'));
      } catch (error) {
        throw new InputError(`cannot read --list ${list}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const resolution = resolveCliPolicy(args, io);
    reportFailClosed(resolution, io);
    const report = secretsCoverage(createSecretBroker(resolution.policy.secretBroker), names);
    io.stdout(format === 'json' ? prettyJson(report) : formatCoverageHuman(report));
    return report.pass ? EXIT.ok : EXIT.checkFailed;
  },
};
