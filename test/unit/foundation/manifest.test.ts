import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { staleFiles } from '../../../scripts/generate';
import { settingsShape } from '../../../shared/settings/schema';
import { RULES } from '../../../shared/scanner/rules';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  bin: Record<string, string>;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { description?: string; default?: unknown }> };
  };
};

const ACTIVATION_EVENT = /^(?:onCommand:[\w.]+|workspaceContains:\S+|onLanguage:[\w-]+|onView:[\w.]+|onStartupFinished|onFileSystem:\w+)$/;

describe('extension manifest', () => {
  it('targets VS Code 1.100 or lower so code-server 4.100.3 runs it', () => {
    assert.match(manifest.engines.vscode, /^\^1\.(?:\d|[1-9]\d|100)\.\d+$/);
  });

  it('has only well-formed activation events, one onCommand per contributed command', () => {
    for (const e of manifest.activationEvents) assert.match(e, ACTIVATION_EVENT);
    const onCommand = manifest.activationEvents.filter((e) => e.startsWith('onCommand:')).map((e) => e.slice(10)).sort();
    assert.deepEqual(onCommand, manifest.contributes.commands.map((c) => c.command).sort());
    for (const pattern of ['**/.pi/settings.json', '**/tests/suite_classification.toml', '**/.pi/extensions/**']) {
      assert.ok(manifest.activationEvents.includes(`workspaceContains:${pattern}`), pattern);
    }
  });

  it('puts every command in the Pi Security category with a title', () => {
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'Pi Security', c.command);
      assert.ok(c.title.length > 3 && !c.title.startsWith('Pi Security'), c.command);
    }
  });

  it('describes every setting and matches the zod settings schema key for key', () => {
    const props = manifest.contributes.configuration.properties;
    for (const [key, prop] of Object.entries(props)) assert.ok(prop.description && prop.description.length > 10, key);
    assert.deepEqual(Object.keys(props).sort(), Object.keys(settingsShape).map((k) => `piSecurity.${k}`).sort());
  });

  it('keeps generated files (manifest settings, rule docs) in sync with their sources', () => {
    assert.deepEqual(staleFiles(ROOT), []);
  });

  it('has a documentation page for every rule in the catalogue', () => {
    for (const rule of RULES) assert.ok(readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8').startsWith(`# ${rule.id}`));
  });

  it('ships the bundles, rule docs and grammar in the .vsix (.vscodeignore)', () => {
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    for (const kept of ['!dist/client.js', '!dist/server.js', '!dist/cli.js', '!docs/rules/**', '!syntaxes/**']) assert.ok(ignore.includes(kept), kept);
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.bin['pi-sec'], 'dist/cli.js');
  });
});
