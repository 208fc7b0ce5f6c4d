/**
 * The effective policy for scanner diagnostics of a workspace folder, cached until a policy input
 * changes: the settings, the PI_* environment, or the size/mtime of any config file it reads.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { EnvMap } from '../../../shared/common/env';
import { globalConfigDir } from '../../../shared/policy';
import type { PolicyOracle } from '../../../shared/scanner/policyOracle';
import { editorPolicyInput, scanPolicyOracle } from '../../../shared/scanner/policyWiring';
import type { PiSecuritySettings } from '../../../shared/settings/schema';

const cache = new Map<string, { key: string; oracle: PolicyOracle }>();

function stamp(path: string): string {
  try {
    const st = statSync(path);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '-';
  }
}

export function policyOracleFor(folder: string, settings: PiSecuritySettings, processEnv: EnvMap): PolicyOracle {
  const input = editorPolicyInput(folder, settings, processEnv, homedir());
  const globalDir = globalConfigDir({ globalDir: input.globalDir ?? null, env: input.env, homeDir: input.homeDir });
  const configPath = input.env.PI_CONFIG_PATH?.trim();
  const files = [
    join(folder, '.pi', 'settings.json'),
    join(folder, '.pi', 'config.toml'),
    join(globalDir, 'settings.json'),
    join(globalDir, 'config.toml'),
    ...(configPath ? [isAbsolute(configPath) ? configPath : resolve(folder, configPath)] : []),
  ];
  const piEnv = Object.entries(input.env).filter(([k]) => k.startsWith('PI_')).sort(([a], [b]) => (a < b ? -1 : 1));
  const key = JSON.stringify([input.cli ?? null, input.globalDir ?? null, piEnv, files.map((f) => `${f}=${stamp(f)}`)]);
  const cached = cache.get(folder);
  if (cached && cached.key === key) return cached.oracle;
  const oracle = scanPolicyOracle(input);
  cache.set(folder, { key, oracle });
  return oracle;
}
