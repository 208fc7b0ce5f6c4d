/** SARIF 2.1.0 output (scanner.md §11). */
import { RULES, RULEBOOK_VERSION } from '../rules';
import type { CatalogueRule } from '../rules';
import type { Tier } from '../types';
import type { ScanReport } from '../workspaceScan';

export const SARIF_LEVEL: Record<Tier, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'warning', medium: 'note', low: 'note' };
export const SECURITY_SEVERITY: Record<Tier, string> = { critical: '9.5', high: '7.5', medium: '5.0', low: '2.0' };

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: { name: string; version: string; semanticVersion: string; informationUri?: string; rules: unknown[] } };
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[];
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: 'utf16CodeUnits';
  results: unknown[];
}

function sarifRule(rule: CatalogueRule) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.name },
    fullDescription: { text: rule.rationale },
    help: { text: rule.remediation },
    defaultConfiguration: { level: SARIF_LEVEL[rule.tier] },
    properties: { tier: rule.tier, 'security-severity': SECURITY_SEVERITY[rule.tier], tags: ['security', rule.family] },
  };
}

/** `baseUri`: file URI of the folder paths are relative to (ends with `/`). */
export function buildSarif(report: ScanReport, toolVersion: string, baseUri: string): SarifLog {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const results = report.findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? -1,
      level: SARIF_LEVEL[f.tier],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeRelativeUri(f.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { 'piSec/v1': f.fingerprint },
      properties: { tier: f.tier, extensionId: f.extensionId },
    };
    if (f.suppression) result.suppressions = [{ kind: 'inSource', status: 'accepted', justification: f.suppression.reason }];
    return result;
  });
  const notifications = report.notifications.map((n) => {
    const out: Record<string, unknown> = { level: n.level === 'info' ? 'note' : n.level, message: { text: n.message } };
    if (n.file) out.locations = [{ physicalLocation: { artifactLocation: { uri: encodeRelativeUri(n.file), uriBaseId: '%SRCROOT%' } } }];
    return out;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pi-sec', version: toolVersion, semanticVersion: toolVersion, rules: RULES.map(sarifRule), properties: { rulebookVersion: RULEBOOK_VERSION } } as SarifRun['tool']['driver'] },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: baseUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function encodeRelativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
