/** `contributes.configuration` in package.json, generated from the zod settings schema. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SETTINGS_SECTION, settingsShape } from '../../shared/settings/schema';
import type { GeneratedFile } from './types';

export function configurationProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsShape)) {
    const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    delete json.$schema;
    const { description, ...rest } = json;
    properties[`${SETTINGS_SECTION}.${key}`] = { ...rest, default: (schema as z.ZodType).parse(undefined), description, scope: key === 'trace.server' ? 'window' : 'resource' };
  }
  return properties;
}

export function generateManifest(root: string): GeneratedFile[] {
  const path = `${root}/package.json`;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { contributes: { configuration: { properties: unknown } } };
  manifest.contributes.configuration.properties = configurationProperties();
  return [{ path: 'package.json', content: JSON.stringify(manifest, null, 2) + '\n' }];
}
