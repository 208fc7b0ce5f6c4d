/** The scanner's PolicyOracle (shared/scanner/policyOracle.ts) over an effective policy. */
import type { PolicyOracle, StaticCommand, ExecVerdict, SecretClassification, CapabilityDecision } from '../scanner/policyOracle';
import type { EffectivePolicy } from './effective';
import { evaluate } from './evaluate';
import { compileMediation, mediate, type ExecInput } from './exec/mediate';
import { createSecretBroker, redactCommandText } from './secrets';

/** Placeholder for statically unknown pieces: a word no pattern or class rule matches. */
export const UNKNOWN_PIECE = '…';

export function staticCommandToInput(cmd: StaticCommand): ExecInput {
  const piece = (s: string | null): string => (s === null ? UNKNOWN_PIECE : s);
  if (cmd.mode === 'argv') return { mode: 'argv', argv: [piece(cmd.command), ...cmd.args.map(piece)] };
  const text = [piece(cmd.command), ...cmd.args.map(piece)].join(' ');
  return { mode: 'shell', command: text };
}

export function createPolicyOracle(policy: EffectivePolicy): PolicyOracle {
  const mediation = compileMediation(policy.execMediation);
  const broker = createSecretBroker(policy.secretBroker);
  return {
    summary: { profile: policy.profile.effective, profileSource: policy.profile.source, allowDangerous: policy.allowDangerous.value },
    decide(capability: string, extensionId: string | null): CapabilityDecision {
      const ev = evaluate(policy, capability, extensionId);
      return { decision: ev.decision, reason: ev.reason, layer: ev.layer, layerName: ev.layerName };
    },
    classifyExec(command: StaticCommand): ExecVerdict {
      const d = mediate(staticCommandToInput(command), mediation);
      const verdict: ExecVerdict = {
        classes: d.classes.map((c) => ({ name: c.name, tier: c.tier })),
        decision: d.decision === 'deny' ? 'deny' : 'allow',
        audited: d.decision === 'allow_with_audit',
        threshold: d.threshold,
      };
      if (d.denyPattern !== undefined) verdict.denyPattern = d.denyPattern;
      return verdict;
    },
    classifyEnvName(name: string): SecretClassification {
      const c = broker.classify(name);
      const out: SecretClassification = { secret: c.secret, placeholder: policy.secretBroker.redactionPlaceholder };
      if (c.match !== 'none' && c.match !== 'disabled') out.match = c.match;
      if (c.pattern !== null) out.pattern = c.pattern;
      return out;
    },
    redactPreview(text: string): string {
      return redactCommandText(text, broker);
    },
  };
}
