import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate } from '../../../shared/policy/evaluate';
import { createPolicyOracle } from '../../../shared/policy/oracle';
import { presetPolicy } from '../../../shared/policy/resolve';
import {
  CANONICAL_SECRET_NAMES,
  CONTROL_NAMES,
  createSecretBroker,
  DEFAULT_SECRET_BROKER,
  parseNameList,
  redactCommandText,
  secretsCoverage,
  type SecretBrokerConfig,
} from '../../../shared/policy/secrets';
import { PROJECT_JSON, GLOBAL_JSON, resolveWith } from './helpers';

const broker = createSecretBroker(DEFAULT_SECRET_BROKER);
const withCfg = (over: Partial<SecretBrokerConfig>) => createSecretBroker({ ...DEFAULT_SECRET_BROKER, ...over });

describe('secret broker classification (policy.md §9.1)', () => {
  const cases: [string, boolean, string, string | null][] = [
    ['GITHUB_TOKEN', true, 'exact', 'GITHUB_TOKEN'],
    ['github_token', true, 'exact', 'GITHUB_TOKEN'],
    ['MY_SERVICE_TOKEN', true, 'suffix', '_TOKEN'],
    ['acme_api_key', true, 'suffix', '_KEY'],
    ['SECRET_THING', true, 'prefix', 'SECRET_'],
    ['AWS_SESSION_ID', true, 'prefix', 'AWS_SESSION_'],
    ['HOME', false, 'none', null],
    ['', false, 'none', null],
  ];
  for (const [name, secret, match, pattern] of cases) {
    it(`${JSON.stringify(name)} → ${match}`, () => assert.deepEqual(broker.classify(name), { name, secret, match, pattern }));
  }
  it('the first matching suffix in list order is reported (defaults first)', () => {
    assert.equal(broker.classify('OPENROUTER_API_KEY').pattern, '_KEY');
    assert.equal(withCfg({ secretSuffixes: ['_API_KEY', '_KEY'] }).classify('X_API_KEY').pattern, '_API_KEY');
  });
  it('the disclosure allowlist overrides every pattern kind, exact included', () => {
    const b = withCfg({ disclosureAllowlist: ['turbo_cache_key', 'GITHUB_TOKEN'] });
    assert.deepEqual(b.classify('TURBO_CACHE_KEY'), { name: 'TURBO_CACHE_KEY', secret: false, match: 'allowlist', pattern: 'turbo_cache_key' });
    assert.equal(b.classify('GITHUB_TOKEN').match, 'allowlist');
  });
  it('exact names have priority over suffix and prefix', () => assert.equal(broker.classify('AWS_SECRET_ACCESS_KEY').match, 'exact'));
  it('a disabled broker classifies nothing as secret', () => assert.deepEqual(withCfg({ enabled: false }).classify('GITHUB_TOKEN'), { name: 'GITHUB_TOKEN', secret: false, match: 'disabled', pattern: null }));
  it('known false positives of _KEY are resolved with the allowlist', () => {
    assert.equal(broker.classify('PRIMARY_KEY').secret, true);
    assert.equal(withCfg({ disclosureAllowlist: ['PRIMARY_KEY', 'SORT_KEY', 'CACHE_KEY'] }).classify('SORT_KEY').secret, false);
  });
});

describe('secret broker configuration (policy.md §6.2, reference defect 9)', () => {
  it('user lists are added to the defaults (union)', () => {
    const p = resolveWith({ [PROJECT_JSON]: '{"extensionPolicy":{"secretBroker":{"secretSuffixes":["_SIGNING_KEY"],"secretExact":["ACME_LICENSE"]}}}' }).policy;
    const b = createSecretBroker(p.secretBroker);
    assert.equal(b.classify('ACME_LICENSE').match, 'exact');
    assert.equal(b.classify('GITHUB_TOKEN').match, 'exact');
    assert.ok(p.secretBroker.secretSuffixes.includes('_TOKEN') && p.secretBroker.secretSuffixes.includes('_SIGNING_KEY'));
  });
  it('replaceDefaults discards defaults and lower layers for the pattern lists, not the allowlist', () => {
    const p = resolveWith({
      [GLOBAL_JSON]: '{"extensionPolicy":{"secretBroker":{"secretExact":["GLOBAL_ONE"],"disclosureAllowlist":["KEEP_ME_KEY"]}}}',
      [PROJECT_JSON]: '{"extensionPolicy":{"secretBroker":{"replaceDefaults":true,"secretExact":["ONLY_THIS"]}}}',
    }).policy;
    assert.deepEqual(p.secretBroker.secretExact, ['ONLY_THIS']);
    assert.deepEqual(p.secretBroker.secretSuffixes, []);
    assert.deepEqual(p.secretBroker.disclosureAllowlist, ['KEEP_ME_KEY']);
    assert.equal(p.secretBroker.replaceDefaults, true);
    assert.equal(createSecretBroker(p.secretBroker).classify('GITHUB_TOKEN').secret, false);
  });
});

