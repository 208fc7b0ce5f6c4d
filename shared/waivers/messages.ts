/**
 * Exact messages of waivers.md §4, parametrised for the quarantine twins of §10 (`Waiver` → `Quarantine`,
 * `waiver` → `quarantine entry`, `created` → `quarantined`, 30-day → 14-day, fix the gate → fix the test).
 */
import {
  EXPIRING_SOON_DAYS,
  MAX_DURATION_DAYS,
  QUARANTINE_CATEGORIES,
  QUARANTINE_FIELDS,
  QUARANTINE_MAX_DAYS,
  QUARANTINE_SOON_DAYS,
  WAIVER_FIELDS,
  WAIVER_OPTIONAL_FIELDS,
} from './model';

export interface EntryKind {
  kind: 'waiver' | 'quarantine';
  prefix: 'WVR' | 'QRN';
  table: 'waiver' | 'quarantine';
  required: readonly string[];
  optional: readonly string[];
  createdKey: 'created' | 'quarantined';
  maxDays: number;
  soonDays: number;
  Noun: string;
  noun: string;
  fixWhat: string;
}

export const WAIVER_KIND: EntryKind = {
  kind: 'waiver',
  prefix: 'WVR',
  table: 'waiver',
  required: WAIVER_FIELDS,
  optional: WAIVER_OPTIONAL_FIELDS,
  createdKey: 'created',
  maxDays: MAX_DURATION_DAYS,
  soonDays: EXPIRING_SOON_DAYS,
  Noun: 'Waiver',
  noun: 'waiver',
  fixWhat: 'gate',
};

export const QUARANTINE_KIND: EntryKind = {
  kind: 'quarantine',
  prefix: 'QRN',
  table: 'quarantine',
  required: QUARANTINE_FIELDS,
  optional: [],
  createdKey: 'quarantined',
  maxDays: QUARANTINE_MAX_DAYS,
  soonDays: QUARANTINE_SOON_DAYS,
  Noun: 'Quarantine',
  noun: 'quarantine entry',
  fixWhat: 'test',
};

export const msg = {
  syntax: (parserMessage: string) => `TOML syntax error: ${parserMessage}`,
  duplicate: (id: string) => `Duplicate waiver for gate "${id}"; a gate can have only one waiver`,
  notTable: (k: EntryKind, id: string | null) => `"${id === null ? k.table : `${k.table}.${id}`}" must be a table of string fields`,
  missing: (keys: readonly string[]) => `Missing required field(s): ${keys.join(', ')}`,
  notStringDate: (key: string, date: string) => `"${key}" must be a quoted string: write ${key} = "${date}"`,
  notString: (key: string, found: string) => `"${key}" must be a string; found ${found}`,
  empty: (key: string) => `"${key}" must not be empty`,
  placeholder: (key: string, value: string) => `"${key}" still contains the template placeholder "${value}"`,
  unknownKey: (k: EntryKind, key: string, id: string) =>
    `Unknown key "${key}" in ${k.noun} "${id}" (allowed: ${[...k.required, ...k.optional].join(', ')})`,
  unknownGate: (id: string, nearest: string | undefined) =>
    `Unknown gate "${id}"; this waiver matches no gate${nearest ? `; did you mean "${nearest}"?` : ''}`,
  self: () => 'waiver_lifecycle cannot be waived; this waiver is never applied',
  quarantineKey: (id: string) => `Quarantine key "${id}" should contain only letters, digits and underscores (^[A-Za-z0-9_]+$)`,
  dateFormat: (key: string, value: string) => `"${key}" must be a date in YYYY-MM-DD form; found "${value}"`,
  dateInvalid: (key: string, value: string) => `"${key}" is not a real calendar date: "${value}"`,
  scope: (value: string) => `Invalid scope "${value}" (expected one of: full, preflight, both)`,
  category: (value: string) => `Invalid category "${value}" (expected one of: ${QUARANTINE_CATEGORIES.join(', ')})`,
  bead: (value: string) =>
    `"bead" must look like bd-<id> (lowercase letters and digits, dot-separated segments), e.g. bd-1f42.4.4; found "${value}"`,
  dateOrder: (k: EntryKind, created: string, expires: string) => `expires (${expires}) is before ${k.createdKey} (${created})`,
  duration: (k: EntryKind, days: number, created: string, expires: string) =>
    `${k.Noun} duration ${days} days exceeds the ${k.maxDays}-day maximum (${k.createdKey} ${created}, expires ${expires})`,
  createdFuture: (created: string) => `created (${created}) is in the future; a waiver starts no later than tomorrow (UTC)`,
  expired: (k: EntryKind, d: number, owner: string, bead: string) =>
    `${k.Noun} expired ${-d} day(s) ago (owner: ${owner}, bead: ${bead}); renew it with a new ${k.createdKey} date or fix the ${k.fixWhat}`,
  expiring: (k: EntryKind, d: number, owner: string, bead: string) =>
    d === 0
      ? `${k.Noun} expires today (UTC), action required (owner: ${owner}, bead: ${bead})`
      : `${k.Noun} expires in ${d} day(s), action required (owner: ${owner}, bead: ${bead})`,
  active: (d: number) => `Active; expires in ${d} day(s)`,
  suiteShape: (name: string) => `"suite.${name}.files" must be an array of non-empty strings`,
  suiteNotTable: (name: string) => `"suite.${name}" must be a table with files = ["<test stem>", …]`,
  suiteDupSame: (stem: string, name: string) => `Test "${stem}" is listed more than once in suite.${name}`,
  suiteDupOther: (stem: string, first: string, name: string) => `Test "${stem}" is listed in both suite.${first} and suite.${name}`,
  suiteMissing: (name: string) => `Missing [suite.${name}] table`,
};
