/** `schemas/pi-settings.schema.json`, generated from the policy config zod model (policy.md §7). */
import { SETTINGS_SCHEMA_PATH, settingsJsonSchemaText } from '../../shared/policy/config/schemaFile';
import type { GeneratedFile } from './types';

export function generatePolicySchema(): GeneratedFile[] {
  return [{ path: SETTINGS_SCHEMA_PATH, content: settingsJsonSchemaText() }];
}
