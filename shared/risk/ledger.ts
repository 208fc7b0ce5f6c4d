/**
 * The hash-chained decision ledger (risk.md §3): append with eviction at `ledgerLimit` keeping the
 * chain verifiable through the anchor, the artifact and JSONL forms, verification (§3.6) and replay (§3.7).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, qnum, quantizeDeep, sha256Hex } from './canonical';
import type { LedgerArtifact, LedgerEntry, ReplayReport, UnhashedEntry, VerificationError, VerificationReport } from './ledgerSchema';
import { jsonlHeaderSchema, LEDGER_SCHEMA, ledgerArtifactSchema, ledgerEntrySchema, REPLAY_SCHEMA, VERIFICATION_SCHEMA } from './ledgerSchema';

export const HASH_PREFIX = `${LEDGER_SCHEMA}\n`;
export const EMPTY_DATA_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** hash = SHA-256(UTF-8(prefix + JCS(entry without "hash"))) (§3.3). */
export function entryHash(entryWithoutHash: Record<string, unknown>): string {
  return sha256Hex(HASH_PREFIX + canonicalJson(entryWithoutHash));
}

export function dataHashOf(hashes: readonly string[]): string {
  let s = '';
  for (const h of hashes) s += h + '\n';
  return sha256Hex(s);
}

/** The canonical text of a full entry (including `hash`), as written to JSONL. */
export function canonicalEntry(entry: LedgerEntry): string {
  return canonicalJson(entry);
}

const str = JSON.stringify;
/** Local copy of the quantiser (avoids a cross-module call in the hot path); equal to `qnum`. */
export function qn(x: number): string {
  if (Number.isInteger(x)) return x === 0 ? '0' : String(x);
  if (!Number.isFinite(x)) throw new RangeError(`non-finite number ${String(x)} cannot be canonicalised`);
  const p = x.toPrecision(12);
  // Fast path: a plain 12-digit decimal is already the shortest form of the quantised double once
  // trailing zeros are dropped (two such decimals never share a double). Exponent forms and
  // values that print differently in JS fall back to the exact conversion.
  if (p.indexOf('e') < 0) {
    const a = Math.abs(x);
    if (a >= 1e-6 && a < 1e21) {
      let end = p.length;
      if (p.indexOf('.') >= 0) {
        while (p.charCodeAt(end - 1) === 48) end--; // '0'
        if (p.charCodeAt(end - 1) === 46) end--; // '.'
      }
      const out = p.slice(0, end);
      return out === '-0' || out === '0' ? '0' : out;
    }
  }
  const q = Number(p);
  return q === 0 ? '0' : String(q);
}
void qnum;
const nullableNum = (x: number | null) => (x === null ? 'null' : qn(x));
const nullableStr = (x: string | null) => (x === null ? 'null' : str(x));

/**
 * JCS of an entry without `hash`, written out field by field in sorted key order. Equivalent to
 * `canonicalJson(body)` (a unit test checks this on generated entries) but several times faster,
 * which keeps the ledger append within its latency budget.
 */
export function canonicalEntryBody(e: Omit<LedgerEntry, 'hash'>): string {
  const l = e.expected_loss;
  const p = e.posterior;
  let contributors = '';
  for (let i = 0; i < e.top_contributors.length; i++) {
    const c = e.top_contributors[i];
    contributors += (i > 0 ? ',' : '') + '{"code":' + str(c.code) + ',"signed_impact":' + qn(c.signed_impact) + '}';
  }
  let triggers = '';
  for (let i = 0; i < e.triggers.length; i++) triggers += (i > 0 ? ',' : '') + str(e.triggers[i]);
  return (
    '{"band_state":' + str(e.band_state) +
    ',"blocked":' + (e.blocked ? 'true' : 'false') +
    ',"call_id":' + str(e.call_id) +
    ',"capability":' + str(e.capability) +
    ',"conformal_quantile":' + qn(e.conformal_quantile) +
    ',"conformal_residual":' + qn(e.conformal_residual) +
    ',"derived_state":' + str(e.derived_state) +
    ',"drift_detected":' + (e.drift_detected ? 'true' : 'false') +
    ',"e_process":' + nullableNum(e.e_process) +
    ',"e_threshold":' + qn(e.e_threshold) +
    ',"enforced":' + (e.enforced ? 'true' : 'false') +
    ',"expected_loss":{"allow":' + qn(l.allow) + ',"deny":' + qn(l.deny) + ',"harden":' + qn(l.harden) + ',"terminate":' + qn(l.terminate) + '}' +
    ',"explanation_level":' + str(e.explanation_level) +
    ',"explanation_summary":' + str(e.explanation_summary) +
    ',"extension_id":' + str(e.extension_id) +
    ',"fallback_reason":' + nullableStr(e.fallback_reason) +
    ',"log_e_process":' + nullableNum(e.log_e_process) +
    ',"loss_action":' + str(e.loss_action) +
    ',"method":' + str(e.method) +
    ',"outcome_error_code":' + nullableStr(e.outcome_error_code) +
    ',"outcome_residual":' + qn(e.outcome_residual) +
    ',"params_hash":' + str(e.params_hash) +
    ',"policy_profile":' + str(e.policy_profile) +
    ',"policy_reason":' + str(e.policy_reason) +
    ',"posterior":{"safe_fast":' + qn(p.safe_fast) + ',"suspicious":' + qn(p.suspicious) + ',"unsafe":' + qn(p.unsafe) + '}' +
    ',"prev_hash":' + nullableStr(e.prev_hash) +
    ',"risk_score":' + qn(e.risk_score) +
    ',"selected_action":' + str(e.selected_action) +
    ',"seq":' + qn(e.seq) +
    ',"top_contributors":[' + contributors + ']' +
    ',"triggers":[' + triggers + ']' +
    ',"ts_ms":' + qn(e.ts_ms) +
    '}'
  );
}

