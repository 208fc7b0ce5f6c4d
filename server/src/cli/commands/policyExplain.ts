/** `pi-sec policy explain` (policy.md §10): the effective policy for an extension. */
import { prettyJson } from '../../../../shared/common/json';
import { explainPolicy, formatExplainHuman } from '../../../../shared/policy/explain';
import { formatOption, POLICY_OPTIONS, POLICY_USAGE, resolveCliPolicy, rewritePolicyArgs } from '../policyOptions';
import { EXIT, type CliCommand } from '../types';

export const policyExplainCommand: CliCommand = {
  name: 'policy explain',
  summary: 'Explain the effective policy (per extension: decision, reason, deciding layer)',
  usage: `Usage: pi-sec policy explain [--extension-id ID] ${POLICY_USAGE} [--format human|json]`,
  options: { ...POLICY_OPTIONS, 'extension-id': { type: 'string' }, format: { type: 'string' } },
  rewriteArgs: rewritePolicyArgs,
  run(args, io) {
    const format = formatOption(args);
    const resolution = resolveCliPolicy(args, io);
    const id = (args.values['extension-id'] as string | undefined) ?? null;
    const doc = explainPolicy(resolution.policy, id);
    io.stdout(format === 'json' ? prettyJson(doc) : formatExplainHuman(doc));
    if (resolution.policy.failedClosed) {
      for (const f of resolution.files) if (f.error !== undefined) io.stderr(`pi-sec: invalid config ${f.path}: ${f.error}; the policy fails closed to the safe profile\n`);
      return EXIT.input;
    }
    return EXIT.ok;
  },
};
