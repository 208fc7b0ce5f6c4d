/** The 24 checks against the real policy evaluator, under presets and under configs (dashboards.md §2). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCompatDashboard } from '../../../shared/dashboards/compat';
import type { CompatDashboard } from '../../../shared/dashboards/compatSchema';
import { compatPolicyPort, policyIntegration } from '../../../shared/dashboards/policyWiring';
import { put, putJson, tempDir } from './helpers';

const NOW = '2026-02-20T12:00:00.000Z';

function run(workspace: string, presetsOnly = false, globalDir: string | null = tempDir()): CompatDashboard {
  const port = compatPolicyPort({ workspace, globalDir, homeDir: tempDir(), env: {} }, presetsOnly);
  return buildCompatDashboard({ port, generatedAt: NOW, baseline: { kind: 'none' } });
}

function withProject(settings: unknown): string {
  const ws = tempDir();
  putJson(ws, '.pi/settings.json', settings);
  return ws;
}

const FOUR = ['standard:env:dangerous_denied', 'standard:env:ext_override_no_escalation', 'standard:exec:dangerous_denied', 'standard:exec:ext_override_no_escalation'];

describe('compat checks with the real policy evaluator', () => {
  it('all 24 pass on pure presets (acceptance checklist 2)', () => {
    const d = run(withProject({ extensionPolicy: { allowDangerous: true } }), true);
    assert.equal(d.mode, 'presets');
    assert.equal(d.total_passed, 24);
    assert.deepEqual(d.config_sources, []);
    const byName = new Map(d.checks.map((c) => [c.name, c]));
    assert.deepEqual([byName.get('safe:read:benign_access')?.actual_reason, byName.get('safe:read:benign_access')?.actual_layer], ['default_caps', 4]);
    assert.deepEqual([byName.get('safe:exec:dangerous_denied')?.actual_reason, byName.get('safe:exec:dangerous_denied')?.actual_layer], ['deny_caps', 2]);
    assert.deepEqual([byName.get('standard:read:ext_override_benign')?.actual_reason, byName.get('standard:read:ext_override_benign')?.actual_layer], ['extension_allow', 3]);
  });

  it('all 24 pass for a workspace without configuration', () => {
    const d = run(tempDir());
    assert.equal(d.mode, 'configured');
    assert.equal(d.total_failed, 0);
    assert.ok(d.config_sources.every((s) => !s.exists));
    assert.deepEqual(d.config_sources.map((s) => s.layer), ['project', 'project', 'global', 'global']);
  });

  it('reproduces the §2.5 example: project allowDangerous weakens standard (Prompt at layer 5)', () => {
    const d = run(withProject({ extensionPolicy: { allowDangerous: true } }));
    assert.equal(d.total_passed, 20);
    assert.equal(d.overall_pass_rate_pct, 83.3);
    assert.deepEqual(d.per_profile.map((p) => p.pass_rate_pct), [100, 66.7]);
    assert.deepEqual(d.config_sources[0], { layer: 'project', path: '.pi/settings.json', exists: true });
    const exec = d.checks.find((c) => c.name === 'standard:exec:dangerous_denied');
    assert.equal(exec?.detail, 'SECURITY: dangerous capability not denied (decision=Prompt, reason=prompt_required, layer=5)');
    assert.deepEqual(d.regressions, FOUR);
    // Under safe, strict mode still denies exec/env outside the defaults.
    assert.equal(d.checks.find((c) => c.name === 'safe:exec:dangerous_denied')?.actual_reason, 'not_in_default_caps');
  });

  it('a global allowDangerous (via --global-dir) weakens the same way', () => {
    const g = tempDir();
    putJson(g, 'settings.json', { extensionPolicy: { allowDangerous: true } });
    const d = run(tempDir(), false, g);
    assert.deepEqual(d.checks.filter((c) => !c.passed).map((c) => c.name).sort(), FOUR);
    assert.equal(d.config_sources.find((s) => s.layer === 'global' && s.exists)?.path.endsWith('settings.json'), true);
  });

  it('the TOML form weakens the same way', () => {
    const ws = tempDir();
    put(ws, '.pi/config.toml', '[extension_policy]\nallow_dangerous = true\n');
    assert.equal(run(ws).total_failed, 4);
  });

  it('the configured profile is replaced by the forced one', () => {
    const d = run(withProject({ extensionPolicy: { profile: 'permissive' } }));
    assert.equal(d.total_failed, 0);
  });

  it('the injected override replaces a configured benign-test-ext entry', () => {
    const escalating = run(withProject({ extensionPolicy: { allowDangerous: true, perExtension: { 'benign-test-ext': { allow: ['exec', 'env'] } } } }));
    // Without the replacement, safe:exec:ext_override_no_escalation would be Allow (extension_allow).
    assert.equal(escalating.checks.find((c) => c.name === 'safe:exec:ext_override_no_escalation')?.passed, true);
    assert.equal(escalating.total_failed, 4);
    const denying = run(withProject({ extensionPolicy: { perExtension: { 'benign-test-ext': { deny: ['read'], mode: 'permissive' } } } }));
    assert.equal(denying.total_failed, 0);
  });

  it('a per-extension mode for another id never leaks (INV-005)', () => {
    const d = run(withProject({ extensionPolicy: { allowDangerous: true, perExtension: { other: { allow: ['exec'], mode: 'permissive' } } } }));
    assert.equal(d.total_failed, 4);
    assert.equal(d.checks.find((c) => c.name === 'safe:exec:ext_override_no_escalation')?.passed, true);
  });

  it('ignores every PI_* variable, including PI_CONFIG_PATH and PI_CODING_AGENT_DIR', () => {
    const ws = tempDir();
    const evil = tempDir();
    putJson(evil, 'settings.json', { extensionPolicy: { allowDangerous: true } });
    const port = compatPolicyPort(
      { workspace: ws, globalDir: null, homeDir: tempDir(), env: { PI_EXTENSION_ALLOW_DANGEROUS: 'true', PI_EXTENSION_POLICY: 'permissive', PI_CONFIG_PATH: `${evil}/settings.json`, PI_CODING_AGENT_DIR: evil } },
      false,
    );
    assert.equal(buildCompatDashboard({ port, generatedAt: NOW, baseline: { kind: 'none' } }).total_failed, 0);
  });

  it('a broken config fails closed (safe) and says so', () => {
    const ws = tempDir();
    put(ws, '.pi/settings.json', '{ "extensionPolicy": { "allowDangerous": true, ');
    const port = compatPolicyPort({ workspace: ws, globalDir: tempDir(), homeDir: tempDir(), env: {} }, false);
    assert.equal(buildCompatDashboard({ port, generatedAt: NOW, baseline: { kind: 'none' } }).total_failed, 0);
    assert.match(port.notices?.[0] ?? '', /^Policy config \.pi\/settings\.json cannot be read .*fails closed to the safe profile$/);
  });

  it('SLO-07 coverage and the scanner oracle come from the effective policy', () => {
    const p = policyIntegration({ workspace: tempDir(), globalDir: tempDir(), homeDir: tempDir(), env: {} });
    assert.deepEqual(p.secretsCoverage(), { covered: 119, total: 121, coverage_pct: 98.3 });
    assert.equal(p.oracle()?.decide('exec', 'x').decision, 'deny');
  });

  it('what-if CLI options change the scanner oracle but never the compatibility checks', () => {
    const ws = tempDir();
    const opts = { workspace: ws, globalDir: tempDir(), homeDir: tempDir(), env: {}, cli: { profile: 'standard', allowDangerous: true } };
    const p = policyIntegration(opts);
    assert.equal(p.oracle()?.decide('exec', 'x').decision, 'prompt');
    const d = buildCompatDashboard({ port: p.compatPolicy(false), generatedAt: NOW, baseline: { kind: 'none' } });
    assert.equal(d.total_failed, 0);
  });
});
