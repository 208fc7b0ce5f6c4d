/**
 * The effective policy (policy.md) as the scanner's PolicyOracle, for the CLI (`--extension-policy`,
 * `--allow-dangerous`, `--project-dir`, `--global-dir`) and the editor (the `piSecurity.policy.*`
 * what-if settings act as the CLI layer). Unreadable config files fail closed inside `resolvePolicy`.
 */
import type { EnvMap } from '../common/env';
import { createPolicyOracle, resolvePolicy, type CliPolicyOptions } from '../policy';
import type { PiSecuritySettings } from '../settings/schema';
import type { PolicyOracle } from './policyOracle';

export interface ScanPolicyInput {
  /** Project folder (workspace folder or `--project-dir`, default the CLI's cwd). */
  projectDir: string;
  env: EnvMap;
  homeDir: string;
  globalDir?: string | null;
  cli?: CliPolicyOptions;
  readFile?: (absPath: string) => string | null;
}

export function scanPolicyOracle(input: ScanPolicyInput): PolicyOracle {
  const resolution = resolvePolicy({
    env: input.env,
    projectDir: input.projectDir,
    globalDir: input.globalDir ?? null,
    homeDir: input.homeDir,
    cwd: input.projectDir,
    cli: input.cli,
    readFile: input.readFile,
  });
  return createPolicyOracle(resolution.policy);
}

/** The editor's what-if overrides as the CLI config layer (README "Settings"). */
export function editorPolicyInput(folder: string, settings: PiSecuritySettings, processEnv: EnvMap, homeDir: string): ScanPolicyInput {
  const cli: CliPolicyOptions = {};
  const profile = settings['policy.profileOverride'].trim();
  if (profile) {
    cli.profile = profile;
    cli.profileDetail = 'piSecurity.policy.profileOverride';
  }
  const dangerous = settings['policy.allowDangerousOverride'];
  if (dangerous !== 'unset') {
    cli.allowDangerous = dangerous === 'true';
    cli.allowDangerousDetail = 'piSecurity.policy.allowDangerousOverride';
  }
  return {
    projectDir: folder,
    env: settings['policy.useProcessEnv'] ? processEnv : {},
    homeDir,
    globalDir: settings['policy.globalConfigDir'].trim() || null,
    cli: Object.keys(cli).length > 0 ? cli : undefined,
  };
}
