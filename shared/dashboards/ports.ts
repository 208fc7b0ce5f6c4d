/** Wiring of `DashboardPorts` to the other parts of the core (waivers, policy, scanner). */
import { join } from 'node:path';
import { DEFAULT_KNOWN_GATES } from '../settings/schema';
import { buildWaiverAudit } from '../waivers/audit';
import { validateWaiverFile } from '../waivers/validate';
import { readArtifact } from './artifacts';
import type { WaiverAudit } from './inputSchemas';

/** The waiver file the `waiver_lifecycle` gate reads (waivers.md §7), relative to the workspace. */
export const WAIVER_FILE = 'tests/suite_classification.toml';

export class WaiverFileUnreadableError extends Error {}

/** Computes the waiver audit from the workspace's waiver file now (the gate's source of truth). */
export function computeWaiverAudit(args: {
  workspace: string;
  today: string;
  nowMs: number;
  knownGates?: readonly string[];
  waiverFile?: string;
}): WaiverAudit {
  const rel = args.waiverFile ?? WAIVER_FILE;
  const read = readArtifact(join(args.workspace, rel));
  if (read.state === 'missing') return buildWaiverAudit({ result: null, sourcePath: rel, today: args.today, nowMs: args.nowMs });
  if (read.state !== 'present') {
    const why = read.state === 'directory' ? 'it is a directory' : read.state === 'too_large' ? `too large (${read.size} bytes)` : read.message;
    throw new WaiverFileUnreadableError(`Cannot read ${rel}: ${why}`);
  }
  const result = validateWaiverFile(read.text, { today: args.today, knownGates: args.knownGates ?? DEFAULT_KNOWN_GATES });
  return buildWaiverAudit({ result, sourcePath: rel, today: args.today, nowMs: args.nowMs });
}
