/** Test helpers: in-memory config files for resolvePolicy. */
import { resolvePolicy, type CliPolicyOptions, type Resolution } from '../../../shared/policy/resolve';

export const HOME = '/home/u';
export const WS = '/ws';
export const GLOBAL_JSON = '/home/u/.pi/agent/settings.json';
export const GLOBAL_TOML = '/home/u/.pi/agent/config.toml';
export const PROJECT_JSON = '/ws/.pi/settings.json';
export const PROJECT_TOML = '/ws/.pi/config.toml';

export function resolveWith(files: Record<string, string>, env: Record<string, string> = {}, cli?: CliPolicyOptions): Resolution {
  return resolvePolicy({
    env,
    projectDir: WS,
    homeDir: HOME,
    cwd: WS,
    cli,
    readFile: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : null),
  });
}

export const WORKED_GLOBAL = `{ "extensionPolicy": { "profile": "safe" },
  "extensionRisk": { "enabled": true, "enforce": false } }`;

export const WORKED_PROJECT = `{ "extensionPolicy": {
    "allowDangerous": true,
    "perExtension": { "acme-git-helper": { "allow": ["exec", "ui"], "deny": ["http"] } },
    "execMediation": { "denyPatterns": ["git push --force"], "allowPatterns": ["rm -rf ./node_modules"] },
    "secretBroker": { "disclosureAllowlist": ["TURBO_CACHE_KEY"] } },
  "extensionRisk": { "alpha": 0.005 } }`;

export const WORKED_FILES = { [GLOBAL_JSON]: WORKED_GLOBAL, [PROJECT_JSON]: WORKED_PROJECT };
