/** The three profiles, their presets and the quota defaults by mode (policy.md §3). */
import { asciiLower, type KnownCapability } from './capabilities';

export type ProfileName = 'safe' | 'standard' | 'permissive';
export type Mode = 'strict' | 'prompt' | 'permissive';
export type Tier = 'low' | 'medium' | 'high' | 'critical';

export const PROFILE_NAMES: readonly ProfileName[] = ['safe', 'standard', 'permissive'];
export const MODES: readonly Mode[] = ['strict', 'prompt', 'permissive'];
export const TIERS_ASC: readonly Tier[] = ['low', 'medium', 'high', 'critical'];
export const PROFILE_ALIASES: Readonly<Record<string, ProfileName>> = Object.freeze({ balanced: 'standard' });

export interface ExecPreset {
  enabled: boolean;
  denyThreshold: Tier;
  auditAllClassified: boolean;
}

export interface ProfilePreset {
  name: ProfileName;
  mode: Mode;
  defaultCaps: readonly KnownCapability[];
  denyCaps: readonly KnownCapability[];
  exec: ExecPreset;
  maxMemoryMb: number;
}

const BENIGN_DEFAULTS: readonly KnownCapability[] = ['read', 'write', 'http', 'events', 'session'];

export const PROFILES: Readonly<Record<ProfileName, ProfilePreset>> = {
  safe: {
    name: 'safe',
    mode: 'strict',
    defaultCaps: BENIGN_DEFAULTS,
    denyCaps: ['exec', 'env'],
    exec: { enabled: true, denyThreshold: 'high', auditAllClassified: true },
    maxMemoryMb: 256,
  },
  standard: {
    name: 'standard',
    mode: 'prompt',
    defaultCaps: BENIGN_DEFAULTS,
    denyCaps: ['exec', 'env'],
    exec: { enabled: true, denyThreshold: 'critical', auditAllClassified: true },
    maxMemoryMb: 256,
  },
  permissive: {
    name: 'permissive',
    mode: 'permissive',
    defaultCaps: [],
    denyCaps: [],
    exec: { enabled: true, denyThreshold: 'critical', auditAllClassified: false },
    maxMemoryMb: 256,
  },
};

export interface ProfileResolution {
  effective: ProfileName;
  /** True when the token was not a known name (including empty): fail closed to safe (INV-006). */
  fallback: boolean;
}

/** Trim, ASCII-lowercase, resolve the alias; anything else → safe with fallback. */
export function normalizeProfile(token: string): ProfileResolution {
  const t = asciiLower(token.trim());
  if (t === 'safe' || t === 'standard' || t === 'permissive') return { effective: t, fallback: false };
  const alias = Object.prototype.hasOwnProperty.call(PROFILE_ALIASES, t) ? PROFILE_ALIASES[t] : undefined;
  if (alias) return { effective: alias, fallback: false };
  return { effective: 'safe', fallback: true };
}

export function isKnownProfileToken(token: string): boolean {
  return !normalizeProfile(token).fallback;
}

export function tierRank(t: Tier): number {
  return TIERS_ASC.indexOf(t);
}

/** Reads a tier trimmed and case-insensitively (`High` = `high`); null when unknown. */
export function parseTier(v: string): Tier | null {
  const t = asciiLower(v.trim());
  return (TIERS_ASC as readonly string[]).includes(t) ? (t as Tier) : null;
}

export function parseMode(v: string): Mode | null {
  const t = asciiLower(v.trim());
  return (MODES as readonly string[]).includes(t) ? (t as Mode) : null;
}

export const QUOTA_KEYS = [
  'maxHostcallsPerSecond',
  'maxHostcallsPerMinute',
  'maxHostcallsTotal',
  'maxSubprocesses',
  'maxWriteBytes',
  'maxHttpRequests',
] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];
/** null = unlimited. */
export type Quota = Record<QuotaKey, number | null>;

export const QUOTA_DEFAULTS: Readonly<Record<Mode, Quota>> = {
  strict: {
    maxHostcallsPerSecond: 20,
    maxHostcallsPerMinute: 500,
    maxHostcallsTotal: 5000,
    maxSubprocesses: 4,
    maxWriteBytes: 52428800,
    maxHttpRequests: 200,
  },
  prompt: {
    maxHostcallsPerSecond: 100,
    maxHostcallsPerMinute: 2000,
    maxHostcallsTotal: null,
    maxSubprocesses: 8,
    maxWriteBytes: null,
    maxHttpRequests: null,
  },
  permissive: {
    maxHostcallsPerSecond: 500,
    maxHostcallsPerMinute: 10000,
    maxHostcallsTotal: null,
    maxSubprocesses: 32,
    maxWriteBytes: null,
    maxHttpRequests: null,
  },
};
