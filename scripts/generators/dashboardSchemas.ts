/** JSON Schemas of the dashboard artifacts, generated from their zod models (dashboards.md §2, §4). */
import { z } from 'zod';
import { compatDashboardSchema, COMPAT_SCHEMA_ID } from '../../shared/dashboards/compatSchema';
import { gateTableSchema, GATE_TABLE_SCHEMA_ID, declaredGateSchema } from '../../shared/dashboards/gateSchema';
import type { GeneratedFile } from './types';

function schemaFile(id: string, title: string, model: z.ZodType): GeneratedFile {
  const json = { $id: `${id}.schema.json`, title, ...(z.toJSONSchema(model, { io: 'input' }) as Record<string, unknown>) };
  return { path: `schemas/${id}.schema.json`, content: JSON.stringify(json, null, 2) + '\n' };
}

export function generateDashboardSchemas(): GeneratedFile[] {
  return [
    schemaFile(COMPAT_SCHEMA_ID, 'Security compatibility dashboard (and baseline)', compatDashboardSchema),
    schemaFile(GATE_TABLE_SCHEMA_ID, 'CI gate table', gateTableSchema),
    schemaFile('pi.ci.declared_gates.v1', 'Declared gates (piSecurity.gates.extra, pi-sec dashboard --gates-file)', z.array(declaredGateSchema)),
  ];
}
