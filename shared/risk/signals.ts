/** Argument signals → `argDelta` and flags (risk.md §2.4). */
import { posix } from 'node:path';
import type { ExecAnalyzer, ExecSimpleCommand } from './exec';
import { basename, defaultExecAnalyzer, hasShortFlag, isDeviceOf, isForceRm, isRecursiveRm } from './exec';
import { createSecretBroker, DEFAULT_SECRET_BROKER } from '../policy/secrets';
import { FILE_TOOLS, normalizeToolName } from './target';
import type { RiskFlag } from './types';
import { clamp } from './types';

/** Secret-name test of the effective secret broker (policy.md §9); injected. */
export type SecretClassifier = (name: string) => boolean;

export interface ArgSignals {
  delta: number;
  flags: RiskFlag[];
}

export interface SignalContext {
  exec?: ExecAnalyzer;
  isSecret?: SecretClassifier;
}

const SAFE_UTILS = new Set(['ls', 'pwd', 'echo', 'cat', 'head', 'tail', 'wc']);
const SAFE_GIT = new Set(['status', 'log', 'diff', 'show', 'branch', 'tag', 'remote', 'rev-parse', 'describe', 'shortlog', 'blame', 'ls-files', 'ls-tree', 'ls-remote', 'cat-file', 'name-rev']);

function gitSub(words: string[]): { sub: string; rest: string[] } {
  // Skip git's global options (`-C dir`, `-c k=v`, `--git-dir=…`).
  let i = 1;
  while (i < words.length && words[i].startsWith('-')) {
    if (words[i] === '-C' || words[i] === '-c') i++;
    i++;
  }
  return { sub: (words[i] ?? '').toLowerCase(), rest: words.slice(i + 1) };
}

export function isSafeUtility(words: string[]): boolean {
  const p = words[0];
  if (SAFE_UTILS.has(p)) return true;
  return p === 'git' && SAFE_GIT.has(gitSub(words).sub);
}

