/**
 * Hostcall → required capability and validation before policy (policy.md §2, INV-002/INV-003),
 * as needed to validate calibration traces (risk.md §5.1).
 */
import { normalizeToolName } from './target';

export type DerivedCapability = string | null;

function opOf(params: Record<string, unknown> | undefined): string {
  const op = params?.op;
  return typeof op === 'string' ? op.trim().toLowerCase() : '';
}

/** The capability the host derives from method and params; null = none. */
export function deriveCapability(method: string, params: Record<string, unknown> | undefined): DerivedCapability {
  switch (method.trim().toLowerCase()) {
    case 'fs': {
      const op = opOf(params);
      if (['read', 'list', 'readdir', 'stat'].includes(op)) return 'read';
      if (['write', 'mkdir', 'delete', 'remove', 'rm'].includes(op)) return 'write';
      return null;
    }
    case 'tool': {
      const name = normalizeToolName(params?.name);
      if (['read', 'grep', 'find', 'ls'].includes(name)) return 'read';
      if (name === 'write' || name === 'edit') return 'write';
      if (name === 'bash') return 'exec';
      return name === '' ? null : 'tool';
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

export interface HostcallCheck {
  valid: boolean;
  capability: string | null;
  reason: string | null;
}

/**
 * Validates a hostcall. `params` undefined means the trace recorded only `params_hash`: then the
 * capability is derived from the method alone, and for `fs`/`tool` (whose capability depends on the
 * params) the declared capability is accepted when the method can require it.
 */
export function validateHostcall(callId: string, declared: string, method: string, params: unknown): HostcallCheck {
  const decl = declared.trim().toLowerCase();
  const m = method.trim().toLowerCase();
  if (callId.trim() === '') return { valid: false, capability: null, reason: 'call_id is empty' };
  if (decl === '' || m === '') return { valid: false, capability: null, reason: 'capability or method is empty' };
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) {
    return { valid: false, capability: null, reason: 'params is not a JSON object' };
  }
  let derived: DerivedCapability;
  if (params === undefined && (m === 'fs' || m === 'tool')) {
    const possible = m === 'fs' ? ['read', 'write'] : ['read', 'write', 'exec', 'tool'];
    derived = possible.includes(decl) ? decl : null;
  } else derived = deriveCapability(m, params as Record<string, unknown> | undefined);
  if (derived === null) return { valid: false, capability: null, reason: `method "${method}" requires no known capability` };
  if (derived !== decl) return { valid: false, capability: derived, reason: `declared capability "${declared}" ≠ derived "${derived}"` };
  return { valid: true, capability: derived, reason: null };
}
