/**
 * Runs INSIDE the real VS Code extension host (code-server here, @vscode/test-electron on a desktop).
 * Exports run(): the suites are bundled into this file and registered after mocha's pre-require.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { defineDashboardsSuite } from './suite/dashboards';
import { defineFoundationSuite } from './suite/foundation';
import { defineManifestSuite } from './suite/manifest';
import { definePolicySuite } from './suite/policy';
import { defineScannerSuite } from './suite/scanner';
import { defineWaiverSuite } from './suite/waivers';
import { defineRiskSuite } from './suite/risk';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'pi-security-e2e', mocha);
  defineManifestSuite();
  defineFoundationSuite();
  defineScannerSuite();
  defineDashboardsSuite();
  definePolicySuite();
  defineWaiverSuite();
  defineRiskSuite();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      const total = mocha.suite.total();
      const summary = `${total - failures} passed, ${failures} failed`;
      console.log(`SUMMARY ${summary}`);
      const resultFile = process.env.TEST_RESULT_FILE_INNER ?? process.env.TEST_RESULT_FILE;
      if (resultFile) writeFileSync(resultFile, summary + '\n');
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
