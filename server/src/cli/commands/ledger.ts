/** `pi-sec ledger verify F` and `pi-sec ledger replay F` (risk.md §3.6, §3.7). */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { prettyJson } from '../../../../shared/common/json';
import { LedgerInvalidError, replayLedgerText, verifyLedgerText } from '../../../../shared/risk/ledger';
import { EXIT, InputError, UsageError, type CliCommand, type CliIO, type ParsedCommandLine } from '../types';

const MAX_LEDGER_BYTES = 512 * 1024 * 1024;

function readLedger(args: ParsedCommandLine, io: CliIO, usage: string): { path: string; text: string; format: 'human' | 'json' } {
  if (args.positionals.length !== 1) throw new UsageError(usage);
  const format = typeof args.values.format === 'string' ? args.values.format : 'human';
  if (format !== 'human' && format !== 'json') throw new UsageError(`--format must be human or json, got "${format}"`);
  const path = args.positionals[0];
  const abs = resolve(io.cwd, path);
  try {
    const st = statSync(abs);
    if (!st.isFile()) throw new InputError(`${path}: not a regular file`);
    if (st.size > MAX_LEDGER_BYTES) throw new InputError(`${path}: ${st.size} bytes exceeds the ${MAX_LEDGER_BYTES}-byte limit`);
    return { path, text: readFileSync(abs, 'utf8'), format };
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: ledger file not found or unreadable (${err instanceof Error ? err.message : String(err)})`);
  }
}

const VERIFY_USAGE = 'Usage: pi-sec ledger verify F [--format human|json]';
const REPLAY_USAGE = 'Usage: pi-sec ledger replay F [--format human|json]';

export const ledgerVerifyCommand: CliCommand = {
  name: 'ledger verify',
  summary: 'Verify a risk ledger artifact or JSONL (hash chain, anchors, counts)',
  usage: VERIFY_USAGE,
  options: { format: { type: 'string' } },
  run(args, io) {
    const { path, text, format } = readLedger(args, io, VERIFY_USAGE);
    const v = verifyLedgerText(text);
    if (format === 'json') io.stdout(prettyJson(v));
    else {
      io.stdout(`${path}: ${v.valid ? 'valid' : 'NOT VALID'} (${v.entry_count} entries, data hash ${v.computed_data_hash})\n`);
      for (const e of v.errors) io.stdout(`  [${e.index === null ? '-' : `entry ${e.index}`}] ${e.code}: ${e.message}\n`);
    }
    return v.valid ? EXIT.ok : EXIT.checkFailed;
  },
};

export const ledgerReplayCommand: CliCommand = {
  name: 'ledger replay',
  summary: 'Verify a risk ledger, then print its decisions step by step',
  usage: REPLAY_USAGE,
  options: { format: { type: 'string' } },
  run(args, io) {
    const { path, text, format } = readLedger(args, io, REPLAY_USAGE);
    try {
      const r = replayLedgerText(text);
      if (format === 'json') io.stdout(prettyJson(r));
      else {
        io.stdout(`${path}: ${r.entry_count} entries, tail ${r.tail_hash ?? 'none'}\n`);
        for (const s of r.steps) {
          io.stdout(`  #${s.seq} ${s.ts_ms} ${s.extension_id} ${s.method} → ${s.selected_action}${s.blocked ? ' (blocked)' : ''} score ${s.risk_score.toFixed(3)} [${s.triggers.join(', ') || 'no triggers'}]\n`);
        }
      }
      return EXIT.ok;
    } catch (err) {
      if (err instanceof LedgerInvalidError) {
        if (format === 'json') io.stdout(prettyJson(err.verification));
        io.stderr(`pi-sec: ${path}: ${err.message}\n`);
        return EXIT.checkFailed;
      }
      throw err;
    }
  },
};
