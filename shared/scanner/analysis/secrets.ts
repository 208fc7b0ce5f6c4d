/** SEC-SECRET-001 detection (scanner.md §5.2): secret-named bindings and known token shapes. */
const NAME_WORDS = ['apikey', 'secretkey', 'password', 'passwd', 'accesstoken', 'privatekey', 'authtoken'];

export type SecretKind =
  | 'name' | 'anthropic' | 'github' | 'gitlab' | 'slack' | 'openai' | 'aws access key' | 'private key'
  | 'discord webhook' | 'slack webhook' | 'telegram bot' | 'npm' | 'stripe' | 'google api key' | 'hugging face' | 'sendgrid';

const TOKEN_BODY = /^[A-Za-z0-9_-]{8,}/;
const PREFIXES: Array<[string, SecretKind]> = [
  ['sk-ant-', 'anthropic'],
  ['github_pat_', 'github'],
  ['ghp_', 'github'],
  ['gho_', 'github'],
  ['ghu_', 'github'],
  ['ghs_', 'github'],
  ['glpat-', 'gitlab'],
  ['xoxb-', 'slack'],
  ['xoxp-', 'slack'],
];

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

export function isSecretName(name: string): boolean {
  const n = normalizeName(name);
  return NAME_WORDS.some((w) => n.includes(w));
}

/**
 * Placeholders and labels that are not secrets: empty, `<…>`, `${…}`, all `x`/`*`, `changeme`,
 * `example…`, `your…`, `todo`, `placeholder`, a value equal to (or contained in) the name. Also
 * (documented extensions) values with whitespace (UI text), ENV_VAR_NAME-shaped values and values
 * that themselves name a secret kind (header or field names such as `X-Api-Key`), and values too short
 * to be a secret: at most 3 characters, or a number of at most 6 digits (status codes and durations
 * such as `NO_CACHED_ACCESS_TOKEN: "2"`, `ACCESS_TOKEN_TTL: "3600"`).
 */
export function isPlaceholder(value: string, name: string | null): boolean {
  const v = value.trim();
  if (v === '') return true;
  const lower = v.toLowerCase();
  if (/^<.*>$/s.test(v) || /^\$\{.*\}$/s.test(v) || /^[xX*]+$/.test(v) || /^[*•.]+$/.test(v)) return true;
  if (lower === 'changeme' || lower === 'todo' || lower === 'placeholder' || lower.startsWith('example') || lower.startsWith('your')) return true;
  if (name !== null) {
    const nv = normalizeName(v);
    const nn = normalizeName(name);
    if (nv === nn || (nv.length > 0 && nn.includes(nv))) return true;
    if (/\s/.test(v)) return true;
    if (/^[A-Z][A-Z0-9_]*$/.test(v) && v.includes('_')) return true;
    if (NAME_WORDS.some((w) => nv.includes(w))) return true;
    if (v.length <= 3 || /^\d{1,6}$/.test(v)) return true;
  }
  return false;
}

/** A PEM private key header, optional header lines (`Proc-Type: …`), then base64 key material. */
// Each header line starts after a line break, which `[^\n]*` cannot take: no backtracking blow-up.
const PEM_PRIVATE_KEY = /-----BEGIN[A-Z ]*PRIVATE KEY-----(?:[ \t]*\r?\n[A-Za-z-]+:[^\n]*)*\s*[A-Za-z0-9+/]{16}/;

function tokenKind(value: string): SecretKind | null {
  for (const [prefix, kind] of PREFIXES) {
    if (value.startsWith(prefix)) {
      const body = value.slice(prefix.length);
      if (!TOKEN_BODY.test(body) || /^[xX*]+$/.test(body) || /example|your|placeholder/i.test(body)) return null;
      return kind;
    }
  }
  if (/^sk-[A-Za-z0-9_-]{20,}/.test(value)) {
    const body = value.slice(3);
    if (/^[xX*]+$/.test(body) || /example|your|placeholder/i.test(body)) return null;
    return 'openai';
  }
  if (/^AKIA[A-Z0-9]{16}/.test(value) && !/EXAMPLE/.test(value)) return 'aws access key';
  // Beyond the spec: the header must be followed by key material. The header alone is a marker that
  // key-handling code compares against (pem's KEY_START, `key.startsWith("-----BEGIN OPENSSH …")`).
  if (PEM_PRIVATE_KEY.test(value)) return 'private key';
  for (const [shape, kind] of EXTRA_SHAPES) if (shape.test(value) && !/x{8}|example|your|placeholder/i.test(value)) return kind;
  return null;
}

/**
 * Beyond the spec's list (documented on the rule page): credentials that real stealers embed as their
 * exfiltration channel (Discord and Slack webhooks, Telegram bot tokens, alone or inside the Bot API
 * URL) and registry or service keys with a fixed, unambiguous shape.
 */
const EXTRA_SHAPES: Array<[RegExp, SecretKind]> = [
  [/^https:\/\/(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api\/webhooks\/\d{15,20}\/[A-Za-z0-9_-]{60,}/, 'discord webhook'],
  [/^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{20,}/, 'slack webhook'],
  [/^(?:https:\/\/api\.telegram\.org\/bot)?\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/, 'telegram bot'],
  [/^npm_[A-Za-z0-9]{36}$/, 'npm'],
  [/^(?:sk|rk)_live_[A-Za-z0-9]{20,}$/, 'stripe'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'google api key'],
  [/^hf_[A-Za-z]{34}$/, 'hugging face'],
  [/^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/, 'sendgrid'],
];

/** Case (a) (a secret-named binding) is checked first, then case (b) (a known token shape). */
export function findSecret(value: string, name: string | null): { kind: SecretKind } | null {
  if (name !== null && isSecretName(name) && !isPlaceholder(value, name)) return { kind: 'name' };
  if (name !== null && isPlaceholder(value, name) && isSecretName(name)) return null;
  const kind = tokenKind(value);
  return kind ? { kind } : null;
}
