/** POL-* hits (scanner.md §5.4) from the analysis facts, through the injected PolicyOracle. */
import type { PolicyOracle, StaticCommand } from '../policyOracle';
import type { Hit } from '../types';
import type { AnalysisFacts } from './analyzer';

const TIER_ORDER = ['low', 'medium', 'high', 'critical'];
const PREVIEW_MAX = 120;

function hit(ruleId: string, tier: Hit['tier'], start: number, end: number, message: string): Hit {
  return { ruleId, tier, start, end, message, evasion: [], related: [] };
}

/** The command preview of §8.4: unknown pieces become `…`; redacted, then truncated to 120 characters. */
export function commandPreview(command: StaticCommand, oracle: PolicyOracle): string {
  return truncatePreview(oracle.redactPreview(rawPreview(command)));
}

/** The unredacted preview text: the command and its arguments, unknown pieces as `…`. */
export function rawPreview(command: StaticCommand): string {
  if (command.mode === 'shell' && command.args.length === 0) return command.command ?? '…';
  return [command.command, ...command.args].map((p) => (p === null ? '…' : p)).join(' ');
}

function truncatePreview(text: string): string {
  return text.length > PREVIEW_MAX ? `${text.slice(0, PREVIEW_MAX - 1)}…` : text;
}

export function policyHits(facts: AnalysisFacts, oracle: PolicyOracle, extensionId: string | null): Hit[] {
  const hits: Hit[] = [];
  const { profile, profileSource } = oracle.summary;
  const ext = extensionId ?? '(no extension)';
  for (const site of facts.capabilities) {
    const d = oracle.decide(site.capability, extensionId);
    if (d.decision === 'deny') {
      hits.push(hit('POL-CAP-001', 'high', site.start, site.end, `${site.site} needs capability "${site.capability}", which is denied for ${ext} (${d.reason}, layer ${d.layer} ${d.layerName}; profile ${profile} from ${profileSource})`));
    } else if (d.decision === 'prompt') {
      hits.push(hit('POL-CAP-002', 'medium', site.start, site.end, `${site.site} needs capability "${site.capability}"; the host will prompt the user (${d.reason}, layer ${d.layer} ${d.layerName}; profile ${profile} from ${profileSource})`));
    }
  }
  for (const fact of facts.commands) {
    const verdict = oracle.classifyExec(fact.command);
    const preview = commandPreview(fact.command, oracle);
    const bash = fact.origin === 'pi.tool("bash")' ? '; the bash tool is not exec-mediated, the risk controller classifies it instead' : '';
    const unknown = fact.command.command === null || fact.command.args.some((a) => a === null);
    if (verdict.decision === 'deny' && verdict.denyPattern !== undefined) {
      hits.push(hit('POL-EXEC-001', 'critical', fact.start, fact.end, `Exec mediation would deny "${preview}": matches deny pattern "${verdict.denyPattern}"${bash}`));
      continue;
    }
    if (verdict.classes.length > 0) {
      let worst = verdict.classes[0];
      for (const c of verdict.classes) if (TIER_ORDER.indexOf(c.tier) > TIER_ORDER.indexOf(worst.tier)) worst = c;
      if (verdict.decision === 'deny') {
        hits.push(hit('POL-EXEC-001', 'critical', fact.start, fact.end, `Exec mediation would deny "${preview}": ${worst.name} (${worst.tier}) at or above threshold ${verdict.threshold} (profile ${profile})${bash}`));
      } else {
        hits.push(hit('POL-EXEC-002', 'medium', fact.start, fact.end, `"${preview}" is ${worst.name} (${worst.tier}); allowed ${verdict.audited ? 'with audit' : 'without audit'} under profile ${profile}${bash}`));
      }
      continue;
    }
    if (unknown) {
      const partial = preview.replace(/…/g, '').trim() ? `: "${preview}"` : '';
      hits.push(hit('POL-EXEC-003', 'low', fact.start, fact.end, `Command not statically known${partial}; exec mediation decides at runtime${bash}`));
    }
  }
  for (const read of facts.envReads) {
    if (read.enumeration) {
      hits.push(hit('POL-ENV-002', 'low', read.start, read.end, 'Enumerating process.env yields no keys in the host'));
      continue;
    }
    if (read.name === null) {
      hits.push(hit('POL-ENV-002', 'low', read.start, read.end, 'Env var name not statically known'));
      continue;
    }
    const c = oracle.classifyEnvName(read.name);
    if (c.secret) {
      hits.push(hit('POL-ENV-001', 'high', read.start, read.end, `"${read.name}" is classified as secret (${c.match ?? 'exact'}: ${c.pattern ?? read.name}); the extension receives "${c.placeholder}"`));
    }
  }
  return hits;
}
