/** One Markdown page per rule (`docs/rules/<ID>.md`), generated from the rule catalogue. */
import { RULES, RULEBOOK_VERSION, type CatalogueRule } from '../../shared/scanner/rules';
import type { GeneratedFile } from './types';

const TIER_LABEL = { critical: 'Critical (Error)', high: 'High (Warning)', medium: 'Medium (Information)', low: 'Low (Hint)' } as const;

function page(rule: CatalogueRule): string {
  return [
    `# ${rule.id} — ${rule.name}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Tier | ${TIER_LABEL[rule.tier]} |`,
    `| Family | ${rule.family} |`,
    `| Rulebook | ${RULEBOOK_VERSION} |`,
    '',
    '## What it detects',
    '',
    rule.summary,
    '',
    '## Message',
    '',
    rule.messageTemplate,
    '',
    '## Why it matters',
    '',
    rule.rationale,
    '',
    '## How to fix it',
    '',
    rule.remediation,
    '',
    '## Suppressing',
    '',
    rule.family === 'PARSE' || rule.family === 'SUP'
      ? `${rule.id} cannot be suppressed.`
      : `Add \`// pi-scan-allow ${rule.id} until YYYY-MM-DD -- reason\` above the line (or at its end). The reason is mandatory${rule.tier === 'critical' ? '; Critical findings should carry an expiry' : ''}.`,
    '',
  ].join('\n');
}

export function generateRuleDocs(): GeneratedFile[] {
  return RULES.map((rule) => ({ path: `docs/rules/${rule.id}.md`, content: page(rule) }));
}
