import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { SETTINGS_SCHEMA_PATH, settingsJsonSchemaText } from '../../../shared/policy/config/schemaFile';
import { loadConfigText } from '../../../shared/policy/config/load';

const ROOT = join(__dirname, '..', '..', '..');

describe('settings JSON Schema generated from the zod model (policy.md §7)', () => {
  const committed = readFileSync(join(ROOT, SETTINGS_SCHEMA_PATH), 'utf8');
  it('the committed schemas/pi-settings.schema.json is in sync (run npm run gen)', () => assert.equal(committed, settingsJsonSchemaText()));
  it('the manifest points jsonValidation at it', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { url: string; fileMatch: string[] }[] } };
    assert.ok(manifest.contributes.jsonValidation.some((j) => j.url === `./${SETTINGS_SCHEMA_PATH}` && j.fileMatch.includes('**/.pi/settings.json')));
  });
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(committed) as object);
  it('accepts the §6.4 example with camelCase keys and with snake_case aliases', () => {
    const example = {
      extensionPolicy: {
        profile: 'standard', allowDangerous: false, defaultPermissive: false,
        perExtension: { 'acme-git-helper': { allow: ['exec'], deny: ['http'], mode: 'prompt', quota: { maxHostcallsPerSecond: 10, maxSubprocesses: 2 } } },
        execMediation: { enabled: true, denyThreshold: 'high', denyPatterns: ['git push --force'], allowPatterns: ['rm -rf ./node_modules'], auditAllClassified: true },
        secretBroker: { enabled: true, secretSuffixes: ['_SIGNING_KEY'], secretPrefixes: [], secretExact: ['ACME_LICENSE'], disclosureAllowlist: ['TURBO_CACHE_KEY'], redactionPlaceholder: '[REDACTED]', replaceDefaults: false },
      },
      extensionRisk: {
        enabled: true, enforce: false, alpha: 0.01, windowSize: 128, ledgerLimit: 2048, decisionTimeoutMs: 50, failClosed: true, rolloutPhase: 'shadow',
        rollbackTrigger: { maxFalsePositiveRate: 0.05, maxErrorRate: 0.1, windowSize: 100, maxLatencyMs: 200 },
      },
      defaultModel: 'other agent settings are allowed at the top level',
    };
    assert.equal(validate(example), true, JSON.stringify(validate.errors));
    assert.deepEqual(loadConfigText(JSON.stringify(example), 'json').diagnostics, []);
    const snake = { extension_policy: { allow_dangerous: true, per_extension: { a: { allow: ['ui'] } }, exec_mediation: { deny_threshold: 'High' } }, extension_risk: { window_size: 64, rollback_trigger: { max_latency_ms: 5 } } };
    assert.equal(validate(snake), true, JSON.stringify(validate.errors));
  });
  it('rejects wrong types and unknown nested keys', () => {
    assert.equal(validate({ extensionPolicy: { allowDangerous: 'yes' } }), false);
    assert.equal(validate({ extensionPolicy: { profil: 'safe' } }), false);
    assert.equal(validate({ extensionPolicy: { perExtension: { a: { mode: 'sometimes' } } } }), false);
  });
});
