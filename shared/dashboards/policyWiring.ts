/**
 * Wiring of the dashboards to the policy evaluator (`shared/policy`): the compatibility checks'
 * port, the scanner's policy oracle and SLO-07 coverage. Until the evaluator is part of the build,
 * the integration is absent and the commands that need it say so.
 */
import type { PolicyOracle } from '../scanner/policyOracle';
import type { CompatPolicyPort } from './compat';
import type { SecretsCoverage } from './slo';

export interface PolicyIntegration {
  compatPolicy(presetsOnly: boolean): CompatPolicyPort;
  /** The workspace's effective policy for the scanner summary (env and overrides honoured). */
  oracle(): PolicyOracle | undefined;
  secretsCoverage(): SecretsCoverage | null;
}

export interface PolicyWiringOptions {
  workspace: string;
  globalDir?: string | null;
  homeDir: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function policyIntegration(_opts: PolicyWiringOptions): PolicyIntegration | null {
  return null;
}
