/** Renders a ScanReport as `pi.sec.scan_result.v1`, human text and the scanner summary (scanner.md §11, dashboards.md §3). */
import { rfc3339 } from '../../common/clock';
import type { LocatedFinding } from '../fileScan';
import type { PolicySummary } from '../policyOracle';
import { RULEBOOK_VERSION } from '../rules';
import { topFindings, type ScanReport, type UnitResult } from '../workspaceScan';
import type { EvidenceEntry, FindingJson, ScanResultJson, ScanSummaryExtension, ScanSummaryJson } from './schemas';

export interface OutputMeta {
  toolVersion: string;
  nowMs: number;
}

/** Used when the scan ran without an effective policy (POL rules off). */
export const NO_POLICY: PolicySummary = { profile: 'safe', profileSource: 'default', allowDangerous: false };

function policyJson(report: ScanReport) {
  const p = report.policy ?? NO_POLICY;
  return { profile: p.profile, profile_source: p.profileSource, allow_dangerous: p.allowDangerous };
}

export function findingJson(f: LocatedFinding): FindingJson {
  return {
    rule_id: f.ruleId,
    tier: f.tier,
    message: f.message,
    remediation: f.remediation,
    file: f.file,
    line: f.line,
    column: f.column,
    end_line: f.endLine,
    end_column: f.endColumn,
    extension_id: f.extensionId,
    fingerprint: f.fingerprint,
    evasion: f.evasion,
    also_matched: f.alsoMatched,
    suppression: f.suppression ? { reason: f.suppression.reason, until: f.suppression.until, line: f.suppression.line, file_level: f.suppression.fileLevel } : null,
  };
}

export function buildScanResult(report: ScanReport, meta: OutputMeta): ScanResultJson {
  return {
    schema: 'pi.sec.scan_result.v1',
    generated_at: rfc3339(meta.nowMs),
    tool: { name: 'pi-sec', version: meta.toolVersion, rulebook_version: RULEBOOK_VERSION },
    policy: policyJson(report),
    extensions: report.units.map((u) => ({
      extension_id: u.extensionId,
      root: u.root,
      files: u.files.length,
      verdict: u.verdict,
      counts: u.counts,
      capabilities: u.capabilities,
    })),
    findings: report.findings.map(findingJson),
    notifications: report.notifications.map((n) => ({ ...n })),
  };
}

export function summaryEntry(u: UnitResult): ScanSummaryExtension {
  return {
    extension_id: u.extensionId,
    root: u.root,
    files: u.files.length,
    skipped_symlinks: u.skippedSymlinks,
    verdict: u.verdict,
    counts: u.counts,
    suppressed: u.suppressed,
    parse: u.parse,
    capabilities: u.capabilities,
    exec_commands: u.execCommands,
    env_reads: u.envReads,
    top_findings: topFindings(u).map((f) => ({ rule_id: f.ruleId, tier: f.tier, file: f.file, line: f.line, message: f.message })),
  };
}

export function buildScanSummary(report: ScanReport, meta: OutputMeta): ScanSummaryJson {
  const extensions = report.units.map(summaryEntry);
  const sum = (f: (u: UnitResult) => number) => report.units.reduce((n, u) => n + f(u), 0);
  return {
    schema: 'pi.sec.scan_summary.v1',
    generated_at: rfc3339(meta.nowMs),
    tool: { version: meta.toolVersion, rulebook_version: RULEBOOK_VERSION },
    policy: policyJson(report),
    totals: {
      extensions: report.units.length,
      files: sum((u) => u.files.length),
      recommendations: {
        block: sum((u) => (u.verdict.recommendation === 'block' ? 1 : 0)),
        review: sum((u) => (u.verdict.recommendation === 'review' ? 1 : 0)),
        allow: sum((u) => (u.verdict.recommendation === 'allow' ? 1 : 0)),
      },
      findings_by_tier: {
        critical: sum((u) => u.counts.critical),
        high: sum((u) => u.counts.high),
        medium: sum((u) => u.counts.medium),
        low: sum((u) => u.counts.low),
      },
      compat_errors: sum((u) => u.counts.compat_errors),
      compat_warnings: sum((u) => u.counts.compat_warnings),
      suppressed: sum((u) => u.suppressed.total),
      expired_suppressions: sum((u) => u.suppressed.expired),
      tolerant_parses: sum((u) => u.parse.tolerant.length),
      scan_failures: sum((u) => u.parse.scan_failed.length),
    },
    extensions,
  };
}

