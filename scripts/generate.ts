/**
 * Writes every generated file (manifest settings, rule docs, JSON schemas). With `--check` it writes
 * nothing and exits 1 when a committed file is out of date; the unit tests run the check.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDashboardSchemas } from './generators/dashboardSchemas';
import { generateManifest } from './generators/manifest';
import { generatePolicySchema } from './generators/policySchema';
import { generateRuleDocs } from './generators/ruleDocs';
import type { GeneratedFile } from './generators/types';

export const ROOT = join(__dirname, '..');

export function allGeneratedFiles(root = ROOT): GeneratedFile[] {
  return [...generateManifest(root), ...generateRuleDocs(), ...generatePolicySchema(), ...generateDashboardSchemas()];
}

export function staleFiles(root = ROOT): string[] {
  return allGeneratedFiles(root)
    .filter((f) => !existsSync(join(root, f.path)) || readFileSync(join(root, f.path), 'utf8') !== f.content)
    .map((f) => f.path);
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length) {
      console.error(`Out of date (run npm run gen): ${stale.join(', ')}`);
      process.exit(1);
    }
  } else {
    for (const f of allGeneratedFiles()) {
      mkdirSync(dirname(join(ROOT, f.path)), { recursive: true });
      writeFileSync(join(ROOT, f.path), f.content);
    }
  }
}
