/** The secret broker: env-name classification, command redaction, SLO-07 coverage (policy.md §9). */
import { asciiUpper } from './capabilities';
import { parseShell, type SimpleCommand } from './exec/shell';

export const DEFAULT_SECRET_SUFFIXES: readonly string[] = [
  '_KEY', '_SECRET', '_TOKEN', '_PASSWORD', '_PASSWD', '_PASSPHRASE', '_CREDENTIAL', '_CREDENTIALS', '_AUTH', '_API_KEY',
  '_PRIVATE_KEY', '_CONNECTION_STRING', '_DSN',
];
export const DEFAULT_SECRET_PREFIXES: readonly string[] = ['SECRET_', 'AUTH_', 'PRIVATE_', 'CREDENTIAL_', 'AWS_SECRET_', 'AWS_SESSION_'];
export const DEFAULT_SECRET_EXACT: readonly string[] = [
  'ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID', 'GITHUB_TOKEN', 'GH_TOKEN',
  'GOOGLE_API_KEY', 'AZURE_CLIENT_SECRET', 'DATABASE_URL', 'REDIS_URL', 'MONGODB_URI', 'PRIVATE_KEY', 'NPM_TOKEN', 'DOCKER_PASSWORD',
  'DOCKER_AUTH_CONFIG', 'SLACK_TOKEN', 'SLACK_WEBHOOK_URL', 'STRIPE_SECRET_KEY', 'TWILIO_AUTH_TOKEN', 'SENDGRID_API_KEY', 'PGPASSWORD',
];
export const DEFAULT_REDACTION_PLACEHOLDER = '[REDACTED]';

export interface SecretBrokerConfig {
  enabled: boolean;
  redactionPlaceholder: string;
  secretExact: readonly string[];
  secretSuffixes: readonly string[];
  secretPrefixes: readonly string[];
  disclosureAllowlist: readonly string[];
}

export const DEFAULT_SECRET_BROKER: SecretBrokerConfig = {
  enabled: true,
  redactionPlaceholder: DEFAULT_REDACTION_PLACEHOLDER,
  secretExact: DEFAULT_SECRET_EXACT,
  secretSuffixes: DEFAULT_SECRET_SUFFIXES,
  secretPrefixes: DEFAULT_SECRET_PREFIXES,
  disclosureAllowlist: [],
};

export type SecretMatch = 'disabled' | 'allowlist' | 'exact' | 'suffix' | 'prefix' | 'none';

export interface SecretClassificationResult {
  name: string;
  secret: boolean;
  match: SecretMatch;
  /** The list entry that matched, as written, or null. */
  pattern: string | null;
}

/** A broker with its lists pre-uppercased. */
export interface SecretBroker {
  config: SecretBrokerConfig;
  classify(name: string): SecretClassificationResult;
}