export class RiskLedger {
  private buf: LedgerEntry[] = [];
  private start = 0;
  private anchor: string | null = null;
  private lastHash: string | null = null;
  private nextSeq = 1;
  private evicted = 0;
  /** Sum of canonical entry sizes (characters, including `hash`) of every entry ever appended. */
  private bytes = 0;
  private appended = 0;

  private readonly hashing: boolean;
  private readonly sizeEvery: number;

  /**
   * `options.hashing` false is the calibration decision pass's metrics-only mode: no hashes and no
   * retained entries; entry sizes are still measured (every `sizeEvery`-th entry, exactly as the
   * full ledger would serialise it) for `ledger_bytes_estimate`.
   */
  constructor(readonly limit: number, options: { hashing?: boolean; sizeEvery?: number } = {}) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`ledger limit must be a positive integer, got ${limit}`);
    this.hashing = options.hashing ?? true;
    this.sizeEvery = Math.max(1, Math.trunc(options.sizeEvery ?? 1));
  }

  get hashed(): boolean {
    return this.hashing;
  }

  /** Whether the next append needs a full entry (always when hashing; else on a size sample). */
  wantsEntry(): boolean {
    return this.hashing || (this.nextSeq - 1) % this.sizeEvery === 0;
  }

  /** Metrics-only: advances `seq` without an entry (only valid when {@link wantsEntry} is false). */
  skip(): number {
    if (this.wantsEntry()) throw new Error('skip() is only allowed when no entry is needed');
    const seq = this.nextSeq++;
    this.evicted = Math.max(0, this.nextSeq - 1 - this.limit);
    return seq;
  }

  append(unhashed: UnhashedEntry): LedgerEntry {
    const u = unhashed;
    // A fixed literal shape (no spread) keeps the hot path monomorphic.
    const entry: LedgerEntry = {
      seq: this.nextSeq, ts_ms: u.ts_ms, extension_id: u.extension_id, call_id: u.call_id, capability: u.capability, method: u.method,
      params_hash: u.params_hash, policy_profile: u.policy_profile, policy_reason: u.policy_reason, risk_score: u.risk_score,
      posterior: u.posterior, expected_loss: u.expected_loss, loss_action: u.loss_action, band_state: u.band_state,
      selected_action: u.selected_action, blocked: u.blocked, enforced: u.enforced, derived_state: u.derived_state,
      triggers: u.triggers, fallback_reason: u.fallback_reason, log_e_process: u.log_e_process, e_process: u.e_process,
      e_threshold: u.e_threshold, conformal_residual: u.conformal_residual, conformal_quantile: u.conformal_quantile,
      outcome_residual: u.outcome_residual, drift_detected: u.drift_detected, outcome_error_code: u.outcome_error_code,
      explanation_level: u.explanation_level, explanation_summary: u.explanation_summary, top_contributors: u.top_contributors,
      prev_hash: this.lastHash, hash: '',
    };
    if (!this.hashing) {
      // Metrics-only: measure the size the full ledger would write (prev_hash and hash are 64 hex).
      if ((this.nextSeq - 1) % this.sizeEvery === 0) {
        this.bytes += canonicalEntryBody(entry).length + 74 + (this.nextSeq > 1 ? 62 : 0);
        this.appended++;
      }
      this.nextSeq++;
      this.evicted = Math.max(0, this.nextSeq - 1 - this.limit);
      return entry;
    }
    const canonical = canonicalEntryBody(entry);
    const hash = createHash('sha256').update(HASH_PREFIX).update(canonical).digest('hex');
    entry.hash = hash;
    this.bytes += canonical.length + 74; // `,"hash":"<64 hex>"`
    this.appended++;
    this.nextSeq++;
    this.lastHash = hash;
    this.buf.push(entry);
    while (this.buf.length - this.start > this.limit) {
      this.anchor = this.buf[this.start].hash;
      this.start++;
      this.evicted++;
    }
    if (this.start > 1024 && this.start * 2 > this.buf.length) {
      this.buf = this.buf.slice(this.start);
      this.start = 0;
    }
    return entry;
  }

  get size(): number {
    return this.buf.length - this.start;
  }
  get evictedCount(): number {
    return this.evicted;
  }
  get anchorHash(): string | null {
    return this.anchor;
  }
  get tailHash(): string | null {
    return this.lastHash;
  }
  /** Mean canonical entry size over all appended (or, metrics-only, sampled) entries (0 when none). */
  get meanEntryBytes(): number {
    return this.appended === 0 ? 0 : this.bytes / this.appended;
  }

  entries(): LedgerEntry[] {
    return this.buf.slice(this.start);
  }

  dataHash(): string {
    const hashes: string[] = [];
    for (let i = this.start; i < this.buf.length; i++) hashes.push(this.buf[i].hash);
    return dataHashOf(hashes);
  }

  artifact(generatedAtMs = 0): LedgerArtifact {
    const entries = this.entries().map((e) => quantizeDeep(e));
    return {
      schema: LEDGER_SCHEMA,
      generated_at_ms: generatedAtMs,
      entry_count: entries.length,
      first_seq: entries.length > 0 ? entries[0].seq : null,
      evicted_count: this.evicted,
      anchor_hash: this.anchor,
      head_hash: entries.length > 0 ? entries[0].hash : null,
      tail_hash: entries.length > 0 ? entries[entries.length - 1].hash : null,
      data_hash: this.dataHash(),
      entries,
    };
  }

  /** JSONL form: a header line, then one canonical entry per line (§3.4). */
  toJsonl(): string {
    const entries = this.entries();
    const header = canonicalJson({ schema: LEDGER_SCHEMA, anchor_hash: this.anchor, first_seq: entries.length > 0 ? entries[0].seq : this.nextSeq });
    return [header, ...entries.map(canonicalEntry)].join('\n') + '\n';
  }
}

