/**
 * `npm run bench [-- --only AREA] [-- options]`: runs every `bench/AREA.ts` (each writes
 * `bench/results/AREA.json`). Options after `--` are passed through to each benchmark.
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
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
/**
 * The scanner benchmark compares our code with third-party tools, so it times our code as shipped:
 * bundled by esbuild with the CLI's options and run by plain node (tsx's module wrappers would add
 * a getter call to every cross-module call).
 */
function runBundled(name: string): ReturnType<typeof spawnSync> {
  const root = join(dir, '..');
  const outfile = join(root, 'out', 'bench', `${name}.cjs`);
  buildSync({
    absWorkingDir: root,
    entryPoints: [join(dir, `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    keepNames: false,
    logLevel: 'warning',
    external: ['eslint', 'eslint-plugin-security'],
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  });
  return spawnSync(process.execPath, [outfile, ...passThrough], { stdio: 'inherit', env: { ...process.env, PI_SEC_BENCH_ROOT: root } });
}

let failed = 0;
for (const name of benches) {
  console.log(`== bench ${name}`);
  const r = name === 'scanner' ? runBundled(name) : spawnSync(process.execPath, ['--import', 'tsx', join(dir, `${name}.ts`), ...passThrough], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
