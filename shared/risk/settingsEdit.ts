/**
 * The "Apply to .pi/settings.json (shadow mode)" edit (risk.md §5.8): applies a calibration
 * `settings_patch` as minimal text edits that keep everything else of the file (comments, order,
 * formatting), or produces a new file when there is none.
 */
import { applyEdits, modify, parseTree, type Edit, type FormattingOptions, type ParseError } from 'jsonc-parser';
import type { SettingsPatch } from './report';

export interface SettingsTextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface SettingsEditResult {
  /** The edits against the given text (empty for a new file). */
  edits: SettingsTextEdit[];
  newText: string;
  created: boolean;
}

export class SettingsEditError extends Error {}

function detectFormatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}

/** Orders patch keys so that `enabled` and `enforce` come first, as the playbook shows them. */
function orderedEntries(patch: SettingsPatch['extensionRisk']): Array<[string, unknown]> {
  const first = ['enabled', 'enforce', 'rolloutPhase'];
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  return [...entries.filter(([k]) => first.includes(k)).sort((a, b) => first.indexOf(a[0]) - first.indexOf(b[0])), ...entries.filter(([k]) => !first.includes(k))];
}

export function computeSettingsEdit(text: string | null, patch: SettingsPatch): SettingsEditResult {
  const entries = orderedEntries(patch.extensionRisk);
  if (text === null || text.trim() === '') {
    const obj: Record<string, unknown> = {};
    for (const [k, v] of entries) obj[k] = v;
    return { edits: [], newText: JSON.stringify({ extensionRisk: obj }, null, 2) + '\n', created: true };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!tree || tree.type !== 'object') throw new SettingsEditError('.pi/settings.json does not contain a JSON object; fix it before applying the patch');
  if (errors.length > 0) throw new SettingsEditError(`.pi/settings.json has a syntax error at offset ${errors[0].offset}; fix it before applying the patch`);
  const formattingOptions = detectFormatting(text);
  const riskNode = tree.children?.find((c) => c.children?.[0]?.value === 'extensionRisk');
  if (riskNode === undefined) {
    // Insert the whole object after the last top-level property, touching nothing else.
    const obj: Record<string, unknown> = {};
    for (const [k, v] of entries) obj[k] = v;
    const unit = formattingOptions.insertSpaces ? ' '.repeat(formattingOptions.tabSize ?? 2) : '\t';
    const eol = formattingOptions.eol ?? '\n';
    const body = JSON.stringify(obj, null, unit).split('\n').join(eol + unit);
    const last = tree.children?.[tree.children.length - 1];
    const edit = last
      ? { offset: last.offset + last.length, length: 0, content: `,${eol}${unit}"extensionRisk": ${body}` }
      : { offset: tree.offset + 1, length: tree.length - 2, content: `${eol}${unit}"extensionRisk": ${body}${eol}` };
    return { edits: [edit], newText: text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length), created: false };
  }
  let current = text;
  const all: Edit[] = [];
  for (const [k, v] of entries) {
    const edits = modify(current, ['extensionRisk', k], v, { formattingOptions });
    current = applyEdits(current, edits);
    all.push(...edits);
  }
  // Edits are sequential; re-express them against the original text as one minimal replacement.
  const edits = all.length === 0 ? [] : [minimalReplacement(text, current)];
  return { edits, newText: current, created: false };
}

/** The smallest single replacement turning `a` into `b` (common prefix and suffix kept). */
export function minimalReplacement(a: string, b: string): SettingsTextEdit {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { offset: start, length: endA - start, content: b.slice(start, endB) };
}