/** Human output: findings, one verdict line per extension, then the closing line (scanner.md §11). */
export function renderHuman(report: ScanReport): string {
  const lines: string[] = [];
  let suppressed = 0;
  for (const f of report.findings) {
    if (f.suppression) {
      suppressed++;
      continue;
    }
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.tier} ${f.ruleId} ${f.message}`);
  }
  for (const u of report.units) lines.push(`${u.extensionId ?? '(no extension)'}: ${u.verdict.text}`);
  const count = (r: string) => report.units.filter((u) => u.verdict.recommendation === r).length;
  lines.push(
    `${report.fileCount} file(s), ${report.findings.length} finding(s) (${suppressed} suppressed), ${count('block')} block, ${count('review')} review, ${count('allow')} allow`,
  );
  return lines.join('\n') + '\n';
}

/** Status bar text of an extension (README workflow 1): `{id}: {RECOMMENDATION} {score}`. */
export function statusTextOf(u: { extensionId: string | null; verdict: { recommendation: string; score: number } }): string {
  return `${u.extensionId ?? '(no extension)'}: ${u.verdict.recommendation.toUpperCase()} ${u.verdict.score}`;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Read-only Markdown view of one scanner-summary entry (`piSecurity/extensionSummary`). */
export function renderSummaryMarkdown(e: ScanSummaryExtension): string {
  const out: string[] = [];
  out.push(`# ${e.extension_id ?? '(no extension)'} — ${e.verdict.recommendation.toUpperCase()} ${e.verdict.score}/100`, '');
  out.push(`${e.verdict.text}`, '');
  out.push(`Root: \`${e.root}\` · ${e.files} file(s)${e.skipped_symlinks.length ? ` · skipped symlinks: ${e.skipped_symlinks.map((s) => `\`${s}\``).join(', ')}` : ''}`, '');
  out.push('| critical | high | medium | low | compat errors | compat warnings |', '|---|---|---|---|---|---|');
  out.push(`| ${e.counts.critical} | ${e.counts.high} | ${e.counts.medium} | ${e.counts.low} | ${e.counts.compat_errors} | ${e.counts.compat_warnings} |`, '');
  out.push('## Capabilities', '');
  if (e.capabilities.length === 0) out.push('None inferred.', '');
  else {
    out.push('| capability | decision | reason | layer | sites | first |', '|---|---|---|---|---|---|');
    for (const c of e.capabilities) out.push(`| ${c.capability} | ${c.decision} | ${c.reason} | ${c.layer} | ${c.sites} | ${mdCell(`${c.first.file}:${c.first.line}:${c.first.column}`)} |`);
    out.push('');
  }
  if (e.exec_commands.length > 0) {
    out.push('## Commands', '', '| file | line | command | classes | decision |', '|---|---|---|---|---|');
    for (const c of e.exec_commands) out.push(`| ${mdCell(c.file)} | ${c.line} | \`${mdCell(c.preview)}\` | ${c.classes.join(', ') || '—'} | ${c.decision} |`);
    out.push('');
  }
  if (e.env_reads.length > 0) {
    out.push('## Environment reads', '', '| name | secret | match | file | line |', '|---|---|---|---|---|');
    for (const r of e.env_reads) out.push(`| ${mdCell(r.name)} | ${r.secret ? 'yes' : 'no'} | ${r.match ?? '—'} | ${mdCell(r.file)} | ${r.line} |`);
    out.push('');
  }
  out.push('## Top findings', '');
  if (e.top_findings.length === 0) out.push('None.', '');
  else {
    for (const f of e.top_findings) out.push(`- **${f.tier}** \`${f.rule_id}\` ${mdCell(f.file)}:${f.line} — ${mdCell(f.message)}`);
    out.push('');
  }
  out.push(`Suppressed: ${e.suppressed.total} (expired: ${e.suppressed.expired}) · tolerant parses: ${e.parse.tolerant.length} · strip failures: ${e.parse.strip_failed.length} · scan failures: ${e.parse.scan_failed.length}`, '');
  return out.join('\n');
}

/** `--evidence-jsonl`: one line per finding in report order; no snippets, no values (scanner.md §11). */
export function buildEvidenceJsonl(report: ScanReport): string {
  return report.findings
    .map((f, i) => {
      const entry: EvidenceEntry = {
        schema: 'pi.sec.evidence.v1',
        entry_index: i,
        extension_id: f.extensionId,
        rule_id: f.ruleId,
        tier: f.tier,
        file: f.file,
        line: f.line,
        column: f.column,
        fingerprint: f.fingerprint,
        suppressed: f.suppression !== null,
        rulebook_version: RULEBOOK_VERSION,
      };
      return JSON.stringify(entry) + '\n';
    })
    .join('');
}
