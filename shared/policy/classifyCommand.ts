/** Classify one command under each profile (`pi-sec exec classify`, `piSecurity/classifyCommand`). */
import type { EffectivePolicy } from './effective';
import { compileMediation, mediate, type ExecInput } from './exec/mediate';
import type { ProfileName } from './profiles';
import { createSecretBroker, redactCommandText } from './secrets';

export interface ProfileExecDecision {
  profile: ProfileName;
  decision: 'allow' | 'allow_with_audit' | 'deny';
  class: string | null;
  tier: string | null;
  reason: string;
  threshold: string;
  deny_pattern: string | null;
}

export interface ClassifyCommandResult {
  schema: 'pi.sec.exec_classify.v1';
  mode: 'shell' | 'argv';
  /** Redacted preview of the command (policy.md §9.3). */
  command: string;
  classes: { name: string; tier: string }[];
  effective_profile: ProfileName;
  profiles: ProfileExecDecision[];
}

const PROFILES: readonly ProfileName[] = ['safe', 'standard', 'permissive'];

/**
 * `policyFor(profile)` gives the effective policy with that profile forced (configured patterns and
 * scalars still apply); `effective` is the policy actually in effect (for redaction and the classes).
 */
export function classifyCommandAllProfiles(input: ExecInput, policyFor: (p: ProfileName) => EffectivePolicy, effective: EffectivePolicy): ClassifyCommandResult {
  const broker = createSecretBroker(effective.secretBroker);
  const text = input.mode === 'shell' ? input.command : input.argv.map((a) => (/[\s'"]/.test(a) || a === '' ? JSON.stringify(a) : a)).join(' ');
  const base = mediate(input, compileMediation({ ...effective.execMediation, enabled: true, allowPatterns: [], denyPatterns: [] }));
  return {
    schema: 'pi.sec.exec_classify.v1',
    mode: input.mode,
    command: redactCommandText(text, broker),
    classes: base.classes.map((c) => ({ name: c.name, tier: c.tier })),
    effective_profile: effective.profile.effective,
    profiles: PROFILES.map((profile) => {
      const d = mediate(input, compileMediation(policyFor(profile).execMediation));
      return {
        profile,
        decision: d.decision,
        class: d.class ?? null,
        tier: d.tier ?? null,
        reason: d.reason,
        threshold: d.threshold,
        deny_pattern: d.denyPattern ?? null,
      };
    }),
  };
}

export function formatClassifyHuman(r: ClassifyCommandResult): string {
  const lines = [`Command (${r.mode}): ${r.command}`, `Classes: ${r.classes.length ? r.classes.map((c) => `${c.name} (${c.tier})`).join(', ') : 'none'}`];
  for (const p of r.profiles) {
    const mark = p.profile === r.effective_profile ? ' (effective)' : '';
    lines.push(`${p.profile.padEnd(10)} ${p.decision.padEnd(16)} ${p.reason}${mark}`);
  }
  return lines.join('\n') + '\n';
}