/** DCG (destructive-command guard) score of one simple command (§2.4 item 2), uncapped. */
export function dcgScore(words: string[]): number {
  const p = words[0];
  if (p === undefined) return 0;
  const rest = words.slice(1);
  let s = 0;
  if (p === 'git') {
    const { sub, rest: r } = gitSub(words);
    const first = (r[0] ?? '').toLowerCase();
    if (sub === 'reset' && r.includes('--hard')) s += 0.36;
    if (sub === 'clean' && hasShortFlag(r, 'f') && hasShortFlag(r, 'd')) s += 0.36;
    if (sub === 'push' && (r.includes('--force') || r.includes('-f'))) s += 0.36;
    if (sub === 'stash' && first === 'clear') s += 0.36;
    if (sub === 'checkout' && r.indexOf('--') >= 0 && r.indexOf('--') < r.length - 1) s += 0.22;
    if (sub === 'restore' && r.includes('--worktree')) s += 0.22;
    if (sub === 'stash' && first === 'drop') s += 0.22;
    if (sub === 'branch' && (r.includes('-d') || r.includes('-D') || r.includes('--delete'))) s += 0.22;
  } else if (p === 'rm') {
    if (isRecursiveRm(rest) && isForceRm(rest)) {
      const root = rest.some((w) => w === '/' || w === '/*' || w === '--no-preserve-root');
      s += root ? 0.5 : 0.26;
    }
  } else if (p === 'dd') {
    if (isDeviceOf(rest)) s += 0.34;
  } else if (p.startsWith('mkfs') || p === 'wipefs' || p === 'shred') {
    s += 0.32;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Heredoc (§2.4 item 3)

type Lang = 'bash' | 'python' | 'js' | 'ts' | 'ruby';

const P_PATH = String.raw`(?:pathlib\.)?Path\([^)]*\)\.`;
const HEREDOC_PATTERNS: Record<Lang, { critical: RegExp[]; high: RegExp[]; medium: RegExp[] }> = {
  bash: {
    critical: [/\brm\s+-rf\s+\S/, /\bgit\s+reset\s+--hard\b/],
    high: [/\brm\s+-r\s+\S/, /\bgit\s+clean\s+-fdx?\b/],
    medium: [],
  },
  python: {
    critical: [/\bshutil\.rmtree\(/],
    high: [/\bos\.remove\(/, /\bos\.rmdir\(/, /\bos\.unlink\(/, new RegExp(P_PATH + String.raw`unlink\(`), new RegExp(P_PATH + String.raw`rmdir\(`)],
    medium: [/\bos\.system\(/, /\bsubprocess\.run\(/],
  },
  js: {
    critical: [],
    high: [/\bfs\.rmSync\(/, /\bfs\.rmdirSync\(/],
    medium: [/\bfs\.rm\(/, /\bfs\.rmdir\(/, /\bchild_process\.execSync\(/, /require\(['"]child_process['"]\)\.execSync\(/, /\bchild_process\.spawnSync\(/],
  },
  ts: {
    critical: [],
    high: [/\bfs\.rmSync\(/, /\bfs\.rmdirSync\(/, /\bDeno\.remove\(/],
    medium: [/\bfs\.rm\(/, /\bfs\.rmdir\(/, /\bchild_process\.execSync\(/, /require\(['"]child_process['"]\)\.execSync\(/, /\bchild_process\.spawnSync\(/],
  },
  ruby: {
    critical: [/\bFileUtils\.rm_rf\b/],
    high: [/\bFileUtils\.rm\b/, /\bFile\.delete\b/, /\bFile\.unlink\b/, /\bDir\.rmdir\b/],
    medium: [/\bsystem\b/, /\bexec\b/],
  },
};

const HEREDOC_SKIP = new Set(['sudo', 'command', 'nohup', 'time', 'builtin', 'env']);

function receivingProgram(openerPrefix: string): string {
  const words = openerPrefix.trim().split(/\s+/).filter((w) => w.length > 0);
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || w.startsWith('-') || HEREDOC_SKIP.has(basename(w))) {
      i++;
      continue;
    }
    break;
  }
  return i < words.length ? basename(words[i]) : '';
}

function languageOf(program: string, body: string): Lang {
  if (program === 'sh' || program === 'bash' || program === 'zsh') return 'bash';
  if (program.startsWith('python')) return 'python';
  if (program === 'node') return 'js';
  if (program === 'deno' || program === 'tsx' || program === 'ts-node') return 'ts';
  if (program === 'ruby') return 'ruby';
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body.trimStart());
  if (shebang) {
    const prog = basename(shebang[1]) === 'env' && shebang[2] ? basename(shebang[2]) : basename(shebang[1]);
    if (prog === 'sh' || prog === 'bash' || prog === 'zsh') return 'bash';
    if (prog.startsWith('python')) return 'python';
    if (prog === 'node') return 'js';
    if (prog === 'deno' || prog === 'tsx' || prog === 'ts-node') return 'ts';
    if (prog === 'ruby') return 'ruby';
  }
  if (body.includes('import ') || body.includes('def ')) return 'python';
  if (body.includes('require(') || body.includes('const ')) return 'js';
  if (body.includes('FileUtils') || body.includes('puts ')) return 'ruby';
  return 'bash';
}

interface HeredocBlock {
  program: string;
  body: string;
}

export function extractHeredocs(command: string): HeredocBlock[] {
  const lines = command.split('\n');
  const blocks: HeredocBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const at = line.indexOf('<<');
    const m = at >= 0 && !line.includes('<<<') ? /^<<[-~]?\s*(['"]?)([^\s'"<>;&|]+)\1/.exec(line.slice(at)) : null;
    if (!m) {
      i++;
      continue;
    }
    const delim = m[2];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j].trim() !== delim) body.push(lines[j++]);
    i = j + 1;
    if (body.length === 0) continue;
    blocks.push({ program: receivingProgram(line.slice(0, at)), body: body.join('\n') });
  }
  return blocks;
}

export function heredocScore(command: string, exec: ExecAnalyzer): { score: number; matched: boolean } {
  if (!command.includes('<<')) return { score: 0, matched: false };
  const blocks = extractHeredocs(command);
  if (blocks.length === 0) return { score: 0.05, matched: false };
  let score = 0;
  let matched = false;
  for (const block of blocks) {
    for (const raw of block.body.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      let lineScore = 0;
      for (const c of exec({ mode: 'shell', command: line }).commands) lineScore += dcgScore(c.words);
      if (lineScore > 0) {
        score = Math.max(score, lineScore + 0.12);
        matched = true;
      }
    }
    const pats = HEREDOC_PATTERNS[languageOf(block.program, block.body)];
    if (pats.critical.some((r) => r.test(block.body))) {
      score = Math.max(score, 0.34);
      matched = true;
    } else if (pats.high.some((r) => r.test(block.body))) {
      score = Math.max(score, 0.24);
      matched = true;
    } else if (pats.medium.some((r) => r.test(block.body))) {
      score = Math.max(score, 0.12);
    }
  }
  if (matched) return { score: Math.min(score, 0.68), matched };
  if (score > 0) return { score: Math.min(score, 0.3), matched };
  return { score: 0.08, matched };
}

// ---------------------------------------------------------------------------------------------
// Path (§2.4 item 4)

const SENSITIVE_ROOTS = ['/etc', '/usr', '/bin', '/sbin', '/var', '/root', '/dev', '/proc', '/sys', '/boot'];

export function isSensitivePath(raw: string): boolean {
  const lower = raw.toLowerCase();
  const p = posix.normalize(lower);
  if (SENSITIVE_ROOTS.some((r) => p === r || p.startsWith(r + '/'))) return true;
  return p.includes('/.ssh/') || p.endsWith('/.ssh') || p.startsWith('~/.ssh') || lower.startsWith('~/.ssh');
}

function pathOf(method: string, params: Record<string, unknown>): string | null {
  if (method === 'fs') return typeof params.path === 'string' ? params.path : null;
  if (method === 'tool' && FILE_TOOLS.has(normalizeToolName(params.name))) {
    const input = params.input;
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
    const rec = input as Record<string, unknown>;
    for (const k of ['path', 'file', 'file_path']) if (k in rec) return typeof rec[k] === 'string' ? (rec[k] as string) : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Env (§2.4 item 6)

const SECRETISH = ['SECRET', 'TOKEN', 'PASSWORD', 'PASSWD', 'AUTH', 'COOKIE', 'SESSION', 'PRIVATE', 'KEY', 'AWS_', 'OPENAI_', 'ANTHROPIC_'];

const defaultBroker = createSecretBroker(DEFAULT_SECRET_BROKER);

/**
 * The secret broker with its default lists (policy.md §9.1–§9.2), used when the caller does not
 * inject the workspace's effective broker.
 */
export const defaultSecretClassifier: SecretClassifier = (name) => defaultBroker.classify(name).secret;

export function isSecretish(name: string, isSecret: SecretClassifier = defaultSecretClassifier): boolean {
  if (isSecret(name)) return true;
  const up = name.toUpperCase();
  return SECRETISH.some((s) => up.includes(s));
}

// ---------------------------------------------------------------------------------------------

export interface SignalInput {
  capability: string;
  method: string;
  params: Record<string, unknown> | undefined;
  targetClass: string;
}

/** Computes `argDelta` and the flags from the call's params (§2.4). */
export function argumentSignals(input: SignalInput, ctx: SignalContext = {}): ArgSignals {
  const exec = ctx.exec ?? defaultExecAnalyzer;
  const method = input.method.trim().toLowerCase();
  const params = input.params ?? {};
  const flags = new Set<RiskFlag>();
  let delta = 0;

  // 1–3. Exec command, DCG patterns, heredoc.
  let shell: string | null = null;
  let argv: string[] | null = null;
  if (method === 'exec') {
    if (typeof params.command === 'string' && params.command.trim() !== '') shell = params.command;
    else if (typeof params.cmd === 'string') {
      const a = Array.isArray(params.args) ? params.args.filter((x): x is string => typeof x === 'string') : [];
      argv = [params.cmd, ...a];
    }
  } else if (method === 'tool' && normalizeToolName(params.name) === 'bash') {
    const inp = params.input;
    if (inp !== null && typeof inp === 'object' && !Array.isArray(inp) && typeof (inp as Record<string, unknown>).command === 'string') {
      shell = (inp as Record<string, unknown>).command as string;
    }
  }
  if (shell !== null || argv !== null) {
    const analysis = exec(shell !== null ? { mode: 'shell', command: shell } : { mode: 'argv', argv: argv! });
    let dcg = 0;
    for (const c of analysis.commands) dcg += dcgScore(c.words);
    if (analysis.classes.length > 0) {
      const tiers = analysis.classes.map((c) => c.tier);
      delta += tiers.includes('critical') ? 0.42 : tiers.includes('high') ? 0.3 : tiers.includes('medium') ? 0.18 : 0.1;
      flags.add('SUSPICIOUS_EXEC');
    } else if (analysis.commands.length > 0 && dcg === 0 && analysis.commands.every((c: ExecSimpleCommand) => isSafeUtility(c.words))) {
      delta -= 0.18;
    } else {
      delta += 0.04;
    }
    if (dcg > 0) {
      delta += Math.min(dcg, 0.55);
      flags.add('SUSPICIOUS_EXEC');
      flags.add('DCG_PATTERN_HIT');
    }
    const text = shell ?? argv!.join(' ');
    const h = heredocScore(text, exec);
    delta += h.score;
    if (h.matched) {
      flags.add('SUSPICIOUS_EXEC');
      flags.add('DCG_HEREDOC_HIT');
    }
  }

  // 4. Path.
  const path = pathOf(method, params);
  if (path !== null) {
    if (isSensitivePath(path)) {
      delta += input.capability === 'write' ? 0.3 : 0.2;
      flags.add('SENSITIVE_PATH');
    } else if (path.includes('../')) delta += 0.1;
    else if (path.startsWith('/')) delta += 0.04;
    else delta -= 0.03;
  }

  // 5. HTTP.
  if (input.capability === 'http') {
    if (input.targetClass === 'network.public') {
      delta += 0.14;
      flags.add('PUBLIC_NETWORK');
    } else if (input.targetClass === 'network.private' || input.targetClass === 'network.loopback') delta -= 0.06;
    else delta += 0.02;
  }

  // 6. Env.
  if (method === 'env') {
    const names: string[] = [];
    if (typeof params.name === 'string') names.push(params.name);
    if (Array.isArray(params.names)) for (const n of params.names) if (typeof n === 'string') names.push(n);
    if (names.some((n) => isSecretish(n, ctx.isSecret))) {
      delta += 0.22;
      flags.add('SECRET_ENV_ACCESS');
    } else if (names.length > 0) delta += 0.06;
  }

  return { delta: clamp(delta, -0.3, 0.55), flags: orderFlags(flags) };
}

const FLAG_ORDER: RiskFlag[] = ['SUSPICIOUS_EXEC', 'DCG_PATTERN_HIT', 'DCG_HEREDOC_HIT', 'SENSITIVE_PATH', 'PUBLIC_NETWORK', 'SECRET_ENV_ACCESS'];
export function orderFlags(flags: Iterable<RiskFlag>): RiskFlag[] {
  const set = new Set(flags);
  return FLAG_ORDER.filter((f) => set.has(f));
}

