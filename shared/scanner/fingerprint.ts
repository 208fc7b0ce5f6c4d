/** Finding fingerprints (scanner.md §10): stable under edits elsewhere in the file. */
import { createHash } from 'node:crypto';

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function fingerprintOf(ruleId: string, relativePath: string, nodeText: string, k: number): string {
  const input = `${ruleId}\n${relativePath}\n${collapseWhitespace(nodeText)}\n${k}`;
  return createHash('sha256').update(input, 'utf8').digest('hex').slice(0, 16);
}

/**
 * Assigns fingerprints to the findings of one file, given in report order. `k` is the index of the
 * (rule, collapsed text) pair among the file's findings.
 */
export function assignFingerprints(relativePath: string, items: readonly { ruleId: string; nodeText: string }[]): string[] {
  const seen = new Map<string, number>();
  return items.map(({ ruleId, nodeText }) => {
    const collapsed = collapseWhitespace(nodeText);
    const key = `${ruleId}\n${collapsed}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return fingerprintOf(ruleId, relativePath, collapsed, k);
  });
}
