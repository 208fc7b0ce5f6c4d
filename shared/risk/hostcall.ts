/**
 * Hostcall → required capability and validation before policy (policy.md §2, INV-002/INV-003),
 * as needed to validate calibration traces (risk.md §5.1).
 */
import { requiredCapability } from '../policy/capabilities';

export type DerivedCapability = string | null;

/** The capability the host derives from method and params (policy.md §2); null = none. */
export function deriveCapability(method: string, params: Record<string, unknown> | undefined): DerivedCapability {
  return requiredCapability(method, params ?? {});
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
