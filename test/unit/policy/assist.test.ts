import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupSchema, tomlHover, tomlKeyCompletions } from '../../../shared/policy/config/assist';

describe('TOML hover and key completion from the zod model', () => {
  const text = '[extension_policy]\nallow_dangerous = true\n\n[extension_policy.per_extension."acme".quota]\nmax_subprocesses = 2\n\n[extension_risk]\nalpha = 0.01\n';
  it('hovers a key with its canonical path, type and description', () => {
    const h = tomlHover(text, text.indexOf('allow_dangerous') + 3)!;
    assert.match(h.markdown, /^\*\*extensionPolicy\.allowDangerous\*\* — boolean\n\nRemoves exec and env from the deny list/);
    assert.equal(text.slice(h.start, h.end), 'allow_dangerous');
    const q = tomlHover(text, text.indexOf('max_subprocesses'))!;
    assert.match(q.markdown, /^\*\*extensionPolicy\.perExtension\.<id>\.quota\.maxSubprocesses\*\* — integer \(0\.\.∞\)/);
    assert.match(tomlHover(text, text.indexOf('alpha'))!.markdown, /number \(0\.000001\.\.0\.5\)/);
    assert.equal(tomlHover(text, text.indexOf('0.01')), null);
  });
  it('hovers table header segments', () => assert.match(tomlHover(text, 3)!.markdown, /^\*\*extensionPolicy\*\* — table/));
  it('completes the keys of the table at the cursor in snake_case', () => {
    const at = text.indexOf('alpha');
    const labels = tomlKeyCompletions(text, at).map((c) => c.label);
    assert.deepEqual(labels.slice(0, 4), ['enabled', 'enforce', 'alpha', 'window_size']);
    assert.equal(tomlKeyCompletions(text, at).find((c) => c.label === 'fail_closed')!.insertText, 'fail_closed = false');
    const policyKeys = tomlKeyCompletions(text, text.indexOf('allow_dangerous')).map((c) => c.label);
    assert.deepEqual(policyKeys, ['profile', 'default_permissive', 'allow_dangerous']);
    assert.deepEqual(tomlKeyCompletions(text, text.indexOf('= true') + 2), []);
  });
  it('looks up aliases and extension ids', () => {
    assert.equal(lookupSchema(['extension_policy', 'per_extension', 'x', 'allow'])!.canonical, 'extensionPolicy.perExtension.<id>.allow');
    assert.equal(lookupSchema(['extensionPolicy', 'nope']), null);
  });
});
