import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { fixedClock } from '../../shared/common/clock';
import { ClassifyCommandRequest, ClassifyEnvNameRequest, ExplainPolicyRequest, ListPolicyExtensionIdsRequest } from '../../shared/protocol';
import { startLspSession, type LspSession } from './harness';

describe('policy config provider and policy requests (in-process LSP)', () => {
  let lsp: LspSession;
  let ws: string;
  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'pi-sec-policy-lsp-'));
    mkdirSync(join(ws, '.pi', 'extensions', 'git-helper'), { recursive: true });
    writeFileSync(join(ws, '.pi', 'extensions', 'git-helper', 'index.ts'), 'export default 1;\n');
    mkdirSync(join(ws, '.pi'), { recursive: true });
    writeFileSync(join(ws, '.pi', 'settings.json'), '{"extensionPolicy": {"profile": "standard", "perExtension": {"git-helper": {"allow": ["ui"], "deny": ["http"]}}}}\n');
    lsp = await startLspSession({
      workspace: ws,
      clock: fixedClock(Date.UTC(2026, 10, 24, 12)),
      env: { PI_CODING_AGENT_DIR: join(ws, 'no-global') },
    });
  });
  after(() => lsp.close());

  it('reports semantic CFG diagnostics with ranges in .pi/settings.json', async () => {
    const text = '{\n  "extensionPolicy": {\n    "profile": "standrd",\n    "perExtension": {"a": {"allow": ["exec", "exce"]}}\n  }\n}\n';
    const uri = await lsp.open('.pi/settings.json', text, 'json');
    const diags = await lsp.diagnostics(uri);
    const byCode = Object.fromEntries(diags.map((d) => [String(d.code), d]));
    assert.deepEqual(Object.keys(byCode).sort(), ['CFG-004', 'CFG-006', 'CFG-013']);
    assert.deepEqual(byCode['CFG-004'].range, { start: { line: 2, character: 15 }, end: { line: 2, character: 24 } });
    assert.equal(byCode['CFG-004'].severity, 2);
    assert.equal(byCode['CFG-004'].source, 'pi-security');
    const actions = await lsp.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: byCode['CFG-004'].range, context: { diagnostics: [byCode['CFG-004']] },
    });
    const fix = actions.find((a) => a.title === 'Replace with "standard"');
    assert.ok(fix, JSON.stringify(actions));
    assert.deepEqual(fix.edit!.changes![uri], [{ range: byCode['CFG-004'].range, newText: '"standard"' }]);
  });

  it('a syntax error gives one CFG-001 at the parser position', async () => {
    const uri = await lsp.open('.pi/config.toml', '[extension_policy]\nprofile = "standard"\nallow_dangerous = \n', 'toml');
    const diags = await lsp.diagnostics(uri);
    assert.deepEqual(diags.map((d) => [d.code, d.severity, d.range.start.line]), [['CFG-001', 1, 2]]);
  });

  it('hover and key completion in .pi/config.toml', async () => {
    const text = '[extension_risk]\nalpha = 0.01\n\n';
    const uri = await lsp.open('.pi/config.toml', text, 'toml');
    const hover = await lsp.client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
    assert.match(hover!.contents.value, /\*\*extensionRisk\.alpha\*\*/);
    const items = await lsp.client.sendRequest<{ label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
    assert.ok(items.some((i) => i.label === 'window_size'));
  });

  it('piSecurity/explainPolicy explains for an extension id and lists discovered ids', async () => {
    const r = await lsp.client.sendRequest(ExplainPolicyRequest, { extensionId: 'git-helper' });
    assert.equal(r.explain.schema, 'pi.policy.explain.v1');
    assert.equal(r.explain.profile.effective, 'standard');
    assert.deepEqual(r.explain.capabilities.filter((c) => c.layer === 1 || c.layer === 3).map((c) => `${c.capability}:${c.reason}`), ['http:extension_deny', 'ui:extension_allow']);
    assert.ok(r.extensionIds.includes('git-helper'));
    assert.match(r.markdown, /^# Effective policy: git-helper/);
    assert.match(r.markdown, /\| `http` \| \*\*deny\*\* \| `extension_deny` \| 1 extension_deny \|/);
    const ids = await lsp.client.sendRequest(ListPolicyExtensionIdsRequest, {});
    assert.ok(ids.includes('git-helper'));
  });

  it('the what-if profile override acts as the cli layer', async () => {
    await lsp.configure({ policy: { profileOverride: 'permissive' } });
    const r = await lsp.client.sendRequest(ExplainPolicyRequest, { extensionId: null });
    assert.deepEqual([r.explain.profile.effective, r.explain.profile.source, r.explain.profile.source_detail], ['permissive', 'cli', 'piSecurity.policy.profileOverride']);
    assert.match(r.markdown, /from cli \(editor\)/);
    await lsp.configure({});
  });

  it('piSecurity/classifyCommand and piSecurity/classifyEnvName', async () => {
    const c = await lsp.client.sendRequest(ClassifyCommandRequest, { command: 'sudo reboot' });
    assert.deepEqual(c.result.profiles.map((p) => p.decision), ['deny', 'allow_with_audit', 'allow']);
    const a = await lsp.client.sendRequest(ClassifyCommandRequest, { argv: ['git', 'commit', '-m', 'a; rm -rf /'] });
    assert.deepEqual(a.result.classes, []);
    const e = await lsp.client.sendRequest(ClassifyEnvNameRequest, { names: ['GITHUB_TOKEN', 'HOME'] });
    assert.deepEqual(e.results.map((r) => [r.name, r.secret, r.match]), [['GITHUB_TOKEN', true, 'exact'], ['HOME', false, 'none']]);
    assert.match(e.markdown, /GITHUB_TOKEN/);
  });
});