export function createSecretBroker(config: SecretBrokerConfig): SecretBroker {
  const allow = new Map<string, string>();
  for (const a of config.disclosureAllowlist) if (!allow.has(asciiUpper(a))) allow.set(asciiUpper(a), a);
  const exact = new Map<string, string>();
  for (const e of config.secretExact) if (!exact.has(asciiUpper(e))) exact.set(asciiUpper(e), e);
  const suffixes = config.secretSuffixes.filter((s) => s !== '').map((s) => [asciiUpper(s), s] as const);
  const prefixes = config.secretPrefixes.filter((s) => s !== '').map((s) => [asciiUpper(s), s] as const);
  return {
    config,
    classify(name: string): SecretClassificationResult {
      if (!config.enabled) return { name, secret: false, match: 'disabled', pattern: null };
      if (name === '') return { name, secret: false, match: 'none', pattern: null };
      const up = asciiUpper(name);
      const al = allow.get(up);
      if (al !== undefined) return { name, secret: false, match: 'allowlist', pattern: al };
      const ex = exact.get(up);
      if (ex !== undefined) return { name, secret: true, match: 'exact', pattern: ex };
      for (const [u, s] of suffixes) if (up.endsWith(u)) return { name, secret: true, match: 'suffix', pattern: s };
      for (const [u, s] of prefixes) if (up.startsWith(u)) return { name, secret: true, match: 'prefix', pattern: s };
      return { name, secret: false, match: 'none', pattern: null };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Redaction of command text (§9.3)

const PASSWORD_P_PROGRAMS = new Set(['mysql', 'mysqldump', 'mysqladmin', 'mariadb', 'sshpass']);
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'x-api-key', 'cookie'];

/**
 * Redacts secrets in command text deterministically. Works on the raw text so the preview keeps
 * its shape: only value spans are replaced.
 */
export function redactCommandText(text: string, broker: SecretBroker): string {
  if (!broker.config.enabled) return text;
  const ph = broker.config.redactionPlaceholder;
  let out = text;
  // URL user info: scheme://user:pass@host
  out = redactUrlUserInfo(out, ph);
  // Header arguments: Authorization: …, up to the end of the quoted or unquoted argument.
  for (const h of SECRET_HEADERS) {
    const re = new RegExp(`(${h.replace(/-/g, '\\-')}:\\s*)([^'"\\n]*)`, 'gi');
    out = out.replace(re, (_m, pre: string, v: string) => (v.trim() === '' ? `${pre}${v}` : `${pre}${ph}`));
  }
  // --password=V / --password V (any program)
  out = out.replace(/(--password=)("[^"]*"|'[^']*'|[^\s'"]+)/gi, (_m, pre: string) => `${pre}${ph}`);
  out = out.replace(/(--password\s+)("[^"]*"|'[^']*'|[^\s'"-][^\s'"]*)/gi, (_m, pre: string) => `${pre}${ph}`);
  // NAME=VALUE where NAME is secret
  out = out.replace(/(^|[\s;&|('"])([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&|)'"]*)/g, (m, pre: string, name: string) =>
    broker.classify(name).secret ? `${pre}${name}=${ph}` : m,
  );
  // -pV / -p V only for password-taking tools
  out = redactDashP(out, ph);
  return out;
}

/** `scheme://user:pass@host` → `scheme://user:[REDACTED]@host`, in linear time (no backtracking regex). */
function redactUrlUserInfo(text: string, ph: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const at = text.indexOf('://', from);
    if (at < 0) break;
    let s = at;
    while (s > 0 && /[A-Za-z0-9+.-]/.test(text[s - 1])) s--;
    const authorityStart = at + 3;
    let end = authorityStart;
    while (end < text.length && !/[\s/'"]/.test(text[end])) end++;
    const authority = text.slice(authorityStart, end);
    const atSign = authority.lastIndexOf('@');
    const colon = atSign > 0 ? authority.indexOf(':') : -1;
    if (s < at && /[A-Za-z]/.test(text[s]) && atSign > 0 && colon >= 0 && colon < atSign && colon < atSign - 1) {
      out += text.slice(from, authorityStart + colon + 1) + ph + '@';
      from = authorityStart + atSign + 1;
    } else {
      out += text.slice(from, authorityStart);
      from = authorityStart;
    }
  }
  return out + text.slice(from);
}

function redactDashP(text: string, ph: string): string {
  if (!/mysql|mysqldump|mysqladmin|mariadb|sshpass/i.test(text)) return text;
  let commands: SimpleCommand[];
  try {
    commands = parseShell(text).commands;
  } catch {
    return text;
  }
  const values = new Set<string>();
  for (const cmd of commands) {
    if (cmd.program === null || !PASSWORD_P_PROGRAMS.has(cmd.program)) continue;
    for (let i = cmd.programIndex + 1; i < cmd.words.length; i++) {
      const w = cmd.words[i].text;
      if (w === '-p' && i + 1 < cmd.words.length) values.add(`-p ${cmd.words[i + 1].text}`);
      else if (w.startsWith('-p') && w.length > 2 && !w.startsWith('--')) values.add(w);
    }
  }
  let out = text;
  for (const v of values) {
    if (v.startsWith('-p ')) out = replaceWordPair(out, v.slice(3), ph);
    else out = out.split(v).join(`-p${ph}`);
  }
  return out;
}

function replaceWordPair(text: string, value: string, ph: string): string {
  const re = /-p(\s+)(\S+)/g;
  return text.replace(re, (m, ws: string, v: string) => (stripQuotes(v) === value ? `-p${ws}${ph}` : m));
}

function stripQuotes(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}


// ---------------------------------------------------------------------------------------------
// SLO-07 (§9.4)

export const CANONICAL_SECRET_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'AI providers': 'ANTHROPIC_API_KEY OPENAI_API_KEY AZURE_OPENAI_API_KEY GOOGLE_API_KEY GEMINI_API_KEY COHERE_API_KEY MISTRAL_API_KEY GROQ_API_KEY DEEPSEEK_API_KEY XAI_API_KEY OPENROUTER_API_KEY PERPLEXITY_API_KEY TOGETHER_API_KEY FIREWORKS_API_KEY HF_TOKEN HUGGINGFACE_TOKEN REPLICATE_API_TOKEN'.split(' '),
  Cloud: 'AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AZURE_CLIENT_SECRET AZURE_STORAGE_KEY AZURE_STORAGE_CONNECTION_STRING ARM_CLIENT_SECRET ARM_ACCESS_KEY GOOGLE_APPLICATION_CREDENTIALS GOOGLE_CLIENT_SECRET GCP_SERVICE_ACCOUNT_KEY DIGITALOCEAN_ACCESS_TOKEN HEROKU_API_KEY CLOUDFLARE_API_TOKEN CLOUDFLARE_API_KEY VERCEL_TOKEN NETLIFY_AUTH_TOKEN FLY_API_TOKEN ALIBABA_CLOUD_ACCESS_KEY_SECRET'.split(' '),
  'Source control and CI': 'GITHUB_TOKEN GH_TOKEN GITHUB_CLIENT_SECRET GITLAB_TOKEN CI_JOB_TOKEN ACTIONS_RUNTIME_TOKEN BITBUCKET_APP_PASSWORD CIRCLE_TOKEN BUILDKITE_AGENT_TOKEN CODECOV_TOKEN SONAR_TOKEN SNYK_TOKEN TF_API_TOKEN PULUMI_ACCESS_TOKEN VAULT_TOKEN CONSUL_HTTP_TOKEN OP_SERVICE_ACCOUNT_TOKEN'.split(' '),
  'Package registries': 'NPM_TOKEN NODE_AUTH_TOKEN YARN_NPM_AUTH_TOKEN TWINE_PASSWORD CARGO_REGISTRY_TOKEN GEM_HOST_API_KEY NUGET_API_KEY DOCKER_PASSWORD DOCKERHUB_TOKEN DOCKER_AUTH_CONFIG'.split(' '),
  'Databases and brokers': 'DATABASE_URL REDIS_URL MONGODB_URI PGPASSWORD POSTGRES_PASSWORD MYSQL_PASSWORD MYSQL_ROOT_PASSWORD REDIS_PASSWORD SNOWFLAKE_PASSWORD ELASTIC_PASSWORD MINIO_SECRET_KEY RABBITMQ_DEFAULT_PASS SUPABASE_SERVICE_ROLE_KEY'.split(' '),
  SaaS: 'STRIPE_SECRET_KEY STRIPE_WEBHOOK_SECRET TWILIO_AUTH_TOKEN SENDGRID_API_KEY MAILGUN_API_KEY SMTP_PASSWORD SLACK_TOKEN SLACK_BOT_TOKEN SLACK_WEBHOOK_URL DISCORD_BOT_TOKEN DISCORD_WEBHOOK_URL TELEGRAM_BOT_TOKEN SENTRY_AUTH_TOKEN SENTRY_DSN DATADOG_API_KEY DD_API_KEY NEW_RELIC_LICENSE_KEY AUTH0_CLIENT_SECRET LINEAR_API_KEY JIRA_API_TOKEN NOTION_API_KEY AIRTABLE_API_KEY MAPBOX_ACCESS_TOKEN'.split(' '),
  'Keys and generic': 'PRIVATE_KEY SSH_PRIVATE_KEY GPG_PRIVATE_KEY GPG_PASSPHRASE JWT_SECRET SESSION_SECRET COOKIE_SECRET ENCRYPTION_KEY SECRET_KEY_BASE DJANGO_SECRET_KEY NEXTAUTH_SECRET RAILS_MASTER_KEY APP_KEY API_KEY API_TOKEN ACCESS_TOKEN REFRESH_TOKEN CLIENT_SECRET ADMIN_PASSWORD LDAP_BIND_PASSWORD KAFKA_SASL_PASSWORD ANSIBLE_VAULT_PASSWORD'.split(' '),
};

export const CANONICAL_SECRET_NAMES: readonly string[] = Object.values(CANONICAL_SECRET_GROUPS).flat();

export const CONTROL_NAMES: readonly string[] =
  'HOME PATH USER SHELL TERM LANG EDITOR PWD TMPDIR TZ NODE_ENV CI PORT HOSTNAME LOG_LEVEL PI_CONFIG PI_PLATFORM AWS_REGION AWS_DEFAULT_REGION GITHUB_ACTIONS GITHUB_REPOSITORY SSH_AUTH_SOCK XDG_SESSION_TYPE KEYBOARD MONKEY'.split(' ');

export const KNOWN_FALSE_POSITIVES: readonly string[] = ['PRIMARY_KEY', 'SORT_KEY'];

export const SLO_07_FLOOR_PCT = 90;

export interface SecretsCoverageReport {
  schema: 'pi.sec.secrets_coverage.v1';
  total: number;
  covered: number;
  coverage_pct: number;
  pass: boolean;
  misses: string[];
  control_violations: string[];
  known_false_positives: string[];
}

/** Parses a `--list` file: one name per line, `#` comments, blank lines ignored. */
export function parseNameList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const hash = line.indexOf('#');
    const name = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (name !== '') out.push(name);
  }
  return out;
}

export function secretsCoverage(broker: SecretBroker, names: readonly string[] = CANONICAL_SECRET_NAMES): SecretsCoverageReport {
  const misses = names.filter((n) => !broker.classify(n).secret);
  const covered = names.length - misses.length;
  const pct = names.length === 0 ? 100 : (covered * 100) / names.length;
  return {
    schema: 'pi.sec.secrets_coverage.v1',
    total: names.length,
    covered,
    coverage_pct: Math.round(pct * 10) / 10,
    pass: pct >= SLO_07_FLOOR_PCT,
    misses,
    control_violations: CONTROL_NAMES.filter((n) => broker.classify(n).secret),
    known_false_positives: KNOWN_FALSE_POSITIVES.filter((n) => broker.classify(n).secret),
  };
}

export function formatCoverageHuman(r: SecretsCoverageReport): string {
  const lines = [
    `SLO-07 secret-name coverage: ${r.covered}/${r.total} (${r.coverage_pct.toFixed(1)} %) — ${r.pass ? 'PASS' : 'FAIL'} (floor ${SLO_07_FLOOR_PCT} %, goal 100 %)`,
    `Misses: ${r.misses.length ? r.misses.join(', ') : 'none'}`,
    `Control names classified as secret: ${r.control_violations.length ? r.control_violations.join(', ') : 'none'}`,
    `Known false positives (use disclosureAllowlist): ${r.known_false_positives.length ? r.known_false_positives.join(', ') : 'none'}`,
  ];
  return lines.join('\n') + '\n';
}
