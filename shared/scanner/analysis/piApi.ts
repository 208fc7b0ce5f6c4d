import { ownTable } from '../../common/ownTable';

/** pi API member → capability (scanner.md §8.3), kept as data so it can be extended without code changes. */
export const CAPABILITY_ORDER = ['read', 'write', 'http', 'events', 'session', 'ui', 'exec', 'env', 'tool', 'log'] as const;
export type Capability = (typeof CAPABILITY_ORDER)[number];

/**
 * First-level pi members; `null` means no capability. `tool` and `env` are resolved per call.
 * Without a prototype: a member named `constructor` or `toString` is not a capability.
 */
export const PI_MEMBER_CAPABILITY: Readonly<Record<string, Capability | null>> = ownTable({
  exec: 'exec',
  http: 'http',
  log: 'log',
  tool: 'tool',
  session: 'session',
  getSessionName: 'session',
  setSessionName: 'session',
  setLabel: 'session',
  getModel: 'session',
  setModel: 'session',
  getThinkingLevel: 'session',
  setThinkingLevel: 'session',
  sendMessage: 'session',
  sendUserMessage: 'session',
  ui: 'ui',
  events: 'events',
  getActiveTools: 'events',
  getAllTools: 'events',
  setActiveTools: 'events',
  appendEntry: 'events',
  getFlag: 'events',
  registerCommand: 'events',
  env: 'env',
  registerTool: null,
  registerProvider: null,
  registerShortcut: null,
  registerMessageRenderer: null,
  registerFlag: null,
  on: null,
  process: null,
  path: null,
  crypto: null,
});

/** `pi.tool(name, …)`: tool name → capability; any other constant name → `tool`. */
export const PI_TOOL_CAPABILITY: Readonly<Record<string, Capability>> = ownTable({
  read: 'read',
  grep: 'read',
  find: 'read',
  ls: 'read',
  write: 'write',
  edit: 'write',
  bash: 'exec',
});

export const TOOL_NAME_NOT_STATIC_NOTE = 'tool name not static: could require read, write or exec';

/** fs members by category (scanner.md §8.2); each also matches its `Sync` and `promises` forms. */
export const FS_READ: ReadonlySet<string> = new Set(['readFile', 'readdir', 'stat', 'lstat', 'exists', 'access', 'realpath', 'opendir', 'watch', 'watchFile', 'createReadStream']);
export const FS_WRITE: ReadonlySet<string> = new Set([
  'writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rm', 'rmdir', 'unlink', 'rename', 'copyFile', 'cp', 'truncate', 'utimes', 'chmod', 'chown', 'symlink', 'link', 'createWriteStream',
]);
/** os members that need no capability. */
export const OS_PURE: ReadonlySet<string> = new Set(['EOL', 'constants', 'devNull', 'platform', 'arch', 'type', 'endianness']);

export function sortCapabilities(caps: Iterable<string>): string[] {
  const set = new Set(caps);
  return CAPABILITY_ORDER.filter((c) => set.has(c));
}