// ---------------------------------------------------------------------------------------------
// Verification (§3.6)

type RawEntry = Record<string, unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function zodMessage(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(entry)'}: ${i.message}`).join('; ');
}

interface ChainInput {
  entries: unknown[];
  anchor: string | null;
  firstSeq: number | null;
  /** Entry-level problems found while reading (e.g. a JSONL line that is not JSON), by index. */
  unreadable: Map<number, string>;
}

function verifyChain(input: ChainInput, errors: VerificationError[]): string[] {
  const { entries } = input;
  const hashes: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const unreadable = input.unreadable.get(i);
    if (unreadable !== undefined) {
      errors.push({ index: i, code: 'entry_invalid', message: unreadable });
      hashes.push('');
      continue;
    }
    const raw = entries[i];
    if (!isRecord(raw)) {
      errors.push({ index: i, code: 'entry_invalid', message: 'entry is not an object' });
      hashes.push('');
      continue;
    }
    const parsed = ledgerEntrySchema.safeParse(raw);
    if (!parsed.success) errors.push({ index: i, code: 'entry_invalid', message: zodMessage(parsed.error.issues) });
    const e = raw as RawEntry;
    const seq = typeof e.seq === 'number' ? e.seq : NaN;
    const prev = e.prev_hash;
    const stored = typeof e.hash === 'string' ? e.hash : '';
    hashes.push(stored);
    if (seq === 1 && prev !== null) errors.push({ index: i, code: 'genesis_mismatch', message: 'seq 1 must have prev_hash null' });
    if (seq > 1 && prev === null) errors.push({ index: i, code: 'genesis_mismatch', message: `seq ${seq} has prev_hash null` });
    if (i === 0) {
      if (input.firstSeq !== null && input.firstSeq !== seq) errors.push({ index: 0, code: 'seq_gap', message: `first_seq ${input.firstSeq} ≠ entries[0].seq ${String(e.seq)}` });
      if ((prev ?? null) !== input.anchor) errors.push({ index: 0, code: 'anchor_mismatch', message: `prev_hash ${String(prev)} ≠ anchor_hash ${String(input.anchor)}` });
    } else {
      const before = entries[i - 1];
      if (isRecord(before)) {
        if (typeof before.seq === 'number' && seq !== before.seq + 1) errors.push({ index: i, code: 'seq_gap', message: `seq ${String(e.seq)} follows ${before.seq}` });
        if (prev !== before.hash) errors.push({ index: i, code: 'prev_hash_mismatch', message: `prev_hash ≠ hash of entry ${i - 1}` });
      }
    }
    const { hash: _omit, ...rest } = e;
    void _omit;
    let recomputed = '';
    try {
      recomputed = entryHash(rest);
    } catch (err) {
      errors.push({ index: i, code: 'entry_invalid', message: err instanceof Error ? err.message : String(err) });
    }
    if (recomputed !== stored) errors.push({ index: i, code: 'hash_mismatch', message: `recomputed ${recomputed || '(none)'} ≠ stored ${stored || '(none)'}` });
  }
  return hashes;
}

