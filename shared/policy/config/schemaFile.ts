/** The committed JSON Schema file for `.pi/settings.json` (generated from the zod model). */
import { generateSettingsJsonSchema } from './model';

export const SETTINGS_SCHEMA_PATH = 'schemas/pi-settings.schema.json';

export function settingsJsonSchemaText(): string {
  return JSON.stringify(generateSettingsJsonSchema(), null, 2) + '\n';
}
