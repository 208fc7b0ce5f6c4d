import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSettingsEdit, SettingsEditError } from '../../../shared/risk/settingsEdit';

const patch = { extensionRisk: { alpha: 0.005, enabled: true as const, enforce: false, rolloutPhase: 'shadow' as const } };
const apply = (text: string, r: ReturnType<typeof computeSettingsEdit>) => r.edits.reduce((t, e) => t.slice(0, e.offset) + e.content + t.slice(e.offset + e.length), text);

describe('Apply to .pi/settings.json (shadow mode)', () => {
  it('creates the file with enabled/enforce first when missing', () => {
    const r = computeSettingsEdit(null, patch);
    assert.equal(r.created, true);
    assert.deepEqual(JSON.parse(r.newText), { extensionRisk: { enabled: true, enforce: false, rolloutPhase: 'shadow', alpha: 0.005 } });
    assert.ok(r.newText.indexOf('"enabled"') < r.newText.indexOf('"enforce"'));
  });
  it('keeps comments, order and other keys; changes only extensionRisk fields', () => {
    const text = '{\n    // the team profile\n    "extensionPolicy": { "profile": "standard" },\n    "extensionRisk": {\n        "alpha": 0.01, // tuned 2026-01\n        "windowSize": 64\n    }\n}\n';
    const r = computeSettingsEdit(text, patch);
    assert.equal(r.created, false);
    assert.equal(apply(text, r), r.newText);
    assert.ok(r.newText.includes('// the team profile'));
    assert.ok(r.newText.includes('// tuned 2026-01'));
    assert.ok(r.newText.includes('"extensionPolicy": { "profile": "standard" }'));
    assert.ok(r.newText.includes('"windowSize": 64'));
    assert.ok(r.newText.includes('"alpha": 0.005'));
    assert.ok(r.newText.includes('        "enforce": false'), 'uses the file\'s 4-space indentation');
    assert.equal(r.edits.length, 1);
    assert.ok(r.edits[0].offset > text.indexOf('"extensionRisk"'), 'the edit starts inside extensionRisk');
  });
  it('adds the extensionRisk object to an existing file without it', () => {
    const text = '{\n  "extensionPolicy": {"profile": "safe"}\n}\n';
    const r = computeSettingsEdit(text, patch);
    const parsed = JSON.parse(r.newText);
    assert.deepEqual(parsed.extensionPolicy, { profile: 'safe' });
    assert.equal(parsed.extensionRisk.enforce, false);
    assert.ok(r.newText.startsWith('{\n  "extensionPolicy": {"profile": "safe"}'));
  });
  it('is a no-op when the file already has the values', () => {
    const text = '{"extensionRisk":{"enabled":true,"enforce":false,"rolloutPhase":"shadow","alpha":0.005}}';
    const r = computeSettingsEdit(text, patch);
    assert.equal(r.newText, text);
  });
  it('refuses a file with a syntax error instead of corrupting it', () => {
    assert.throws(() => computeSettingsEdit('{"extensionRisk": {', patch), SettingsEditError);
    assert.throws(() => computeSettingsEdit('[1]', patch), SettingsEditError);
  });
});