function report(entryCount: number, computed: string, errors: VerificationError[]): VerificationReport {
  return { schema: VERIFICATION_SCHEMA, valid: errors.length === 0, entry_count: entryCount, computed_data_hash: computed, errors };
}

/** Verifies an artifact object (§3.4) and collects every error. */
export function verifyArtifact(artifact: unknown): VerificationReport {
  const errors: VerificationError[] = [];
  if (!isRecord(artifact)) return report(0, EMPTY_DATA_HASH, [{ index: null, code: 'schema_mismatch', message: 'the ledger artifact is not a JSON object' }]);
  if (artifact.schema !== LEDGER_SCHEMA) errors.push({ index: null, code: 'schema_mismatch', message: `unknown schema ${JSON.stringify(artifact.schema) ?? 'undefined'}` });
  const header = ledgerArtifactSchema.safeParse(artifact);
  if (!header.success) {
    const other = header.error.issues.filter((i) => i.path[0] !== 'schema');
    if (other.length > 0) errors.push({ index: null, code: 'schema_mismatch', message: `malformed artifact: ${zodMessage(other)}` });
  }
  const entries = Array.isArray(artifact.entries) ? artifact.entries : [];
  const first = entries[0];
  const firstRec = isRecord(first) ? first : undefined;
  const last = entries[entries.length - 1];
  const lastRec = isRecord(last) ? last : undefined;
  const anchor = typeof artifact.anchor_hash === 'string' ? artifact.anchor_hash : null;
  const firstSeq = typeof artifact.first_seq === 'number' ? artifact.first_seq : null;
  if (artifact.entry_count !== entries.length) errors.push({ index: null, code: 'entry_count_mismatch', message: `entry_count ${String(artifact.entry_count)} ≠ ${entries.length} entries` });
  const head = firstRec ? firstRec.hash : null;
  const tail = lastRec ? lastRec.hash : null;
  if ((artifact.head_hash ?? null) !== (head ?? null)) errors.push({ index: entries.length > 0 ? 0 : null, code: 'head_hash_mismatch', message: `head_hash ≠ hash of the first entry` });
  if ((artifact.tail_hash ?? null) !== (tail ?? null)) errors.push({ index: entries.length > 0 ? entries.length - 1 : null, code: 'tail_hash_mismatch', message: `tail_hash ≠ hash of the last entry` });
  if (entries.length === 0 && firstSeq !== null) errors.push({ index: null, code: 'seq_gap', message: 'first_seq must be null for an empty ledger' });
  if (typeof artifact.evicted_count === 'number' && firstSeq !== null && artifact.evicted_count + 1 !== firstSeq) {
    errors.push({ index: null, code: 'seq_gap', message: `first_seq ${firstSeq} ≠ evicted_count ${artifact.evicted_count} + 1` });
  }
  if (typeof artifact.evicted_count === 'number' && (artifact.evicted_count === 0) !== (anchor === null)) {
    errors.push({ index: null, code: 'anchor_mismatch', message: 'anchor_hash must be null exactly when nothing was evicted' });
  }
  const hashes = verifyChain({ entries, anchor, firstSeq, unreadable: new Map() }, errors);
  const computed = dataHashOf(hashes);
  if (artifact.data_hash !== computed) errors.push({ index: null, code: 'data_hash_mismatch', message: `data_hash ${String(artifact.data_hash)} ≠ computed ${computed}` });
  return report(entries.length, computed, errors);
}

