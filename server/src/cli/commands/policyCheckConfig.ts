/** `pi-sec policy check-config` (policy.md §7): CFG-* diagnostics of every config file. */
import { prettyJson } from '../../../../shared/common/json';
import { LineIndex } from '../../../../shared/common/lineIndex';
import { formatOption, POLICY_OPTIONS, POLICY_USAGE, resolveCliPolicy, rewritePolicyArgs } from '../policyOptions';
import { EXIT, type CliCommand } from '../types';

export const policyCheckConfigCommand: CliCommand = {
  name: 'policy check-config',
  summary: 'Validate the policy config files (CFG-* diagnostics)',
  usage: `Usage: pi-sec policy check-config ${POLICY_USAGE} [--format human|json]`,
  options: { ...POLICY_OPTIONS, format: { type: 'string' } },
  rewriteArgs: rewritePolicyArgs,
  run(args, io) {
    const format = formatOption(args);
    const resolution = resolveCliPolicy(args, io);
    const counts = { error: 0, warning: 0, information: 0 };
    const files = resolution.files.map((f) => {
      const index = f.loaded ? new LineIndex(f.loaded.text) : null;
      const diagnostics = f.diagnostics.map((d) => {
        const start = index ? index.positionAt(d.span.start) : { line: 0, character: 0 };
        const end = index ? index.positionAt(d.span.end) : start;
        counts[d.severity]++;
        return { code: d.code, severity: d.severity, message: d.message, line: start.line + 1, column: start.character + 1, end_line: end.line + 1, end_column: end.character + 1, quick_fix: d.fix?.title ?? null };
      });
      if (f.error !== undefined && !f.loaded) {
        counts.error++;
        diagnostics.push({ code: 'CFG-001', severity: 'error', message: `Cannot read the file: ${f.error}; the policy fails closed to the safe profile`, line: 1, column: 1, end_line: 1, end_column: 1, quick_fix: null });
      }
      return { layer: f.layer, path: f.path, format: f.format, exists: f.exists, diagnostics };
    });
    const pass = counts.error === 0;
    if (format === 'json') {
      io.stdout(prettyJson({ schema: 'pi.policy.check_config.v1', pass, errors: counts.error, warnings: counts.warning, information: counts.information, files }));
    } else {
      const lines: string[] = [];
      for (const f of files) {
        if (!f.exists) continue;
        for (const d of f.diagnostics) lines.push(`${f.path}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
      }
      const checked = files.filter((f) => f.exists).map((f) => f.path);
      lines.push(`${checked.length} config file(s) checked${checked.length ? ` (${checked.join(', ')})` : ''}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.information} information`);
      io.stdout(lines.join('\n') + '\n');
    }
    return pass ? EXIT.ok : EXIT.checkFailed;
  },
};
