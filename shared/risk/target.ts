/** Resource target class (risk.md §2.5). */

function ipv4Octets(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const o = m.slice(1).map(Number);
  return o.every((x) => x <= 255) ? o : null;
}

function classifyV4(o: number[]): 'network.loopback' | 'network.private' | 'network.public' {
  if (o[0] === 127) return 'network.loopback';
  if (o[0] === 10 || (o[0] === 172 && o[1] >= 16 && o[1] <= 31) || (o[0] === 192 && o[1] === 168) || (o[0] === 169 && o[1] === 254)) {
    return 'network.private';
  }
  return 'network.public';
}

/** Expands an IPv6 literal (as serialised by WHATWG URL) to 8 16-bit groups, or null. */
function ipv6Groups(host: string): number[] | null {
  if (!host.includes(':')) return null;
  let h = host;
  const tail: number[] = [];
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (v4) {
    const o = ipv4Octets(v4[1]);
    if (!o) return null;
    tail.push((o[0] << 8) | o[1], (o[2] << 8) | o[3]);
    h = h.slice(0, v4.index + 1) + '0:0';
    tail.length = 0;
    const parts = expand(h);
    if (!parts) return null;
    parts[6] = (o[0] << 8) | o[1];
    parts[7] = (o[2] << 8) | o[3];
    return parts;
  }
  return expand(h);
}

function expand(h: string): number[] | null {
  const halves = h.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((x) => (/^[0-9a-f]{1,4}$/i.test(x) ? parseInt(x, 16) : NaN)));
  const a = parse(halves[0]);
  const b = halves.length === 2 ? parse(halves[1]) : [];
  if ([...a, ...b].some((x) => Number.isNaN(x))) return null;
  const fill = 8 - a.length - b.length;
  if (halves.length === 1 ? fill !== 0 : fill < 0) return null;
  return [...a, ...new Array<number>(fill).fill(0), ...b];
}

export function classifyHost(rawHost: string): 'network.loopback' | 'network.private' | 'network.public' {
  const host = rawHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'network.loopback';
  const v4 = ipv4Octets(host);
  if (v4) return classifyV4(v4);
  const g = ipv6Groups(host);
  if (g) {
    if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'network.loopback';
    // IPv4-mapped (::ffff:a.b.c.d) follows the IPv4 rules.
    if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return classifyV4([g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255]);
    if ((g[0] & 0xfe00) === 0xfc00 || (g[0] & 0xffc0) === 0xfe80) return 'network.private';
  }
  return 'network.public';
}

export function httpTargetClass(url: unknown): string {
  if (typeof url !== 'string') return 'network.unknown';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'network.unknown';
  }
  if (parsed.hostname === '') return 'network.unknown';
  return classifyHost(parsed.hostname);
}

export const FILE_TOOLS = new Set(['read', 'write', 'edit', 'grep', 'find', 'ls']);

/** Tool names compare trimmed, case-insensitively, ignoring non-alphanumerics (policy.md §2). */
export function normalizeToolName(name: unknown): string {
  return typeof name === 'string' ? name.trim().toLowerCase().replace(/[^a-z0-9]/g, '') : '';
}

export function resourceTargetClass(method: string, params: Record<string, unknown> | undefined): string {
  switch (method.trim().toLowerCase()) {
    case 'http':
      return httpTargetClass(params?.url);
    case 'exec':
      return 'subprocess.exec';
    case 'tool': {
      const name = normalizeToolName(params?.name);
      if (FILE_TOOLS.has(name)) return 'filesystem.tool';
      if (name === 'bash') return 'subprocess.tool';
      return 'tool.unknown';
    }
    case 'fs':
      return 'filesystem.fs';
    case 'env':
      return 'credential.env';
    case 'session':
      return 'session.state';
    case 'ui':
      return 'ui.interaction';
    case 'events':
      return 'event.bus';
    case 'log':
      return 'telemetry.log';
    default:
      return 'unknown';
  }
}
