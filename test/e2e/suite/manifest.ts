import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

interface Manifest {
  activationEvents: string[];
  contributes: { commands: { command: string; title: string; category: string }[]; configuration: { properties: Record<string, { description?: string }> } };
}

export function defineManifestSuite(): void {
  suite('manifest in a real VS Code', () => {
    test('every contributed command is registered and in the Pi Security category', async () => {
      const ext = await activateExtension();
      const manifest = ext.packageJSON as Manifest;
      const registered = new Set(await vscode.commands.getCommands(true));
      const missing = manifest.contributes.commands.filter((c) => !registered.has(c.command)).map((c) => c.command);
      assert.deepEqual(missing, []);
      for (const c of manifest.contributes.commands) assert.equal(c.category, 'Pi Security', c.command);
    });

    test('every activation event names a contributed command or a workspace pattern', async () => {
      const ext = await activateExtension();
      const manifest = ext.packageJSON as Manifest;
      const commands = new Set(manifest.contributes.commands.map((c) => c.command));
      for (const event of manifest.activationEvents) {
        const ok = (event.startsWith('onCommand:') && commands.has(event.slice('onCommand:'.length))) || /^workspaceContains:\S+$/.test(event);
        assert.ok(ok, `invalid activation event ${event}`);
      }
    });

    test('every setting has a description', async () => {
      const ext = await activateExtension();
      const manifest = ext.packageJSON as Manifest;
      for (const [key, prop] of Object.entries(manifest.contributes.configuration.properties)) {
        assert.ok(prop.description && prop.description.length > 10, `${key} has no description`);
        assert.notEqual(vscode.workspace.getConfiguration().inspect(key), undefined, `${key} is not known to VS Code`);
      }
    });
  });
}
