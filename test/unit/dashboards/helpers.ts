/**
 * Test helpers for the dashboards. `tablePolicy` is a test double of the evaluator port that follows
 * policy.md §4 literally for a handful of knobs, so the dashboard logic can be tested on its own;
 * the wiring to the real `shared/policy` is tested separately.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CompatDecisionResult, CompatEvaluator, CompatPolicyPort } from '../../../shared/dashboards/compat';
import type { CompatProfile } from '../../../shared/dashboards/compatSchema';
import type { WaiverAudit } from '../../../shared/dashboards/inputSchemas';
import type { DashboardPorts } from '../../../shared/dashboards/generate';
import { HOST_GATE_ARTIFACTS } from '../../../shared/dashboards/gates';
import { computeWaiverAudit } from '../../../shared/dashboards/ports';
import { scanSummary } from './fixtures';

export interface TableConfig {
  allowDangerous?: boolean;
  perExtension?: Record<string, { allow?: string[]; deny?: string[]; mode?: 'strict' | 'prompt' | 'permissive' }>;
  /** Extra global deny entries (not a real config key; lets a test break benign checks). */
  extraDeny?: string[];
}

const DEFAULTS = ['read', 'write', 'http', 'events', 'session'];

export function tablePolicy(config: TableConfig = {}, mode: 'configured' | 'presets' = 'configured'): CompatPolicyPort {
  return {
    mode,
    configSources: mode === 'presets' ? [] : [{ layer: 'project', path: '.pi/settings.json', exists: true }],
    evaluatorFor(profile: CompatProfile): CompatEvaluator {
      const deny = new Set([...(config.allowDangerous ? [] : ['exec', 'env']), ...(config.extraDeny ?? [])]);
      const per: Record<string, { allow?: string[]; deny?: string[]; mode?: string }> = {
        ...(config.perExtension ?? {}),
        'benign-test-ext': { allow: ['read', 'write', 'http'] },
      };
      return (cap: string, ext: string | null): CompatDecisionResult => {
        const ov = ext === null ? undefined : per[ext];
        if (ov?.deny?.includes(cap)) return { decision: 'deny', reason: 'extension_deny', layer: 1 };
        if (deny.has(cap)) return { decision: 'deny', reason: 'deny_caps', layer: 2 };
        if (ov?.allow?.includes(cap)) return { decision: 'allow', reason: 'extension_allow', layer: 3 };
        if (DEFAULTS.includes(cap)) return { decision: 'allow', reason: 'default_caps', layer: 4 };
        const m = ov?.mode ?? (profile === 'safe' ? 'strict' : 'prompt');
        if (m === 'strict') return { decision: 'deny', reason: 'not_in_default_caps', layer: 5 };
        if (m === 'prompt') return { decision: 'prompt', reason: 'prompt_required', layer: 5 };
        return { decision: 'allow', reason: 'permissive', layer: 5 };
      };
    },
  };
}

export function tempDir(prefix = 'pi-dash-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function put(root: string, rel: string, content: string | Buffer): string {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, content);
  return p;
}

export function putJson(root: string, rel: string, value: unknown): string {
  return put(root, rel, JSON.stringify(value, null, 2) + '\n');
}

/** A computed waiver audit, as the waiver validator would produce it. */
export function audit(partial: Partial<WaiverAudit> = {}): WaiverAudit {
  const waivers = partial.waivers ?? [];
  const count = (s: string) => waivers.filter((w) => w.status === s).length;
  const base: WaiverAudit = {
    schema: 'pi.ci.waiver_audit.v1',
    generated_at: '2026-02-20T12:00:00.000Z',
    today: '2026-02-20',
    source: waivers.length ? { path: 'tests/suite_classification.toml', sha256: '0'.repeat(64) } : null,
    parse_error: null,
    max_duration_days: 30,
    expiring_soon_days: 3,
    total_waivers: waivers.length,
    active: count('active'),
    expired: count('expired'),
    expiring_soon: count('expiring_soon'),
    invalid: count('invalid'),
    waivers,
    raw_waivers: [],
    gate_verdict: { gate_id: 'waiver_lifecycle', status: 'pass', detail: waivers.length ? `${waivers.length} active waiver(s)` : 'No waivers' },
  };
  return { ...base, ...partial };
}

export const NOW = Date.parse('2026-02-20T12:00:00.000Z');

export const WAIVER_TOML = `[waiver.ext_must_pass]
owner = "TopazForest"
created = "2026-02-10"
expires = "2026-03-05"
bead = "bd-1f42.4.4"
reason = "Extension conformance blocked by upstream runtime bug"
scope = "both"
remove_when = "Runtime fix merged and all must-pass extensions pass"

[waiver.ext_provider_compat]
owner = "TopazForest"
created = "2026-02-15"
expires = "2026-02-22"
bead = "bd-1f42.4.6"
reason = "Provider shim pending"
scope = "preflight"
remove_when = "Shim released"
`;

export function sampleWorkspace(): string {
  const root = tempDir();
  put(root, 'tests/suite_classification.toml', WAIVER_TOML);
  putJson(root, HOST_GATE_ARTIFACTS.conformanceRegression, { status: 'pass' });
  putJson(root, HOST_GATE_ARTIFACTS.extMustPass, { status: 'fail', blocking_failures: 2 });
  put(root, HOST_GATE_ARTIFACTS.nonMockUnit, '{"rubric": "ok"}\n');
  putJson(root, HOST_GATE_ARTIFACTS.conformanceSummary, { pass_rate_pct: 86.2, counts: { total: 224, pass: 193, fail: 21, na: 10 } });
  return root;
}

export function ports(workspace: string, config: TableConfig = {}, nowMs = NOW): DashboardPorts {
  return {
    scanSummary: (at) => scanSummary(at),
    waiverAudit: (_at, today) => computeWaiverAudit({ workspace, today, nowMs }),
    compatPolicy: (presetsOnly) => tablePolicy(presetsOnly ? {} : config, presetsOnly ? 'presets' : 'configured'),
    secretsCoverage: () => ({ covered: 119, total: 121, coverage_pct: 98.3 }),
  };
}

