/**
 * Workspace inputs of calibration shared by the CLI and the language server: the effective
 * `extensionRisk` configuration and policy (read through the policy layer, which owns config
 * parsing, clamps and CFG-* diagnostics) and the trace files.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { EnvMap } from '../common/env';
import type { EffectivePolicy } from '../policy/effective';
import { evaluate } from '../policy/evaluate';
import { resolvePolicy } from '../policy/resolve';
import { createSecretBroker } from '../policy/secrets';
import type { CalibrationTrace } from './calibrate';
import type { RiskConfig } from './config';
import type { SecretClassifier } from './signals';
import type { PolicyResolver } from './simulate';

/** Trace files larger than this are refused (a clear error instead of exhausting memory). */
export const MAX_TRACE_BYTES = 512 * 1024 * 1024;

export interface RiskWorkspaceInput {
  projectDir: string | null;
  env: EnvMap;
  homeDir: string;
  cwd: string;
  globalDir?: string | null;
}

export interface RiskWorkspace {
  policy: EffectivePolicy;
  /** The effective `extensionRisk` (env > project > global > default). */
  config: RiskConfig;
  resolver: PolicyResolver;
  isSecret: SecretClassifier;
}

export function riskConfigOf(policy: EffectivePolicy): RiskConfig {
  const r = policy.extensionRisk;
  return {
    enabled: r.enabled,
    enforce: r.enforce,
    alpha: r.alpha,
    windowSize: r.windowSize,
    ledgerLimit: r.ledgerLimit,
    decisionTimeoutMs: r.decisionTimeoutMs,
    failClosed: r.failClosed,
    rolloutPhase: r.rolloutPhase,
    rollbackTrigger: { ...r.rollbackTrigger },
  };
}

export function loadRiskWorkspace(input: RiskWorkspaceInput): RiskWorkspace {
  const { policy } = resolvePolicy({ env: input.env, projectDir: input.projectDir, homeDir: input.homeDir, cwd: input.cwd, globalDir: input.globalDir ?? null });
  const broker = createSecretBroker(policy.secretBroker);
  const profile = policy.profile.effective;
  return {
    policy,
    config: riskConfigOf(policy),
    resolver: (capability, extensionId) => {
      const e = evaluate(policy, capability, extensionId);
      return { decision: e.decision, reason: e.reason, profile };
    },
    isSecret: (name) => broker.classify(name).secret,
  };
}

export class TraceFileError extends Error {}

/** POSIX path relative to `base` (or absolute when outside it), as shown in reports. */
export function displayTracePath(abs: string, base: string): string {
  const rel = relative(base, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return abs.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** Reads trace files; a missing, unreadable, non-regular or oversized file is a {@link TraceFileError}. */
export function readTraceFiles(paths: readonly string[], cwd: string, displayBase: string = cwd): CalibrationTrace[] {
  return paths.map((p) => {
    const abs = resolve(cwd, p);
    let size: number;
    try {
      const st = statSync(abs);
      if (!st.isFile()) throw new TraceFileError(`${p}: not a regular file`);
      size = st.size;
    } catch (err) {
      if (err instanceof TraceFileError) throw err;
      throw new TraceFileError(`${p}: trace file not found or unreadable (${err instanceof Error ? err.message : String(err)})`);
    }
    if (size > MAX_TRACE_BYTES) throw new TraceFileError(`${p}: ${size} bytes exceeds the ${MAX_TRACE_BYTES}-byte trace limit; split the trace`);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      throw new TraceFileError(`${p}: cannot read (${err instanceof Error ? err.message : String(err)})`);
    }
    return { path: displayTracePath(abs, displayBase), text };
  });
}
