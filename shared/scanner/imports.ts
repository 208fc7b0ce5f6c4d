/** Import classification tables and algorithm (scanner.md §4). */
import { ownTable } from '../common/ownTable';

export const FORBIDDEN_BUILTINS: Readonly<Record<string, string>> = ownTable({
  vm: 'Arbitrary code execution; use hostcalls only',
  worker_threads: 'Unsupported concurrency model; use the host scheduler',
  cluster: 'Unsupported concurrency model; use the host scheduler',
  dgram: 'Raw UDP sockets are not supported',
  net: 'Raw sockets bypass the HTTP policy; use `fetch` or `pi.http`',
  tls: 'Raw sockets bypass the HTTP policy; use `fetch` or `pi.http`',
  inspector: 'Debugger access is not allowed',
  perf_hooks: 'Timing oracle; use host-provided timing if needed',
  v8: 'Engine internals are not allowed',
  repl: 'Interactive eval is not allowed',
});

export interface RewriteEntry {
  to: string;
  capabilities: readonly string[];
  hint: string;
}

export const REWRITE_TABLE: Readonly<Record<string, RewriteEntry>> = ownTable({
  fs: { to: 'pi:node/fs', capabilities: ['read', 'write'], hint: 'declare `read`/`write`, or use `pi.tool(...)`' },
  'fs/promises': { to: 'pi:node/fs_promises', capabilities: ['read', 'write'], hint: 'declare `read`/`write`, or use `pi.tool(...)`' },
  path: { to: 'pi:node/path', capabilities: [], hint: 'pure' },
  os: { to: 'pi:node/os', capabilities: ['env'], hint: 'declare `env` when reading host-derived values' },
  url: { to: 'pi:node/url', capabilities: [], hint: 'pure' },
  crypto: { to: 'pi:node/crypto', capabilities: [], hint: 'pure; only `createHash`, `randomBytes`, `randomUUID` are available' },
  child_process: { to: 'pi:node/child_process', capabilities: ['exec'], hint: 'declare `exec` or use `pi.exec(...)`' },
  module: { to: 'pi:node/module', capabilities: [], hint: '—' },
});

export const BUILTIN_ROOTS: ReadonlySet<string> = new Set(
  (
    'assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns domain ' +
    'events fs http http2 https inspector module net os path perf_hooks process punycode querystring readline repl ' +
    'sea sqlite stream string_decoder sys test timers tls trace_events tty url util v8 vm wasi worker_threads zlib'
  ).split(' '),
);

/** Runtime support labels and notes appended to CMP-UNSUPPORTED-001 (scanner.md §4.6). */
export const RUNTIME_SUPPORT: Readonly<Record<string, { label: string; note?: string }>> = ownTable({
  util: { label: 'full' },
  events: { label: 'full' },
  stream: { label: 'full' },
  buffer: { label: 'full' },
  querystring: { label: 'full' },
  string_decoder: { label: 'full' },
  timers: { label: 'full' },
  zlib: { label: 'partial' },
  readline: { label: 'partial', note: 'input through `pi.ui`' },
  http: { label: 'partial', note: 'client through `fetch()`, no server' },
  https: { label: 'partial', note: 'client through `fetch()`, no server' },
  test: { label: 'partial', note: 'minimal runner' },
  tty: { label: 'stub only', note: 'loads but provides no real functionality' },
  assert: { label: 'stub only', note: 'loads but provides no real functionality' },
  http2: { label: 'stub only', note: 'loads but provides no real functionality; use `fetch()`' },
  async_hooks: { label: 'stub only', note: 'loads but provides no real functionality' },
  diagnostics_channel: { label: 'stub only', note: 'loads but provides no real functionality' },
  dns: { label: 'throws on import', note: '`fetch()` resolves names' },
});

/** Builtins that exist only with the `node:` prefix; bare, they are npm packages. */
const PREFIX_ONLY_BUILTINS: ReadonlySet<string> = new Set(['sea', 'sqlite', 'test']);

const NATIVE_SUFFIXES = ['.node', '.so', '.dylib', '.dll'];

export type ImportClass =
  | { kind: 'forbidden'; spec: string; root: string; reason: string }
  | { kind: 'rewrite'; spec: string; norm: string; entry: RewriteEntry }
  | { kind: 'unsupported'; spec: string; root: string }
  | { kind: 'native'; spec: string }
  | { kind: 'none'; spec: string };

/** Classifies one folded module specifier (scanner.md §4.2, §4.7). */
export function classifySpecifier(rawSpec: string): ImportClass {
  const spec = rawSpec.trim();
  if (spec === '') return { kind: 'none', spec };
  if (NATIVE_SUFFIXES.some((s) => spec.endsWith(s))) return { kind: 'native', spec };
  const norm = spec.startsWith('node:') ? spec.slice(5) : spec;
  const slash = norm.indexOf('/');
  const root = slash < 0 ? norm : norm.slice(0, slash);
  const forbidden = FORBIDDEN_BUILTINS[root];
  if (forbidden !== undefined) return { kind: 'forbidden', spec, root, reason: forbidden };
  const rewrite = REWRITE_TABLE[norm];
  if (rewrite !== undefined) return { kind: 'rewrite', spec, norm, entry: rewrite };
  if (PREFIX_ONLY_BUILTINS.has(root) && norm === spec) return { kind: 'none', spec };
  if (BUILTIN_ROOTS.has(root)) return { kind: 'unsupported', spec, root };
  return { kind: 'none', spec };
}