/** Verifies the JSONL form (§3.4): optional header, one entry per line; header-only checks do not apply. */
export function verifyJsonl(text: string): VerificationReport {
  const errors: VerificationError[] = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const entries: unknown[] = [];
  const unreadable = new Map<number, string>();
  let anchor: string | null | undefined;
  let firstSeq: number | null | undefined;
  lines.forEach((line, lineNo) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      unreadable.set(entries.length, `line ${lineNo + 1}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
      entries.push(undefined);
      return;
    }
    if (lineNo === 0 && isRecord(value) && 'schema' in value && !('hash' in value)) {
      const h = jsonlHeaderSchema.safeParse(value);
      if (!h.success) {
        if (value.schema !== LEDGER_SCHEMA) errors.push({ index: null, code: 'schema_mismatch', message: `unknown schema ${JSON.stringify(value.schema)}` });
        else errors.push({ index: null, code: 'schema_mismatch', message: `malformed header: ${zodMessage(h.error.issues)}` });
      }
      anchor = typeof value.anchor_hash === 'string' ? value.anchor_hash : null;
      firstSeq = typeof value.first_seq === 'number' ? value.first_seq : null;
      return;
    }
    entries.push(value);
  });
  const first = entries[0];
  if (anchor === undefined) anchor = isRecord(first) && typeof first.prev_hash === 'string' ? first.prev_hash : null;
  if (firstSeq === undefined) firstSeq = isRecord(first) && typeof first.seq === 'number' ? first.seq : null;
  const hashes = verifyChain({ entries, anchor, firstSeq: entries.length > 0 ? firstSeq : null, unreadable }, errors);
  return report(entries.length, dataHashOf(hashes), errors);
}

/** Verifies ledger text in either form: an artifact JSON document or JSONL. */
export function verifyLedgerText(text: string): VerificationReport {
  let whole: unknown;
  let parsed = false;
  try {
    whole = JSON.parse(text);
    parsed = true;
  } catch {
    parsed = false;
  }
  if (parsed) {
    if (isRecord(whole) && ('entries' in whole || 'entry_count' in whole)) return verifyArtifact(whole);
    return verifyJsonl(text);
  }
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? '';
  let firstOk = false;
  try {
    firstOk = isRecord(JSON.parse(firstLine));
  } catch {
    firstOk = false;
  }
  if (!firstOk) {
    return report(0, EMPTY_DATA_HASH, [{ index: null, code: 'schema_mismatch', message: 'not a ledger: neither a JSON artifact nor JSONL entries' }]);
  }
  return verifyJsonl(text);
}

/** Reads the entries of ledger text (artifact or JSONL) without verifying. */
function entriesOf(text: string): LedgerEntry[] {
  try {
    const whole = JSON.parse(text) as unknown;
    if (isRecord(whole) && Array.isArray(whole.entries)) return whole.entries as LedgerEntry[];
  } catch {
    // JSONL
  }
  const out: LedgerEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const v = JSON.parse(line) as unknown;
    if (isRecord(v) && 'hash' in v) out.push(v as LedgerEntry);
  }
  return out;
}

export class LedgerInvalidError extends Error {
  constructor(readonly verification: VerificationReport) {
    super(
      `ledger is not valid: ${verification.errors
        .slice(0, 3)
        .map((e) => `[${e.index ?? '-'}] ${e.code}: ${e.message}`)
        .join('; ')}${verification.errors.length > 3 ? ` (+${verification.errors.length - 3} more)` : ''}`,
    );
  }
}

/** Replay (§3.7): verifies first, then projects each entry to a step. */
export function replayLedgerText(text: string): ReplayReport {
  const v = verifyLedgerText(text);
  if (!v.valid) throw new LedgerInvalidError(v);
  const entries = entriesOf(text);
  return {
    schema: REPLAY_SCHEMA,
    source_data_hash: v.computed_data_hash,
    entry_count: entries.length,
    tail_hash: entries.length > 0 ? entries[entries.length - 1].hash : null,
    steps: entries.map((e) => ({
      seq: e.seq,
      ts_ms: e.ts_ms,
      extension_id: e.extension_id,
      call_id: e.call_id,
      capability: e.capability,
      method: e.method,
      policy_reason: e.policy_reason,
      selected_action: e.selected_action,
      loss_action: e.loss_action,
      band_state: e.band_state,
      blocked: e.blocked,
      derived_state: e.derived_state,
      risk_score: e.risk_score,
      triggers: e.triggers,
      explanation_level: e.explanation_level,
      explanation_summary: e.explanation_summary,
      fallback_reason: e.fallback_reason,
      drift_detected: e.drift_detected,
    })),
  };
}