describe('redaction of command text (policy.md §9.3, reference defect 8)', () => {
  const cases: [string, string][] = [
    ['deploy --password=hunter2 x', 'deploy --password=[REDACTED] x'],
    ['deploy --password hunter2 x', 'deploy --password [REDACTED] x'],
    ['mysql -u root -phunter2 db', 'mysql -u root -p[REDACTED] db'],
    ['mysqldump -p hunter2 db', 'mysqldump -p [REDACTED] db'],
    ['sshpass -p pw ssh host', 'sshpass -p [REDACTED] ssh host'],
    ['mkdir -p build/out', 'mkdir -p build/out'],
    ['ssh -p 22 host', 'ssh -p 22 host'],
    ['GITHUB_TOKEN=abc123 npm publish', 'GITHUB_TOKEN=[REDACTED] npm publish'],
    ['NODE_ENV=production npm start', 'NODE_ENV=production npm start'],
    ['git clone https://bob:s3cret@github.com/x.git', 'git clone https://bob:[REDACTED]@github.com/x.git'],
    ['curl -H "Authorization: Bearer abc" https://x', 'curl -H "Authorization: [REDACTED]" https://x'],
    ["curl -H 'X-Api-Key: k123' -H 'Accept: json' https://x", "curl -H 'X-Api-Key: [REDACTED]' -H 'Accept: json' https://x"],
    ['curl -H "Cookie: sid=1" https://x', 'curl -H "Cookie: [REDACTED]" https://x'],
    ['git clone https://bob@github.com/x.git', 'git clone https://bob@github.com/x.git'],
    ['git clone git@github.com:x/y.git', 'git clone git@github.com:x/y.git'],
    ['psql postgres://app:pw@db:5432/x && curl https://a:b@c/', 'psql postgres://app:[REDACTED]@db:5432/x && curl https://a:[REDACTED]@c/'],
    ['open http://host:8080/path', 'open http://host:8080/path'],
  ];
  for (const [input, output] of cases) it(input, () => assert.equal(redactCommandText(input, broker), output));
  it('is deterministic and uses the configured placeholder; nothing when disabled', () => {
    assert.equal(redactCommandText('A_TOKEN=x', withCfg({ redactionPlaceholder: '***' })), 'A_TOKEN=***');
    assert.equal(redactCommandText('A_TOKEN=x', withCfg({ enabled: false })), 'A_TOKEN=x');
  });
});

describe('SLO-07 coverage (policy.md §9.4, README acceptance 9)', () => {
  it('the canonical list has 121 names; 119 are covered by the defaults (98.3 %)', () => {
    const r = secretsCoverage(broker);
    assert.equal(CANONICAL_SECRET_NAMES.length, 121);
    assert.deepEqual([r.total, r.covered, r.coverage_pct, r.pass], [121, 119, 98.3, true]);
    assert.deepEqual(r.misses, ['RABBITMQ_DEFAULT_PASS', 'DISCORD_WEBHOOK_URL']);
    assert.deepEqual(r.known_false_positives, ['PRIMARY_KEY', 'SORT_KEY']);
  });
  it('the control list classifies as not secret with the defaults', () => {
    assert.equal(CONTROL_NAMES.length, 25);
    assert.deepEqual(secretsCoverage(broker).control_violations, []);
  });
  it('control violations are reported without changing pass', () => {
    const r = secretsCoverage(withCfg({ secretExact: [...DEFAULT_SECRET_BROKER.secretExact, 'HOME'] }));
    assert.deepEqual([r.control_violations, r.pass], [['HOME'], true]);
  });
  it('fails below the 90 % floor', () => {
    const r = secretsCoverage(withCfg({ secretSuffixes: [], secretPrefixes: [] }));
    assert.equal(r.pass, false);
    assert.ok(r.coverage_pct < 90);
  });
  it('--list files: one name per line, # comments', () => assert.deepEqual(parseNameList('A_TOKEN # c\n\n# x\n  B \n'), ['A_TOKEN', 'B']));
});

describe('INV-011: env access needs both policy approval of env and a broker classification', () => {
  it('an env read gets a policy decision for env and a broker classification', () => {
    const oracle = createPolicyOracle(presetPolicy('safe'));
    assert.equal(oracle.decide('env', 'x').decision, 'deny');
    assert.deepEqual(oracle.classifyEnvName('GITHUB_TOKEN'), { secret: true, match: 'exact', pattern: 'GITHUB_TOKEN', placeholder: '[REDACTED]' });
    const permissive = presetPolicy('permissive');
    // Even when policy allows env, the broker still redacts secrets.
    assert.equal(evaluate(permissive, 'env', 'x').decision, 'allow');
    assert.equal(createPolicyOracle(permissive).classifyEnvName('NPM_TOKEN').secret, true);
  });
});
