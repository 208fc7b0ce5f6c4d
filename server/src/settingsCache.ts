/** Settings cached per resource, fetched with `workspace/configuration` and dropped on change. */
import type { Connection } from 'vscode-languageserver';
import { parseSettings, SETTINGS_SECTION, type PiSecuritySettings } from '../../shared/settings/schema';

export class SettingsCache {
  private readonly byResource = new Map<string, Promise<PiSecuritySettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly supportsConfiguration: () => boolean,
  ) {}

  get(resource: string): Promise<PiSecuritySettings> {
    let cached = this.byResource.get(resource);
    if (!cached) {
      cached = this.fetch(resource);
      this.byResource.set(resource, cached);
    }
    return cached;
  }

  clear(): void {
    this.byResource.clear();
  }

  forget(resource: string): void {
    this.byResource.delete(resource);
  }

  private async fetch(resource: string): Promise<PiSecuritySettings> {
    if (!this.supportsConfiguration()) return parseSettings({});
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: resource, section: SETTINGS_SECTION });
      return parseSettings(raw);
    } catch {
      return parseSettings({});
    }
  }
}
