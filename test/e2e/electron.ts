/**
 * Runs the same extension-host suite with @vscode/test-electron on a desktop where VS Code can be
 * downloaded (not on CI machines here, which reach only package registries). Build first: npm run build.
 */
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'e2e', 'index.js'),
    launchArgs: [join(root, 'examples', 'workspace'), '--disable-extensions'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
