/**
 * `npm run bench [-- --only AREA] [-- options]`: runs every `bench/AREA.ts` (each writes
 * `bench/results/AREA.json`). Options after `--` are passed through to each benchmark.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = __dirname;
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const passThrough = onlyIndex >= 0 ? [...args.slice(0, onlyIndex), ...args.slice(onlyIndex + 2)] : args;
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3))
  .filter((name) => !only || name === only)
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`== bench ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, `${name}.ts`), ...passThrough], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
