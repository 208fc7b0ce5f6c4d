/** Capabilities and the hostcall → capability map (policy.md §1, §2). */

export const CAPABILITIES = ['read', 'write', 'http', 'events', 'session', 'ui', 'exec', 'env', 'tool', 'log'] as const;
export type KnownCapability = (typeof CAPABILITIES)[number];

/** Policy-dangerous capabilities (INV-008). */
export const DANGEROUS_CAPABILITIES: readonly KnownCapability[] = ['exec', 'env'];
/** The risk controller additionally treats http as dangerous (risk.md). */
export const RISK_DANGEROUS_CAPABILITIES: readonly KnownCapability[] = ['http', 'exec', 'env'];

export const HOSTCALL_CLASS: Readonly<Record<KnownCapability, string>> = {
  read: 'filesystem',
  write: 'filesystem',
  http: 'network',
  events: 'events',
  session: 'session',
  ui: 'ui',
  exec: 'execution',
  env: 'environment',
  tool: 'tool',
  log: 'telemetry',
};

const KNOWN = new Set<string>(CAPABILITIES);

/** Trim + ASCII-lowercase. Unknown names stay strings (future capabilities). */
export function normalizeCapability(name: string): string {
  return asciiLower(name.trim());
}

export function isKnownCapability(name: string): name is KnownCapability {
  return KNOWN.has(name);
}

export function isDangerous(cap: string): boolean {
  return cap === 'exec' || cap === 'env';
}

export function isRiskDangerous(cap: string): boolean {
  return cap === 'exec' || cap === 'env' || cap === 'http';
}

/** Canonical order index; unknown names sort after the known ones, then bytewise. */
export function capabilityOrder(cap: string): number {
  const i = (CAPABILITIES as readonly string[]).indexOf(cap);
  return i < 0 ? CAPABILITIES.length : i;
}

export function sortCapabilities(caps: Iterable<string>): string[] {
  return [...new Set(caps)].sort((a, b) => capabilityOrder(a) - capabilityOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
}

const HAS_UPPER = /[A-Z]/;
const HAS_LOWER = /[a-z]/;

/** ASCII-only lowercasing (non-ASCII letters are left alone, as the spec requires). */
export function asciiLower(s: string): string {
  if (!HAS_UPPER.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}

export function asciiUpper(s: string): string {
  if (!HAS_LOWER.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : s[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hostcall map (§2)

const FS_READ = new Set(['read', 'list', 'readdir', 'stat']);
const FS_WRITE = new Set(['write', 'mkdir', 'delete', 'remove', 'rm']);
const TOOL_READ = new Set(['read', 'grep', 'find', 'ls']);
const TOOL_WRITE = new Set(['write', 'edit']);

/**
 * The capability the host requires for a method and its params, or null ("none"). Derived only
 * from method and params, never from what the extension declares (INV-002). A malformed `op` or
 * `name` (non-string, empty) yields none; it never escalates to exec or tool (INV-003).
 */
export function requiredCapability(method: unknown, params: unknown): KnownCapability | null {
  if (typeof method !== 'string') return null;
  const m = asciiLower(method.trim());
  const p = isPlainObject(params) ? params : {};
  switch (m) {
    case 'fs': {
      const op = p.op;
      if (typeof op !== 'string') return null;
      const o = asciiLower(op.trim());
      if (FS_READ.has(o)) return 'read';
      if (FS_WRITE.has(o)) return 'write';
      return null;
    }
    case 'tool': {
      const name = p.name;
      if (typeof name !== 'string') return null;
      const n = asciiLower(name.trim()).replace(/[^a-z0-9]/g, '');
      if (n === '') return null;
      if (TOOL_READ.has(n)) return 'read';
      if (TOOL_WRITE.has(n)) return 'write';
      if (n === 'bash') return 'exec';
      return 'tool';
    }
    case 'exec':
      return 'exec';
    case 'env':
      return 'env';
    case 'http':
      return 'http';
    case 'session':
      return 'session';
    case 'ui':
      return 'ui';
    case 'events':
      return 'events';
    case 'log':
      return 'log';
    default:
      return null;
  }
}

export interface Hostcall {
  call_id?: unknown;
  capability?: unknown;
  method?: unknown;
  params?: unknown;
}

export type HostcallValidation =
  | { ok: true; capability: KnownCapability }
  | { ok: false; error: 'invalid_request'; reason: string };

/** Validation before policy (INV-002): invalid requests are never evaluated. */
export function validateHostcall(call: Hostcall): HostcallValidation {
  const bad = (reason: string): HostcallValidation => ({ ok: false, error: 'invalid_request', reason });
  if (typeof call.call_id !== 'string' || call.call_id.trim() === '') return bad('empty call_id');
  if (!isPlainObject(call.params)) return bad('params is not a JSON object');
  if (typeof call.capability !== 'string' || call.capability.trim() === '') return bad('empty capability');
  if (typeof call.method !== 'string' || call.method.trim() === '') return bad('empty method');
  const required = requiredCapability(call.method, call.params);
  if (required === null) return bad('no capability derivable from method and params');
  const declared = normalizeCapability(call.capability);
  if (declared !== required) return bad(`declared capability "${declared}" differs from required "${required}"`);
  return { ok: true, capability: required };
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
