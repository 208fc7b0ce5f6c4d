/**
 * Resolves the effective policy from every configuration source (policy.md §6): CLI > env >
 * project > global > default, merged per field (§6.2), failing closed on unreadable config (§6.1).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { EnvMap } from '../common/env';
import { asciiLower, isDangerous, sortCapabilities } from './capabilities';
import { lazyDiagnostic, loadConfigText, pathKey, sortDiagnostics, type ConfigDiagnostic, type ConfigFormat, type LoadedConfig } from './config/load';
import {
  buildIndex,
  type ConfigLayer,
  type ConfigSourceInfo,
  type DangerousOptInAudit,
  type EffectivePolicy,
  type ExtensionRiskSettings,
  type PerExtensionOverride,
  type PolicyWarning,
  type RolloutPhase,
} from './effective';
import { normalizeProfile, PROFILES, QUOTA_KEYS, type Mode, type Quota, type Tier } from './profiles';
import { DEFAULT_REDACTION_PLACEHOLDER, DEFAULT_SECRET_EXACT, DEFAULT_SECRET_PREFIXES, DEFAULT_SECRET_SUFFIXES } from './secrets';
import { RISK_DEFAULTS as RISK_MODEL_DEFAULTS, RISK_RANGES } from '../risk/config';

export interface CliPolicyOptions {
  profile?: string;
  /** `--extension-policy` (default) or `piSecurity.policy.profileOverride`. */
  profileDetail?: string;
  allowDangerous?: boolean;
  allowDangerousDetail?: string;
}

export interface ResolveInput {
  env: EnvMap;
  /** Workspace / `--project-dir`; null = no project layer. */
  projectDir: string | null;
  /** `--global-dir` / `piSecurity.policy.globalConfigDir` (empty = unset). */
  globalDir?: string | null;
  homeDir: string;
  /** Base for a relative `PI_CONFIG_PATH`. */
  cwd: string;
  cli?: CliPolicyOptions;
  /** Reads a file; returns null when it does not exist. May throw when unreadable. Defaults to fs. */
  readFile?: (absPath: string) => string | null;
}

export interface ConfigFileState {
  layer: ConfigLayer;
  format: ConfigFormat;
  absPath: string;
  /** Display path: project-relative, `~/…` for the home folder, or as given. */
  path: string;
  exists: boolean;
  error?: string;
  loaded: LoadedConfig | null;
  /** File-local diagnostics plus CFG-008 and CFG-013 (which need other files / the effective policy), in document order. */
  readonly diagnostics: ConfigDiagnostic[];
  /** CFG-008 and CFG-013 added by the resolution. */
  extra: ConfigDiagnostic[];
}

export interface Resolution {
  policy: EffectivePolicy;
  files: ConfigFileState[];
}

// The risk model's defaults and ranges live with the risk controller; the policy layer only reads them.
const { rollbackTrigger: ROLLBACK_DEFAULTS, ...RISK_DEFAULTS } = RISK_MODEL_DEFAULTS;

/** Env variables of the risk layer (policy.md §6.1). */
const RISK_ENV: readonly { name: string; field: keyof typeof RISK_DEFAULTS; kind: 'bool' | 'number' | 'integer'; min?: number; max?: number }[] = [
  { name: 'PI_EXTENSION_RISK_ENABLED', field: 'enabled', kind: 'bool' },
  { name: 'PI_EXTENSION_RISK_ENFORCE', field: 'enforce', kind: 'bool' },
  { name: 'PI_EXTENSION_RISK_ALPHA', field: 'alpha', kind: 'number', ...RISK_RANGES.alpha },
  { name: 'PI_EXTENSION_RISK_WINDOW', field: 'windowSize', kind: 'integer', ...RISK_RANGES.windowSize },
  { name: 'PI_EXTENSION_RISK_LEDGER_LIMIT', field: 'ledgerLimit', kind: 'integer', ...RISK_RANGES.ledgerLimit },
  { name: 'PI_EXTENSION_RISK_DECISION_TIMEOUT_MS', field: 'decisionTimeoutMs', kind: 'integer', ...RISK_RANGES.decisionTimeoutMs },
  { name: 'PI_EXTENSION_RISK_FAIL_CLOSED', field: 'failClosed', kind: 'bool' },
];

