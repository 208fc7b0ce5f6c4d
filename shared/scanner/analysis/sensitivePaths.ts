/**
 * File paths that matter to the fs rules: where writes are dangerous (SEC-FSSENS-001) and where other
 * tools keep credentials (SEC-CREDREAD-001). Paths are compared with `\` read as `/`.
 */

// The spec's list, compared as written.

const SENSITIVE_PATH_MARKERS = ['/etc/', '/root/', '/usr/', '/var/', '~/.ssh', '/.ssh/', '~/.bashrc', '~/.profile', '~/.zshrc', 'id_rsa', 'authorized_keys'];
/**
 * Beyond the spec's list: where malware persists or hijacks tools (login shells, npm's registry and
 * token file, login items of macOS, Linux desktop autostart, the Windows Startup folder, system32),
 * other editor extensions' installed code, and the host's own policy files (an extension that writes
 * `.pi/settings.json` can grant itself every capability). Compared case-insensitively; these also
 * match when part of the path is unknown (`path.join(root, ".pi", "settings.json")`).
 */
const PERSISTENCE_PATH_MARKERS = [
  '~/.bash_profile', '~/.npmrc', '/library/launchagents/', '/library/launchdaemons/', '/.config/autostart/', '/start menu/programs/startup/', '/windows/system32/',
  '/.vscode/extensions/', '/.vscode-insiders/extensions/', '/.vscode-server/extensions/', '/.cursor/extensions/',
  '/.pi/settings.json', '/.pi/config.toml', '/.pi/agent/settings.json', '/.pi/agent/config.toml',
];

/** SEC-FSSENS-001: a folded write destination that is security-sensitive. */
export function isSensitivePath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  if (SENSITIVE_PATH_MARKERS.some((m) => p.includes(m))) return true;
  if (isPersistencePath(path)) return true;
  const base = p.split('/').pop() ?? '';
  if (base === '.env') return true;
  if (base.startsWith('.env.')) return !['.env.example', '.env.sample', '.env.template'].includes(base);
  return false;
}

/** The persistence and hijack locations alone, for paths folded with unknown parts as `*`. */
export function isPersistencePath(path: string): boolean {
  const p = normalize(path);
  return PERSISTENCE_PATH_MARKERS.some((m) => p.includes(m));
}

/** Lower case, `/` separators, one leading `/` (so a relative `.ssh/id_rsa` matches `/.ssh/id_`). */
function normalize(path: string): string {
  return ('/' + path.replace(/\\/g, '/')).toLowerCase().replace(/\/{2,}/g, '/');
}

/**
 * Where credential stealers read (compared case-insensitively, with a `/` in front so a relative
 * `.ssh/id_rsa` matches too): private keys, cloud, registry and git tokens, the browsers' password,
 * cookie and local-storage databases and the key that decrypts them, wallet extensions and
 * desktop wallets, Telegram sessions, the macOS keychains, shadow passwords, and the login tokens of
 * coding agents (the pi agent's `auth.json`, Claude, Codex, Gemini, Copilot). Chosen so that tools
 * reading their own configuration (`~/.ssh/config`, `known_hosts`, a project's `.npmrc`, kubeconfig,
 * Docker, Azure and gcloud settings, which their editor extensions read) stay clean.
 */
const CREDENTIAL_MARKERS = [
  '/.ssh/id_',
  '~/.npmrc', '~/.yarnrc.yml', '/.git-credentials', '/.netrc', '/_netrc', '/.pypirc', '/.vault-token',
  '/.aws/credentials', '/.config/gh/hosts.yml', '/.gnupg/',
  '/local storage/leveldb', '/login data', '/web data', '/local state', '/network/cookies', '/default/cookies', '/cookies.sqlite', '/key4.db', '/logins.json',
  '/local extension settings/', '/indexeddb/chrome-extension_',
  '/exodus/exodus.wallet', '/electrum/wallets', '/.electrum/wallets', '/atomic/local storage', '/wallet.dat', '/.bitcoin/', '/ethereum/keystore', '/.config/solana/id.json',
  '/telegram desktop/tdata', '/library/keychains/', '/etc/shadow',
  '/.pi/agent/auth.json', '/.claude/.credentials.json', '/.codex/auth.json', '/.gemini/oauth_creds.json', '/.config/github-copilot/hosts.json', '/.config/github-copilot/apps.json',
  // VS Code-family editors' shared state database (Cursor keeps its access token there in clear);
  // an extension's own storage is the folder `globalStorage/<extension id>/`, not this file.
  '/user/globalstorage/state.vscdb',
];

/** Directory listings of these are credential hunting too (`readdirSync(path.join(home, ".ssh"))`). */
const CREDENTIAL_DIRECTORIES = ['/.ssh', '/.gnupg', '/local storage/leveldb', '/local extension settings', '/telegram desktop/tdata', '/library/keychains', '/electrum/wallets', '/.electrum/wallets'];

/** SEC-CREDREAD-001: a folded read source (`*` for parts that did not fold) inside a credential store. */
export function isCredentialStore(path: string, listing: boolean): boolean {
  const p = normalize(path);
  // Public halves of key pairs (`id_ed25519.pub`) are meant to be shared.
  if (p.endsWith('.pub')) return false;
  if (CREDENTIAL_MARKERS.some((m) => p.includes(m))) return true;
  if (!listing) return false;
  const dir = p.replace(/\/+$/, '');
  return CREDENTIAL_DIRECTORIES.some((d) => dir.endsWith(d));
}
