/** `pi-sec scan --expect`: SLO-02 detection and SLO-03 false-positive measurement (scanner.md §9.3). */
import { rfc3339 } from '../../common/clock';
import { compareBytewise } from '../../common/paths';
import type { FileScanResult } from '../fileScan';
import { RULEBOOK_VERSION } from '../rules';
import { createTargetResolver } from '../suppressions';
import type { ScanReport } from '../workspaceScan';
import type { ScannerSloJson } from './schemas';

export const SLO02_MIN = 0.95;
export const SLO03_MAX = 0.05;

const EXPECT = /^\s*pi-expect:\s*(.*?)\s*$/s;

export interface Expectation {
  file: string;
  /** 1-based line. */
  line: number;
  /** Rule ids, or empty for `clean`. */
  rules: string[];
}

/** `// pi-expect: RULE[, RULE]` or `// pi-expect: clean` comments of one scanned file. */
export function expectationsOf(file: FileScanResult): Expectation[] {
  const resolve = createTargetResolver({ comments: file.comments, codeText: file.text, lines: file.lines });
  const out: Expectation[] = [];
  for (const comment of file.comments) {
    const m = EXPECT.exec(comment.text);
    if (!m) continue;
    const target = resolve(comment);
    if (target === null) continue;
    const body = m[1].trim();
    const rules = body === 'clean' ? [] : body.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    out.push({ file: file.relativePath, line: target + 1, rules });
  }
  return out;
}

function rulesOnLine(file: FileScanResult, line: number): Set<string> {
  const ids = new Set<string>();
  for (const hit of [...file.activeHits, ...file.suppressedHits]) {
    if (file.lines.positionAt(hit.start).line + 1 === line) ids.add(hit.ruleId);
  }
  return ids;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function buildSloReport(adversarial: ScanReport | null, benign: ScanReport | null, nowMs: number): ScannerSloJson {
  const perRule = new Map<string, { expected: number; found: number }>();
  const misses: ScannerSloJson['misses'] = [];
  let expected = 0;
  let satisfied = 0;
  for (const unit of adversarial?.units ?? []) {
    for (const file of unit.files) {
      for (const exp of expectationsOf(file)) {
        if (exp.rules.length === 0) continue;
        const found = rulesOnLine(file, exp.line);
        for (const rule of exp.rules) {
          const entry = perRule.get(rule) ?? { expected: 0, found: 0 };
          entry.expected++;
          expected++;
          if (found.has(rule)) {
            entry.found++;
            satisfied++;
          } else misses.push({ file: exp.file, line: exp.line, rule });
          perRule.set(rule, entry);
        }
      }
    }
  }
  const fpUnits: ScannerSloJson['false_positive_units'] = [];
  const benignUnits = benign?.units ?? [];
  for (const unit of benignUnits) {
    const offending: string[] = [];
    for (const file of unit.files) {
      for (const hit of file.activeHits) {
        if (hit.tier === 'critical' || hit.tier === 'high') offending.push(`${hit.ruleId} ${file.relativePath}:${file.lines.positionAt(hit.start).line + 1}`);
      }
      for (const exp of expectationsOf(file)) {
        if (exp.rules.length > 0) continue;
        for (const rule of rulesOnLine(file, exp.line)) offending.push(`${rule} ${file.relativePath}:${exp.line} (clean expected)`);
      }
    }
    if (offending.length > 0) fpUnits.push({ extension_id: unit.extensionId, findings: [...new Set(offending)] });
  }
  const detection = expected === 0 ? 1 : round6(satisfied / expected);
  const fpr = benignUnits.length === 0 ? 0 : round6(fpUnits.length / benignUnits.length);
  misses.sort((a, b) => compareBytewise(a.file, b.file) || a.line - b.line || compareBytewise(a.rule, b.rule));
  return {
    schema: 'pi.sec.scanner_slo.v1',
    generated_at: rfc3339(nowMs),
    rulebook_version: RULEBOOK_VERSION,
    detection_rate: detection,
    false_positive_rate: fpr,
    slo02_min: SLO02_MIN,
    slo03_max: SLO03_MAX,
    pass: detection >= SLO02_MIN && fpr <= SLO03_MAX,
    per_rule: [...perRule.entries()].sort(([a], [b]) => compareBytewise(a, b)).map(([rule, v]) => ({ rule, ...v })),
    misses,
    false_positive_units: fpUnits,
  };
}

export function renderSloHuman(slo: ScannerSloJson): string {
  const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
  const lines = [
    `detection rate (SLO-02): ${pct(slo.detection_rate)} (floor ${pct(slo.slo02_min)}) ${slo.detection_rate >= slo.slo02_min ? 'ok' : 'FAIL'}`,
    `false-positive rate (SLO-03): ${pct(slo.false_positive_rate)} (ceiling ${pct(slo.slo03_max)}) ${slo.false_positive_rate <= slo.slo03_max ? 'ok' : 'FAIL'}`,
  ];
  for (const m of slo.misses) lines.push(`miss: ${m.file}:${m.line}: ${m.rule}`);
  for (const u of slo.false_positive_units) lines.push(`false positive: ${u.extension_id ?? '(no extension)'}: ${u.findings.join('; ')}`);
  lines.push(slo.pass ? 'SLO pass' : 'SLO FAIL');
  return lines.join('\n') + '\n';
}
