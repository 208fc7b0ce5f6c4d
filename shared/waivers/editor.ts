/**
 * Editor texts for the waiver file (waivers.md §9): CodeLens titles, hovers, completion items and the
 * complete-waiver template used by the snippet and by "Add Waiver…". Pure functions over the
 * validation result; the server converts offsets to LSP positions.
 */
import { addDays, daysBetween, parseIsoDate } from '../common/dates';
import type { LocEntry, Span } from './locator';
import { PLAYBOOK_GATES, SCOPES, WAIVER_FIELDS, type EntryResult } from './model';
import type { WaiverFileResult } from './validate';
import { eolOf, lineStartAt } from './layout';

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

/** CodeLens title, exact forms of §9. */
export function lensTitle(w: EntryResult): string {
  const lanes = w.appliesIn.length > 0 ? w.appliesIn.join(', ') : 'none';
  const d = w.daysRemaining ?? 0;
  switch (w.status) {
    case 'active':
      return `active · ${days(d)} left · applies: ${lanes}`;
    case 'expiring_soon':
      return d === 0 ? `expiring soon · expires today · applies: ${lanes}` : `expiring soon · ${days(d)} left · applies: ${lanes}`;
    case 'expired':
      return `EXPIRED ${days(-d)} ago`;
    default:
      return `invalid: ${w.detail}`;
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayOf(date: string): string | undefined {
  const d = parseIsoDate(date);
  if (d === undefined) return undefined;
  // 1970-01-01 was a Thursday.
  return WEEKDAYS[(((d + 4) % 7) + 7) % 7];
}

export function relativeDays(today: string, date: string): string {
  const n = daysBetween(today, date);
  if (n === 0) return 'today';
  if (n === 1) return 'tomorrow';
  if (n === -1) return 'yesterday';
  return n > 0 ? `in ${n} days` : `${-n} days ago`;
}

const STATUS_LABEL: Record<EntryResult['status'], string> = {
  active: 'active',
  expiring_soon: 'expiring soon',
  expired: 'expired',
  invalid: 'invalid',
};

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The entry (waiver or quarantine) defined by the table key / header at `offset`. */
function entryAtHeader(result: WaiverFileResult, offset: number): EntryResult | undefined {
  for (const list of [result.waivers, result.quarantine]) {
    for (const e of list) {
      if (within(e.header, offset)) return e;
      const table = e.kind === 'waiver' ? 'waiver' : 'quarantine';
      for (const h of result.location.headers([table, e.id])) if (within(h.span, offset)) return e;
    }
  }
  return undefined;
}

/** Hover Markdown at `offset`, or null. */
export function hoverAt(result: WaiverFileResult, offset: number): { markdown: string; span: Span } | null {
  const entry = entryAtHeader(result, offset);
  if (entry) {
    const lines: string[] = [];
    if (entry.kind === 'waiver') {
      const gate = PLAYBOOK_GATES[entry.id];
      lines.push(`**Waiver for \`${entry.id}\`** — ${STATUS_LABEL[entry.status]}`);
      lines.push('');
      if (entry.daysRemaining !== undefined) lines.push(`- Days remaining: ${entry.daysRemaining}`);
      lines.push(`- Applies in: ${entry.appliesIn.length > 0 ? entry.appliesIn.join(', ') : 'none'}`);
      if (gate) lines.push(`- Gate: ${gate.name} (${gate.blocking ? 'blocking' : 'not blocking'})`);
      else lines.push(entry.knownGate ? '- Gate: known gate id (not in the playbook\'s gate table)' : '- Gate: unknown gate id; this waiver matches no gate');
      lines.push(`- ${entry.detail}`);
    } else {
      lines.push(`**Quarantine for \`${entry.id}\`** — ${STATUS_LABEL[entry.status]}`);
      lines.push('');
      if (entry.daysRemaining !== undefined) lines.push(`- Days remaining: ${entry.daysRemaining}`);
      lines.push(`- ${entry.detail}`);
    }
    return { markdown: lines.join('\n'), span: entry.header };
  }
  // A waiver / quarantine key: what the field means (waivers.md §2, §10).
  const k = result.location.entries.find((x) => x.key.start <= offset && offset <= x.key.end);
  if (k && (k.path[0] === 'waiver' || k.path[0] === 'quarantine') && k.path.length === 3) {
    const doc = (k.path[0] === 'waiver' ? WAIVER_FIELD_DOCS : QUARANTINE_FIELD_DOCS)[k.path[2]];
    if (doc) return { markdown: `**${k.path[2]}** — ${doc}`, span: k.key };
  }
  // A date value.
  const e = entryAtValue(result, offset);
  if (e && e.valueKind === 'string') {
    const key = e.path[e.path.length - 1];
    const value = e.raw.replace(/^["']|["']$/g, '');
    const weekday = weekdayOf(value);
    if ((key === 'created' || key === 'expires' || key === 'quarantined') && weekday) {
      return { markdown: `${weekday}, ${value} — ${relativeDays(result.today, value)} (today is ${result.today}, UTC)`, span: e.value };
    }
  }
  return null;
}

const WAIVER_FIELD_DOCS: Record<string, string> = {
  owner: 'required. The person or team responsible for removing the waiver.',
  created: 'required. Quoted `YYYY-MM-DD`, a real date, at most 1 day after today (UTC).',
  expires: 'required. Quoted `YYYY-MM-DD`, `created ≤ expires ≤ created + 30 days`. The waiver still applies on this day.',
  bead: 'required. The bead tracking the fix: `bd-` then lowercase letters/digits, optionally `.`-separated segments (e.g. `bd-1f42.4.4`).',
  reason: 'required. Why the gate is waived.',
  scope: 'required. `full`, `preflight` or `both`: the CI lanes where the waiver applies.',
  remove_when: 'required. An objective exit condition for removing the waiver.',
  renewal_note: 'optional. Why a renewal needed more time; the maximum duration from `created` stays 30 days.',
};

const QUARANTINE_FIELD_DOCS: Record<string, string> = {
  category: 'required. One of FLAKE-TIMING, FLAKE-ENV, FLAKE-NET, FLAKE-RES, FLAKE-EXT, FLAKE-LOGIC.',
  owner: 'required. Who fixes the flaky test.',
  quarantined: 'required. Quoted `YYYY-MM-DD`: when the test was quarantined.',
  expires: 'required. Quoted `YYYY-MM-DD`, at most 14 days after `quarantined`.',
  bead: 'required. The bead tracking the fix (`bd-…`).',
  evidence: 'required. How the flakiness was observed.',
  repro: 'required. How to reproduce it.',
  reason: 'required. Why the test is quarantined.',
  remove_when: 'required. An objective exit condition.',
};

function entryAtValue(result: WaiverFileResult, offset: number): LocEntry | undefined {
  return result.location.entries.find((e) => within(e.value, offset));
}

export type CompletionKind = 'gate' | 'key' | 'scope' | 'date' | 'snippet';

export interface WaiverCompletion {
  label: string;
  kind: CompletionKind;
  /** Plain text, or a snippet (`$1`, `${1:x}`) when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  detail?: string;
  /** Text range replaced by the item (offsets); defaults to the word at the cursor. */
  replace?: Span;
  sortText?: string;
}

const FIELD_SNIPPETS: Record<string, (today: string) => string> = {
  owner: () => 'owner = "${1:<owner>}"',
  created: (today) => `created = "\${1:${today}}"`,
  expires: (today) => `expires = "\${1:${addDays(today, 14)}}"`,
  bead: () => 'bead = "bd-${1:id}"',
  reason: () => 'reason = "${1:<reason>}"',
  scope: () => 'scope = "${1|full,preflight,both|}"',
  remove_when: () => 'remove_when = "${1:<objective exit condition>}"',
  renewal_note: () => 'renewal_note = "${1:<why more time is needed>}"',
};

/** The complete waiver text (§9 "Add Waiver…", README workflow 2): created = today, expires = today + 14. */
export function waiverTemplate(gate: string, owner: string, today: string, eol = '\n'): string {
  const q = (v: string): string => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return [
    `[waiver.${gate}]`,
    `owner = ${q(owner)}`,
    `created = "${today}"`,
    `expires = "${addDays(today, 14)}"`,
    'bead = "<bd-id>"',
    'reason = "<reason>"',
    'scope = "full"',
    'remove_when = "<objective exit condition>"',
  ].join(eol) + eol;
}

/** Snippet version of the template (tab stops on bead, reason, scope and remove_when). */
export function waiverSnippet(gate: string, today: string): string {
  return [
    `[waiver.\${1:${gate}}]`,
    'owner = "${2:<owner>}"',
    `created = "${today}"`,
    `expires = "${addDays(today, 14)}"`,
    'bead = "bd-${3:id}"',
    'reason = "${4:<reason>}"',
    'scope = "${5|full,preflight,both|}"',
    'remove_when = "${6:<objective exit condition>}"',
    '$0',
  ].join('\n');
}

/** Where the text for "Add Waiver…" goes: at the end, after exactly one blank line. */
export function appendWaiverEdit(text: string, entry: string): { offset: number; newText: string } {
  const eol = eolOf(text);
  if (text.length === 0) return { offset: 0, newText: entry };
  let sep = '';
  if (!text.endsWith('\n')) sep = eol + eol;
  else if (!/(\r?\n)\s*\r?\n$/.test(text)) sep = eol;
  return { offset: text.length, newText: sep + entry };
}

/** Finds the [table.id] table that holds `offset` (header form), by the last header at or before it. */
function tableAt(result: WaiverFileResult, offset: number): { path: string[]; fields: Set<string> } | undefined {
  let best: { path: string[]; start: number; entries: number[] } | undefined;
  for (const ct of result.location.containers) {
    if (ct.kind !== 'header') continue;
    if (ct.span.start <= offset && (!best || ct.span.start > best.start)) best = { path: ct.path, start: ct.span.start, entries: ct.entries };
  }
  if (!best) return undefined;
  const fields = new Set(best.entries.map((i) => result.location.entries[i].path.slice(best.path.length).join('.')));
  return { path: best.path, fields };
}

/** Completion at `offset` (§9): gate ids after `[waiver.`, missing keys at line start, scopes, dates. */
export function completionsAt(result: WaiverFileResult, offset: number, knownGates: readonly string[]): WaiverCompletion[] {
  const text = result.text;
  const ls = lineStartAt(text, offset);
  const before = text.slice(ls, offset);
  const today = result.today;

  const header = /^\s*\[\s*waiver\.([A-Za-z0-9_-]*)$/.exec(before);
  if (header) {
    const waived = new Set(result.waivers.map((w) => w.id));
    // When the file does not parse, fall back to the headers the locator found.
    for (const ct of result.location.containers) if (ct.path[0] === 'waiver' && ct.path.length === 2 && ct.span.start !== ls) waived.add(ct.path[1]);
    const start = offset - header[1].length;
    return knownGates
      .filter((g) => !waived.has(g))
      .map((g, i) => ({
        label: g,
        kind: 'gate' as const,
        insertText: g,
        snippet: false,
        detail: PLAYBOOK_GATES[g] ? `${PLAYBOOK_GATES[g].name}${PLAYBOOK_GATES[g].blocking ? ' (blocking)' : ''}` : 'gate id',
        replace: { start, end: offset },
        sortText: `${PLAYBOOK_GATES[g] ? '0' : '1'}${String(i).padStart(3, '0')}`,
      }));
  }

  const scope = /^\s*scope\s*=\s*"([^"]*)$/.exec(before);
  if (scope) {
    const start = offset - scope[1].length;
    return SCOPES.map((s) => ({ label: s, kind: 'scope' as const, insertText: s, snippet: false, replace: { start, end: offset } }));
  }

  const date = /^\s*(created|expires)\s*=\s*"([^"]*)$/.exec(before);
  if (date) {
    const start = offset - date[2].length;
    const table = tableAt(result, offset);
    const w = table && table.path[0] === 'waiver' ? result.waivers.find((x) => x.id === table.path[1]) : undefined;
    const items: [string, string][] = [
      [today, 'today (UTC)'],
      [addDays(today, 7), 'today + 7'],
      [addDays(today, 14), 'today + 14'],
    ];
    if (date[1] === 'expires' && w?.created) items.push([addDays(w.created, 30), 'latest allowed expiry (created + 30)']);
    return items.map(([d, detail], i) => ({
      label: d,
      kind: 'date' as const,
      insertText: d,
      snippet: false,
      detail: `${detail} · ${weekdayOf(d) ?? ''}`,
      replace: { start, end: offset },
      sortText: String(i),
    }));
  }

  // At the start of a line (only a partial key typed) inside a [waiver.X] table: the missing keys.
  const keyStart = /^\s*([A-Za-z_-]*)$/.exec(before);
  if (keyStart) {
    const table = tableAt(result, offset);
    const start = offset - keyStart[1].length;
    if (table && table.path[0] === 'waiver' && table.path.length === 2) {
      return [...WAIVER_FIELDS, 'renewal_note']
        .filter((k) => !table.fields.has(k))
        .map((k, i) => ({
          label: k,
          kind: 'key' as const,
          insertText: FIELD_SNIPPETS[k](today),
          snippet: true,
          detail: k === 'renewal_note' ? 'optional: why a renewal needed more time' : 'required waiver field',
          replace: { start, end: offset },
          sortText: String(i).padStart(2, '0'),
        }));
    }
    if (!table || table.path[0] === 'waiver' || before.trim() === '') {
      return [
        {
          label: 'waiver',
          kind: 'snippet',
          insertText: waiverSnippet('gate_id', today),
          snippet: true,
          detail: 'Complete waiver table (created = today, expires = today + 14)',
          replace: { start, end: offset },
        },
      ];
    }
  }
  return [];
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * Snippet for "Add Waiver…" (§9): owner prefilled, created = today, expires = today + 14, tab stops on
 * bead, reason and remove_when in turn. `__GATE__` stands for the gate id.
 */
export function addWaiverSnippet(owner: string, today: string, eol = '\n'): string {
  const q = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return [
    '[waiver.__GATE__]',
    `owner = "${escapeSnippet(q(owner))}"`,
    `created = "${today}"`,
    `expires = "${addDays(today, 14)}"`,
    'bead = "${1:<bd-id>}"',
    'reason = "${2:<reason>}"',
    'scope = "full"',
    'remove_when = "${3:<objective exit condition>}"',
  ].join(eol) + eol;
}
