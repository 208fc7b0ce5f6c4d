/** The editor's policy inputs: the `piSecurity.policy.*` what-if settings act as the CLI layer (README "Settings"). */
import type { EnvMap } from '../common/env';
import type { PiSecuritySettings } from '../settings/schema';
import type { CliPolicyOptions } from './resolve';

export function editorCliOptions(settings: PiSecuritySettings): CliPolicyOptions {
  const cli: CliPolicyOptions = {};
  const profile = settings['policy.profileOverride'];
  if (profile.trim() !== '') {
    cli.profile = profile;
    cli.profileDetail = 'piSecurity.policy.profileOverride';
  }
  const dangerous = settings['policy.allowDangerousOverride'];
  if (dangerous !== 'unset') {
    cli.allowDangerous = dangerous === 'true';
    cli.allowDangerousDetail = 'piSecurity.policy.allowDangerousOverride';
  }
  return cli;
}

export function editorGlobalDir(settings: PiSecuritySettings): string | null {
  const dir = settings['policy.globalConfigDir'].trim();
  return dir === '' ? null : dir;
}

/** The environment for PI_EXTENSION_* reads (`policy.useProcessEnv`). */
export function editorEnv(settings: PiSecuritySettings, env: EnvMap): EnvMap {
  return settings['policy.useProcessEnv'] ? env : {};
}