export function parseEnvBoolean(v: string): boolean | null {
  const t = asciiLower(v.trim());
  if (t === '1' || t === 'true' || t === 'yes' || t === 'on') return true;
  if (t === '0' || t === 'false' || t === 'no' || t === 'off') return false;
  return null;
}

function defaultReadFile(p: string): string | null {
  try {
    return readFileSync(p, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** The global config folder: explicit dir, else `$PI_CODING_AGENT_DIR`, else `~/.pi/agent`. */
export function globalConfigDir(input: Pick<ResolveInput, 'globalDir' | 'env' | 'homeDir'>): string {
  if (input.globalDir && input.globalDir.trim() !== '') return input.globalDir;
  const envDir = input.env.PI_CODING_AGENT_DIR;
  if (envDir !== undefined && envDir.trim() !== '') return envDir;
  return join(input.homeDir, '.pi', 'agent');
}

function displayPath(abs: string, input: ResolveInput, layer: ConfigLayer, given?: string): string {
  if (layer === 'config_path' && given !== undefined) return given;
  const posix = (p: string): string => (sep === '/' ? p : p.split(sep).join('/'));
  if (layer === 'project' && input.projectDir) {
    const rel = relative(input.projectDir, abs);
    if (!rel.startsWith('..') && !isAbsolute(rel)) return posix(rel);
  }
  const relHome = relative(input.homeDir, abs);
  if (!relHome.startsWith('..') && !isAbsolute(relHome)) return `~/${posix(relHome)}`;
  return posix(abs);
}

interface FileLayer {
  layer: ConfigLayer;
  files: ConfigFileState[];
}

function loadFile(abs: string, format: ConfigFormat, layer: ConfigLayer, input: ResolveInput, read: (p: string) => string | null, given?: string): ConfigFileState {
  const state = {
    layer, format, absPath: abs, path: displayPath(abs, input, layer, given), exists: false, loaded: null as LoadedConfig | null, extra: [] as ConfigDiagnostic[],
    get diagnostics(): ConfigDiagnostic[] {
      return sortDiagnostics([...(state.loaded?.pending ?? []), ...state.extra]);
    },
  } as ConfigFileState;
  let text: string | null;
  try {
    text = read(abs);
  } catch (error) {
    state.exists = true;
    state.error = `unreadable: ${error instanceof Error ? error.message : String(error)}`;
    return state;
  }
  if (text === null) return state;
  state.exists = true;
  state.loaded = loadConfigText(text, format);
  if (state.loaded.syntaxError) state.error = state.loaded.syntaxError.message;
  return state;
}

/** Merged leaves of one config layer: JSON wins over TOML per field (CFG-008). */
interface LayerValues {
  layer: ConfigLayer;
  leaves: Map<string, { value: unknown; file: ConfigFileState }>;
}

function mergeLayer(fl: FileLayer): LayerValues {
  const leaves = new Map<string, { value: unknown; file: ConfigFileState }>();
  const json = fl.files.find((f) => f.format === 'json');
  const toml = fl.files.find((f) => f.format === 'toml');
  for (const f of [toml, json]) {
    if (!f?.loaded || f.loaded.syntaxError) continue;
    for (const [k, leaf] of f.loaded.leaves) leaves.set(k, { value: leaf.value, file: f });
  }
  if (json?.loaded && toml?.loaded && !json.loaded.syntaxError && !toml.loaded.syntaxError) {
    for (const [k, leaf] of toml.loaded.leaves) {
      if (!json.loaded.leaves.has(k)) continue;
      const loc = toml.loaded.locator;
      toml.extra.push(lazyDiagnostic('CFG-008', 'warning', `${leaf.path.join('.')} is set in both settings.json and config.toml; settings.json wins`, () => loc.keyRange(leaf.rawPath)));
    }
  }
  return { layer: fl.layer, leaves };
}

export function resolvePolicy(input: ResolveInput): Resolution {
  const read = input.readFile ?? defaultReadFile;
  const env = input.env;
  const warnings: PolicyWarning[] = [];
  const fileLayers: FileLayer[] = [];
  const configPath = env.PI_CONFIG_PATH;
  if (configPath !== undefined && configPath.trim() !== '') {
    const abs = resolvePath(input.cwd, configPath);
    const format: ConfigFormat = asciiLower(configPath).endsWith('.toml') ? 'toml' : 'json';
    const state = loadFile(abs, format, 'config_path', input, read, configPath);
    // An explicitly named config file that does not exist is required input that is missing: fail closed.
    if (!state.exists) state.error = 'no such file (PI_CONFIG_PATH)';
    fileLayers.push({ layer: 'config_path', files: [state] });
  } else {
    const g = globalConfigDir(input);
    fileLayers.push({
      layer: 'global',
      files: [loadFile(join(g, 'settings.json'), 'json', 'global', input, read), loadFile(join(g, 'config.toml'), 'toml', 'global', input, read)],
    });
    if (input.projectDir) {
      const p = join(input.projectDir, '.pi');
      fileLayers.push({
        layer: 'project',
        files: [loadFile(join(p, 'settings.json'), 'json', 'project', input, read), loadFile(join(p, 'config.toml'), 'toml', 'project', input, read)],
      });
    }
  }
  const files = fileLayers.flatMap((l) => l.files);
  const broken = files.filter((f) => f.error !== undefined);
  const failedClosed = broken.length > 0;
  for (const f of broken) warnings.push({ code: 'CFG-001', message: `CFG-001 in ${f.path}: the policy fails closed to the safe profile` });
  // lowest → highest
  const layers = fileLayers.map(mergeLayer);
  const get = (l: LayerValues, ...path: string[]): { value: unknown; file: ConfigFileState } | undefined => l.leaves.get(pathKey(path));

  // ---- profile
  type Token = { token: string; source: ConfigLayer; detail: string | null };
  let winner: Token | null = null;
  for (const l of layers) {
    const p = get(l, 'extensionPolicy', 'profile');
    const dp = get(l, 'extensionPolicy', 'defaultPermissive');
    if (p && typeof p.value === 'string') winner = { token: p.value, source: l.layer, detail: p.file.path };
    else if (dp) winner = { token: dp.value === true ? 'permissive' : 'safe', source: l.layer, detail: dp.file.path };
  }
  if (env.PI_EXTENSION_POLICY !== undefined) winner = { token: env.PI_EXTENSION_POLICY, source: 'env', detail: 'PI_EXTENSION_POLICY' };
  if (input.cli?.profile !== undefined) winner = { token: input.cli.profile, source: 'cli', detail: input.cli.profileDetail ?? '--extension-policy' };
  let profile: EffectivePolicy['profile'];
  if (failedClosed) {
    profile = { requested: winner?.token ?? null, effective: 'safe', source: 'default', sourceDetail: null, fallback: true };
  } else if (winner === null) {
    profile = { requested: null, effective: 'safe', source: 'default', sourceDetail: null, fallback: false };
  } else {
    const r = normalizeProfile(winner.token);
    profile = { requested: winner.token, effective: r.effective, source: winner.source, sourceDetail: winner.detail, fallback: r.fallback };
    if (r.fallback && (winner.source === 'env' || winner.source === 'cli')) {
      warnings.push({ code: 'CFG-004', message: `Unknown profile "${winner.token}"; the safe profile is used` });
    }
  }
  const preset = PROFILES[profile.effective];

  // ---- allowDangerous
  let allowDangerous: EffectivePolicy['allowDangerous'] = { value: false, source: 'default', sourceDetail: null };
  if (!failedClosed) {
    for (const l of layers) {
      const a = get(l, 'extensionPolicy', 'allowDangerous');
      if (a) allowDangerous = { value: a.value === true, source: l.layer, sourceDetail: a.file.path };
    }
    const ev = env.PI_EXTENSION_ALLOW_DANGEROUS;
    if (ev !== undefined && ev.trim() !== '') {
      const b = parseEnvBoolean(ev);
      if (b === null) warnings.push({ code: 'ENV-001', message: `PI_EXTENSION_ALLOW_DANGEROUS = "${ev}" is not a boolean (1/0, true/false, yes/no, on/off); ignored` });
      else allowDangerous = { value: b, source: 'env', sourceDetail: 'PI_EXTENSION_ALLOW_DANGEROUS' };
    }
    if (input.cli?.allowDangerous !== undefined) {
      allowDangerous = { value: input.cli.allowDangerous, source: 'cli', sourceDetail: input.cli.allowDangerousDetail ?? '--allow-dangerous' };
    }
  }

  const defaultCaps = [...preset.defaultCaps];
  const unblocked = allowDangerous.value ? preset.denyCaps.filter(isDangerous) : [];
  const denyCaps = preset.denyCaps.filter((c) => !unblocked.includes(c));
  const audit: DangerousOptInAudit[] = [];
  if (allowDangerous.value) {
    audit.push({ kind: 'allow_dangerous', source: allowDangerous.source, sourceDetail: allowDangerous.sourceDetail, profile: profile.effective, capabilitiesUnblocked: [...unblocked] });
  }
  if (profile.effective === 'permissive' && profile.source !== 'default') {
    audit.push({ kind: 'profile', source: profile.source, sourceDetail: profile.sourceDetail, profile: 'permissive', capabilitiesUnblocked: ['exec', 'env'] });
  }

  // ---- per extension
  const perExtension = new Map<string, PerExtensionOverride>();
  const ensure = (id: string): PerExtensionOverride => {
    let o = perExtension.get(id);
    if (!o) perExtension.set(id, (o = { allow: [], deny: [], mode: null, quota: {}, sources: {} }));
    return o;
  };
  const addSource = (o: PerExtensionOverride, field: string, layer: ConfigLayer): void => {
    const cur = o.sources[field];
    o.sources[field] = cur === undefined ? layer : cur.split(', ').includes(layer) ? cur : `${cur}, ${layer}`;
  };
  for (const l of layers) {
    for (const [k, { value }] of l.leaves) {
      const path = k.split('\u0000');
      if (path[0] !== 'extensionPolicy' || path[1] !== 'perExtension' || path.length < 4) continue;
      const id = path[2];
      const field = path[3];
      if (field === 'deny') {
        const o = ensure(id);
        for (const c of value as string[]) if (!o.deny.includes(c)) o.deny.push(c);
        addSource(o, 'deny', l.layer);
        continue;
      }
      if (failedClosed) continue;
      const o = ensure(id);
      if (field === 'allow') {
        for (const c of value as string[]) if (!o.allow.includes(c)) o.allow.push(c);
        addSource(o, 'allow', l.layer);
      } else if (field === 'mode') {
        o.mode = value as Mode | null;
        o.sources.mode = l.layer;
      } else if (field === 'quota' && path.length === 5) {
        (o.quota as Record<string, number>)[path[4]] = value as number;
        o.sources[`quota.${path[4]}`] = l.layer;
      }
    }
  }
  for (const o of perExtension.values()) {
    o.allow = sortCapabilities(o.allow);
    o.deny = sortCapabilities(o.deny);
  }

  // ---- exec mediation
  const execSources: Record<string, string> = { enabled: 'default', denyThreshold: 'default', auditAllClassified: 'default', denyPatterns: 'default', allowPatterns: 'default' };
  let execEnabled = preset.exec.enabled;
  let denyThreshold: Tier = preset.exec.denyThreshold;
  let audit_ = preset.exec.auditAllClassified;
  const denyPatterns: string[] = [];
  const allowPatterns: string[] = [];
  if (!failedClosed) {
    for (const l of layers) {
      const e = get(l, 'extensionPolicy', 'execMediation', 'enabled');
      if (e) (execEnabled = e.value as boolean), (execSources.enabled = l.layer);
      const t = get(l, 'extensionPolicy', 'execMediation', 'denyThreshold');
      if (t) (denyThreshold = t.value as Tier), (execSources.denyThreshold = l.layer);
      const a = get(l, 'extensionPolicy', 'execMediation', 'auditAllClassified');
      if (a) (audit_ = a.value as boolean), (execSources.auditAllClassified = l.layer);
      for (const [field, list] of [['denyPatterns', denyPatterns], ['allowPatterns', allowPatterns]] as const) {
        const p = get(l, 'extensionPolicy', 'execMediation', field);
        if (!p) continue;
        for (const s of p.value as string[]) if (!list.includes(s)) list.push(s);
        execSources[field] = execSources[field] === 'default' ? l.layer : `${execSources[field]}, ${l.layer}`;
      }
    }
  }

  // ---- secret broker
  const sbSources: Record<string, string> = {
    enabled: 'default', redactionPlaceholder: 'default', replaceDefaults: 'default',
    secretExact: 'default', secretSuffixes: 'default', secretPrefixes: 'default', disclosureAllowlist: 'default',
  };
  let sbEnabled = true;
  let placeholder = DEFAULT_REDACTION_PLACEHOLDER;
  let replaceDefaults = false;
  const lists: Record<'secretExact' | 'secretSuffixes' | 'secretPrefixes' | 'disclosureAllowlist', string[]> = {
    secretExact: [...DEFAULT_SECRET_EXACT],
    secretSuffixes: [...DEFAULT_SECRET_SUFFIXES],
    secretPrefixes: [...DEFAULT_SECRET_PREFIXES],
    disclosureAllowlist: [],
  };
  if (!failedClosed) {
    for (const l of layers) {
      const e = get(l, 'extensionPolicy', 'secretBroker', 'enabled');
      if (e) (sbEnabled = e.value as boolean), (sbSources.enabled = l.layer);
      const ph = get(l, 'extensionPolicy', 'secretBroker', 'redactionPlaceholder');
      if (ph) (placeholder = ph.value as string), (sbSources.redactionPlaceholder = l.layer);
      const rd = get(l, 'extensionPolicy', 'secretBroker', 'replaceDefaults');
      if (rd) (replaceDefaults = rd.value as boolean), (sbSources.replaceDefaults = l.layer);
      const replacing = rd?.value === true;
      for (const field of ['secretExact', 'secretSuffixes', 'secretPrefixes', 'disclosureAllowlist'] as const) {
        const v = get(l, 'extensionPolicy', 'secretBroker', field);
        if (replacing && field !== 'disclosureAllowlist') {
          lists[field] = [];
          sbSources[field] = l.layer;
        }
        if (!v) continue;
        for (const s of v.value as string[]) if (!lists[field].some((x) => asciiLower(x) === asciiLower(s))) lists[field].push(s);
        sbSources[field] = sbSources[field] === 'default' || replacing ? l.layer : `${sbSources[field]}, ${l.layer}`;
      }
    }
  }

  // ---- extension risk (taken from readable layers even when failing closed)
  const risk: Record<string, unknown> = { ...RISK_DEFAULTS };
  const riskSources: Record<string, string> = {};
  for (const k of Object.keys(RISK_DEFAULTS)) riskSources[k] = 'default';
  const rollback: Record<string, number> = { ...ROLLBACK_DEFAULTS };
  for (const k of Object.keys(ROLLBACK_DEFAULTS)) riskSources[`rollbackTrigger.${k}`] = 'default';
  let phase: { value: RolloutPhase; source: string } | null = null;
  for (const l of layers) {
    for (const k of Object.keys(RISK_DEFAULTS)) {
      const v = get(l, 'extensionRisk', k);
      if (v) (risk[k] = v.value), (riskSources[k] = l.layer);
    }
    for (const k of Object.keys(ROLLBACK_DEFAULTS)) {
      const v = get(l, 'extensionRisk', 'rollbackTrigger', k);
      if (v) (rollback[k] = v.value as number), (riskSources[`rollbackTrigger.${k}`] = l.layer);
    }
    const ph = get(l, 'extensionRisk', 'rolloutPhase');
    if (ph) phase = { value: ph.value as RolloutPhase, source: l.layer };
  }
  for (const spec of RISK_ENV) {
    const raw = env[spec.name];
    if (raw === undefined || raw.trim() === '') continue;
    if (spec.kind === 'bool') {
      const b = parseEnvBoolean(raw);
      if (b === null) warnings.push({ code: 'ENV-001', message: `${spec.name} = "${raw}" is not a boolean (1/0, true/false, yes/no, on/off); ignored` });
      else (risk[spec.field] = b), (riskSources[spec.field] = 'env');
      continue;
    }
    const t = raw.trim();
    const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : NaN;
    if (!Number.isFinite(n)) {
      warnings.push({ code: 'ENV-002', message: `${spec.name} = "${raw}" is not a finite decimal number; ignored` });
      continue;
    }
    let v = spec.kind === 'integer' ? Math.trunc(n) : n;
    if (v !== n) warnings.push({ code: 'CFG-005', message: `${spec.name} = ${n} is not an integer; ${v} is used` });
    const clamped = Math.min(spec.max ?? Infinity, Math.max(spec.min ?? -Infinity, v));
    if (clamped !== v) warnings.push({ code: 'CFG-005', message: `${spec.name} = ${v} is outside ${spec.min}..${spec.max}; ${clamped} is used` });
    v = clamped;
    risk[spec.field] = v;
    riskSources[spec.field] = 'env';
  }
  let rolloutPhase: RolloutPhase;
  if (phase) {
    rolloutPhase = phase.value;
    riskSources.rolloutPhase = phase.source;
    const implied = phase.value === 'enforce_new' || phase.value === 'enforce_all';
    if (implied !== risk.enforce) {
      if (riskSources.enforce !== phase.source) {
        warnings.push({ code: 'CFG-011', message: `rolloutPhase "${phase.value}" implies enforce=${implied}; the phase is used` });
      }
      risk.enforce = implied;
      riskSources.enforce = phase.source;
    }
  } else {
    rolloutPhase = risk.enforce ? 'enforce_all' : 'shadow';
    riskSources.rolloutPhase = 'derived';
  }
  const extensionRisk: ExtensionRiskSettings = {
    enabled: risk.enabled as boolean,
    enforce: risk.enforce as boolean,
    alpha: risk.alpha as number,
    windowSize: risk.windowSize as number,
    ledgerLimit: risk.ledgerLimit as number,
    decisionTimeoutMs: risk.decisionTimeoutMs as number,
    failClosed: risk.failClosed as boolean,
    rolloutPhase,
    rollbackTrigger: {
      maxFalsePositiveRate: rollback.maxFalsePositiveRate,
      maxErrorRate: rollback.maxErrorRate,
      windowSize: rollback.windowSize,
      maxLatencyMs: rollback.maxLatencyMs,
    },
    sources: riskSources,
  };

  // ---- file diagnostics that need the effective policy (CFG-013) and warnings
  for (const f of files) {
    if (!f.loaded || f.loaded.syntaxError) continue;
    for (const leaf of f.loaded.leaves.values()) {
      if (leaf.path.length !== 4 || leaf.path[1] !== 'perExtension' || leaf.path[3] !== 'allow') continue;
      const raw = rawList(f.loaded, leaf.rawPath);
      raw.forEach((el, index) => {
        if (typeof el !== 'string') return;
        const cap = asciiLower(el.trim());
        if (!isDangerous(cap) || !(denyCaps as string[]).includes(cap)) return;
        const loc = f.loaded!.locator;
        f.extra.push(lazyDiagnostic('CFG-013', 'warning',
          `perExtension.${leaf.path[2]}.allow grants "${cap}", but it stays denied by the global deny list (deny_caps, layer 2) because allowDangerous is false`,
          () => loc.valueRange([...leaf.rawPath, index])));
      });
    }
    for (const d of [...f.loaded.pending, ...f.extra]) {
      if (d.severity === 'information') continue;
      warnings.push({ code: d.code, message: `${f.path}: ${d.message}` });
    }
  }

  const configSources: ConfigSourceInfo[] = files.map((f) => {
    const s: ConfigSourceInfo = { layer: f.layer, path: f.path, exists: f.exists, format: f.format };
    if (f.error !== undefined) s.error = f.error;
    return s;
  });

  const policy: EffectivePolicy = {
    profile,
    mode: preset.mode,
    allowDangerous,
    defaultCaps,
    denyCaps,
    perExtension,
    audit,
    execMediation: { enabled: execEnabled, denyThreshold, auditAllClassified: audit_, denyPatterns, allowPatterns, sources: execSources },
    secretBroker: { enabled: sbEnabled, redactionPlaceholder: placeholder, replaceDefaults, ...lists, sources: sbSources },
    extensionRisk,
    configSources,
    warnings,
    failedClosed,
    index: buildIndex(defaultCaps, denyCaps, perExtension),
  };
  return { policy, files };
}

function rawList(loaded: LoadedConfig, rawPath: readonly (string | number)[]): unknown[] {
  let cur: unknown = loaded.raw;
  for (const p of rawPath) {
    if (cur === null || typeof cur !== 'object') return [];
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return Array.isArray(cur) ? cur : [];
}

/** A policy from presets only (no files, no env): the product's defaults. */
export function presetPolicy(profileName: 'safe' | 'standard' | 'permissive' = 'safe', allowDangerous = false): EffectivePolicy {
  return resolvePolicy({
    env: {},
    projectDir: null,
    globalDir: '/nonexistent-pi-preset',
    homeDir: '/nonexistent-home',
    cwd: '/',
    cli: { profile: profileName, allowDangerous },
    readFile: () => null,
  }).policy;
}

/** Effective quota for an extension: the mode defaults replaced field by field. */
export function effectiveQuota(defaults: Quota, override: Partial<Quota> | undefined): Quota {
  const q = { ...defaults };
  if (override) for (const k of QUOTA_KEYS) if (override[k] !== undefined) q[k] = override[k]!;
  return q;
}
