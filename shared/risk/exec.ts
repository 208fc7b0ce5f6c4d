/**
 * Exec command analysis used by the risk controller's argument signals (risk.md §2.4, policy.md
 * §8.2–§8.4). The controller depends only on the {@link ExecAnalyzer} interface; the policy layer's
 * exec mediation classifier can be injected through it. {@link builtinExecAnalyzer} is a compact,
 * self-contained implementation of the same lexing and class rules (used by default so the risk core
 * and its golden fixtures do not depend on another module's internals).
 */

export type ExecTier = 'low' | 'medium' | 'high' | 'critical';
export const TIER_RANK: Readonly<Record<ExecTier, number>> = { low: 0, medium: 1, high: 2, critical: 3 };

export type ExecInput = { mode: 'shell'; command: string } | { mode: 'argv'; argv: string[] };

export interface ExecSimpleCommand {
  /** Words starting at the program word (wrappers and assignments skipped); `words[0]` is the program basename, lowercased. */
  words: string[];
}

export interface ExecAnalysis {
  commands: ExecSimpleCommand[];
  classes: Array<{ name: string; tier: ExecTier }>;
}

export type ExecAnalyzer = (input: ExecInput) => ExecAnalysis;

// ---------------------------------------------------------------------------------------------
// Lexer (policy.md §8.2)

interface Redirect {
  op: string;
  target: string;
}
interface Cmd {
  raw: string[];
  redirects: Redirect[];
  /** Nested scripts in this command ($(), backticks, process substitution). */
  nested: Script[];
}
interface Pipeline {
  stages: Cmd[];
}
interface Script {
  pipelines: Pipeline[];
  text: string;
}

const MAX_DEPTH = 4;
const MAX_INPUT = 64 * 1024;

function newCmd(): Cmd {
  return { raw: [], redirects: [], nested: [] };
}

/** Finds the index of the `)` closing a `$(`/`<(` opened just before `start`, respecting quotes. */
function matchParen(s: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      i = j < 0 ? s.length : j + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}

export function lexScript(input: string, depth = 0): Script {
  const src = input.slice(0, MAX_INPUT).replace(/\$\{IFS\}|\$IFS/gi, ' ').replace(/\\\n/g, '');
  const script: Script = { pipelines: [], text: src };
  let pipeline: Pipeline = { stages: [] };
  let cmd = newCmd();
  let word = '';
  let inWord = false;
  let pendingRedirect: string | null = null;
  const pendingHeredocs: Array<{ delim: string; strip: boolean; cmd: Cmd }> = [];

  const endWord = () => {
    if (!inWord) return;
    if (pendingRedirect !== null) {
      if (pendingRedirect.startsWith('<<') && pendingRedirect !== '<<<') {
        pendingHeredocs.push({ delim: word, strip: pendingRedirect === '<<-', cmd });
      }
      cmd.redirects.push({ op: pendingRedirect, target: word });
      pendingRedirect = null;
    } else cmd.raw.push(word);
    word = '';
    inWord = false;
  };
  const endCmd = () => {
    endWord();
    if (cmd.raw.length > 0 || cmd.redirects.length > 0) pipeline.stages.push(cmd);
    cmd = newCmd();
  };
  const endPipeline = () => {
    endCmd();
    if (pipeline.stages.length > 0) script.pipelines.push(pipeline);
    pipeline = { stages: [] };
  };
  const nest = (text: string) => {
    if (depth + 1 <= MAX_DEPTH) cmd.nested.push(lexScript(text, depth + 1));
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      endPipeline();
      i++;
      // Heredoc bodies follow the line that opened them.
      while (pendingHeredocs.length > 0) {
        const h = pendingHeredocs.shift()!;
        const bodyLines: string[] = [];
        while (i < src.length) {
          const nl = src.indexOf('\n', i);
          const line = src.slice(i, nl < 0 ? src.length : nl);
          i = nl < 0 ? src.length : nl + 1;
          if ((h.strip ? line.replace(/^\t+/, '') : line).trim() === h.delim) break;
          bodyLines.push(line);
        }
        const prog = resolveProgram(h.cmd.raw).words[0] ?? '';
        if (SHELLS.has(prog) && depth + 1 <= MAX_DEPTH) h.cmd.nested.push(lexScript(bodyLines.join('\n'), depth + 1));
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? src.length : nl;
      continue;
    }
    if (c === ';') {
      endPipeline();
      i++;
      continue;
    }
    if (c === '&') {
      if (src[i + 1] === '&') {
        endPipeline();
        i += 2;
        continue;
      }
      if (src[i + 1] === '>') {
        endWord();
        pendingRedirect = '&>';
        i += 2;
        continue;
      }
      endPipeline();
      i++;
      continue;
    }
    if (c === '|') {
      if (src[i + 1] === '|') {
        endPipeline();
        i += 2;
        continue;
      }
      endCmd();
      i += src[i + 1] === '&' ? 2 : 1;
      continue;
    }
    if ((c === '<' || c === '>') && src[i + 1] === '(') {
      const close = matchParen(src, i + 2);
      const end = close < 0 ? src.length : close;
      nest(src.slice(i + 2, end));
      word += src.slice(i, end + 1);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '>' || c === '<') {
      // An all-digit word right before is a file descriptor.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else endWord();
      let op = c;
      let j = i + 1;
      if (c === '<' && src.startsWith('<<', i)) {
        op = src.startsWith('<<<', i) ? '<<<' : src[i + 2] === '-' ? '<<-' : '<<';
        j = i + op.length;
      } else if (src[j] === '>' || src[j] === '|' || src[j] === '&') {
        op += src[j];
        j++;
      }
      pendingRedirect = op;
      i = j;
      continue;
    }
    if (c === "'") {
      const j = src.indexOf("'", i + 1);
      const end = j < 0 ? src.length : j;
      word += src.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      inWord = true;
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && '"\\`$'.includes(src[i + 1] ?? '')) {
          word += src[i + 1];
          i += 2;
          continue;
        }
        if (src[i] === '$' && src[i + 1] === '(') {
          const close = matchParen(src, i + 2);
          const end = close < 0 ? src.length : close;
          nest(src.slice(i + 2, end));
          word += src.slice(i, end + 1);
          i = end + 1;
          continue;
        }
        if (src[i] === '`') {
          const j = src.indexOf('`', i + 1);
          const end = j < 0 ? src.length : j;
          nest(src.slice(i + 1, end));
          word += src.slice(i, end + 1);
          i = end + 1;
          continue;
        }
        word += src[i];
        i++;
      }
      i++;
      continue;
    }
    if (c === '\\') {
      if (i + 1 < src.length) word += src[i + 1];
      inWord = true;
      i += 2;
      continue;
    }
    if (c === '$' && src[i + 1] === '(') {
      const close = matchParen(src, i + 2);
      const end = close < 0 ? src.length : close;
      nest(src.slice(i + 2, end));
      word += src.slice(i, end + 1);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '`') {
      const j = src.indexOf('`', i + 1);
      const end = j < 0 ? src.length : j;
      nest(src.slice(i + 1, end));
      word += src.slice(i, end + 1);
      inWord = true;
      i = end + 1;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  endPipeline();
  return script;
}

// ---------------------------------------------------------------------------------------------
// Program resolution

const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash']);
const INTERPRETERS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'python', 'python3', 'perl', 'ruby', 'node', 'php']);
const WRAPPERS = new Set(['sudo', 'doas', 'env', 'nohup', 'time', 'command', 'builtin', 'exec', 'nice', 'ionice', 'timeout', 'stdbuf', 'xargs', 'busybox']);

export function basename(word: string): string {
  const i = word.lastIndexOf('/');
  return (i >= 0 ? word.slice(i + 1) : word).toLowerCase();
}

/** Skips assignments and wrappers (with their options); returns the words from the program on. */
export function resolveProgram(raw: string[]): ExecSimpleCommand {
  let i = 0;
  for (;;) {
    while (i < raw.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(raw[i])) i++;
    if (i >= raw.length) return { words: [] };
    const prog = basename(raw[i]);
    if (!WRAPPERS.has(prog)) break;
    i++;
    while (i < raw.length && raw[i].startsWith('-')) {
      const opt = raw[i];
      i++;
      if ((prog === 'sudo' && opt === '-u') || (prog === 'nice' && opt === '-n')) i++;
    }
    if (prog === 'timeout' && i < raw.length && /^\d/.test(raw[i])) i++;
  }
  return { words: [basename(raw[i]), ...raw.slice(i + 1)] };
}

// ---------------------------------------------------------------------------------------------
// Classes (policy.md §8.4)

const SYSTEM_DIRS = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'opt', 'proc', 'root', 'sbin', 'srv', 'sys', 'usr', 'var'];

export function isProtectedTarget(t: string): boolean {
  if (['/', '/*', '/.', '/..', '~', '~/', '~/*'].includes(t)) return true;
  if (/^(\$HOME|\$\{HOME\})(\/|\/\*)?$/.test(t)) return true;
  const m = /^\/([^/]+)(\/|\/\*)?$/.exec(t);
  return m !== null && SYSTEM_DIRS.includes(m[1].toLowerCase());
}

export function hasShortFlag(words: string[], letters: string): boolean {
  return words.some((w) => /^-[A-Za-z]+$/.test(w) && [...letters].some((l) => w.slice(1).includes(l)));
}

export function isRecursiveRm(words: string[]): boolean {
  return words.includes('--recursive') || hasShortFlag(words, 'rR');
}

export function isForceRm(words: string[]): boolean {
  return words.includes('--force') || hasShortFlag(words, 'f');
}

export function isDeviceOf(words: string[]): boolean {
  return words.some((w) => {
    const m = /^of=\/dev\/(.+)$/i.exec(w);
    return m !== null && !/^(null|zero|stdout|stderr|tty|fd\/.*)$/i.test(m[1]);
  });
}

const BLOCK_DEVICE = /^\/dev\/(sd|hd|vd|xvd|nvme|mmcblk|disk|rdisk|md|dm-|loop|mapper\/)/i;
const CREDENTIAL_FILES = /^(\/etc\/(passwd|shadow|group|gshadow|sudoers|sudoers\.d\/.*|ssh\/sshd_config)|(~|\$HOME|\/root)\/\.ssh\/authorized_keys)$/;

function args(words: string[]): string[] {
  return words.slice(1).filter((w) => !w.startsWith('-'));
}

function classifyCommand(cmd: Cmd, words: string[], found: Set<string>): void {
  const prog = words[0] ?? '';
  const rest = words.slice(1);
  if (prog === 'rm') {
    if (rest.includes('--no-preserve-root') || (isRecursiveRm(rest) && args(words).some(isProtectedTarget))) found.add('recursive_delete');
  }
  if (prog === 'find' && rest.includes('-delete') && rest.length > 0 && isProtectedTarget(rest[0])) found.add('recursive_delete');
  if (prog === 'dd' && isDeviceOf(rest)) {
    found.add('device_write');
    if (rest.some((w) => /^if=\/dev\/(zero|urandom|random)$/i.test(w))) found.add('disk_wipe');
  }
  if (/^mkfs(\..*)?$/.test(prog) || ['mke2fs', 'fdisk', 'sfdisk', 'gdisk', 'parted'].includes(prog)) found.add('device_write');
  if (cmd.redirects.some((r) => r.op.includes('>') && BLOCK_DEVICE.test(r.target))) found.add('device_write');
  if (prog === 'wipefs' || prog === 'blkdiscard' || (prog === 'shred' && rest.some((w) => BLOCK_DEVICE.test(w)))) found.add('disk_wipe');
  const all = [...words, ...cmd.redirects.map((r) => r.target)];
  if (all.some((w) => /\/dev\/(tcp|udp)\//.test(w)) && (SHELLS.has(prog) || prog === 'exec' || cmd.raw.some((w) => basename(w) === 'exec'))) found.add('reverse_shell');
  if (['nc', 'ncat', 'netcat'].includes(prog) && rest.some((w) => ['-e', '-c', '--exec', '--sh-exec', '--lua-exec'].includes(w))) found.add('reverse_shell');
  if (prog === 'socat' && rest.some((w) => /exec:|system:/i.test(w))) found.add('reverse_shell');
  if (['python', 'python3', 'perl', 'ruby', 'php', 'node'].includes(prog)) {
    const i = rest.findIndex((w) => w === '-c' || w === '-e' || w === '-r');
    const code = i >= 0 ? (rest[i + 1] ?? '') : '';
    if (/socket/.test(code) && /connect/.test(code) && /sh|subprocess|pty|exec|spawn|dup2/.test(code)) found.add('reverse_shell');
  }
  if (['shutdown', 'reboot', 'halt', 'poweroff'].includes(prog)) found.add('system_shutdown');
  if ((prog === 'init' || prog === 'telinit') && (rest[0] === '0' || rest[0] === '6')) found.add('system_shutdown');
  if (prog === 'systemctl' && ['poweroff', 'reboot', 'halt', 'kexec'].includes((rest[0] ?? '').toLowerCase())) found.add('system_shutdown');
  if (prog === 'chmod') {
    const mode = args(words)[0] ?? rest.find((w) => /^[ugoa]*[+=-]/.test(w)) ?? '';
    const m = rest.find((w) => /^[0-7]{3,4}$/.test(w) || /^[ugoa]*[+=][rwxst]+$/.test(w)) ?? mode;
    if (/^[0-7]{3,4}$/.test(m)) {
      if ('2367'.includes(m[m.length - 1]) || (m.length === 4 && '234567'.includes(m[0]))) found.add('permission_escalation');
    } else if (/^(o|a)\+(w|rwx)$/.test(m) || /^[ug]*\+s$/.test(m)) found.add('permission_escalation');
  }
  if (prog === 'setcap') found.add('permission_escalation');
  if (prog === 'kill' && rest.some((w) => w === '1' || w === '-1')) found.add('process_termination');
  if (prog === 'pkill' && rest.some((w) => ['init', 'systemd', 'sshd', 'launchd', 'dockerd'].includes(w))) found.add('process_termination');
  if (prog === 'killall') found.add('process_termination');
  const writesCred =
    cmd.redirects.some((r) => r.op.includes('>') && CREDENTIAL_FILES.test(r.target)) ||
    (prog === 'tee' && args(words).some((w) => CREDENTIAL_FILES.test(w))) ||
    (['cp', 'mv', 'install', 'ln'].includes(prog) && CREDENTIAL_FILES.test(args(words).at(-1) ?? '')) ||
    ((prog === 'sed' || prog === 'perl') && rest.some((w) => w.startsWith('-i')) && args(words).some((w) => CREDENTIAL_FILES.test(w))) ||
    (prog === 'dd' && rest.some((w) => CREDENTIAL_FILES.test(w.replace(/^of=/, '')) && w.startsWith('of='))) ||
    ['usermod', 'useradd', 'passwd', 'chpasswd', 'visudo'].includes(prog);
  if (writesCred) found.add('credential_file_modification');
}

const FETCHERS = new Set(['curl', 'wget', 'fetch', 'aria2c']);

function isDecoder(words: string[]): boolean {
  const p = words[0];
  const rest = words.slice(1);
  return (p === 'base64' && rest.some((w) => w === '-d' || w === '--decode' || w === '-D')) ||
    (p === 'openssl' && rest[0] === 'enc' && rest.includes('-d')) || (p === 'xxd' && rest.includes('-r'));
}

function readsStdin(words: string[]): boolean {
  const rest = words.slice(1).filter((w) => !(w.startsWith('-') && w !== '-' && w !== '-s'));
  return rest.length === 0 || words.slice(1).some((w) => w === '-' || w === '-s');
}

const TIERS: Record<string, ExecTier> = {
  recursive_delete: 'critical',
  device_write: 'critical',
  fork_bomb: 'critical',
  disk_wipe: 'critical',
  reverse_shell: 'critical',
  pipe_to_shell: 'high',
  system_shutdown: 'high',
  permission_escalation: 'high',
  process_termination: 'high',
  credential_file_modification: 'high',
};
const CLASS_ORDER = Object.keys(TIERS);

function scriptUsesFetcher(s: Script): boolean {
  const stack = [s];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    for (const p of cur.pipelines) for (const c of p.stages) {
      if (FETCHERS.has(resolveProgram(c.raw).words[0] ?? '')) return true;
      stack.push(...c.nested);
    }
  }
  return false;
}

/** The built-in analyzer: lexes, resolves programs and classifies (policy.md §8.2, §8.4). */
export const builtinExecAnalyzer: ExecAnalyzer = (input) => {
  const found = new Set<string>();
  const commands: ExecSimpleCommand[] = [];
  let root: Script;
  if (input.mode === 'argv') {
    const cmd: Cmd = { raw: input.argv.slice(), redirects: [], nested: [] };
    const prog = resolveProgram(cmd.raw);
    const ci = prog.words.indexOf('-c');
    if (SHELLS.has(prog.words[0] ?? '') && ci > 0 && typeof prog.words[ci + 1] === 'string') cmd.nested.push(lexScript(prog.words[ci + 1], 1));
    root = { pipelines: [{ stages: [cmd] }], text: input.argv.join(' ') };
  } else {
    root = lexScript(input.command);
    if (/(\w+|:)\s*\(\)\s*\{\s*\1\s*\|\s*\1\s*&\s*\}/.test(input.command.replace(/\s+/g, ' ')) || /while\s+(true|:)\s*;\s*do[^]*&\s*(;|done)/.test(input.command) || input.command.includes('fork while fork')) {
      found.add('fork_bomb');
    }
  }
  const stack: Script[] = [root];
  while (stack.length > 0) {
    const s = stack.pop()!;
    for (const p of s.pipelines) {
      let fetchOrDecode = false;
      const fetchedFiles = new Set<string>();
      for (const c of p.stages) {
        const resolved = resolveProgram(c.raw);
        // The -c payload of a shell program is a nested script (also in argv mode, added above).
        const ci = resolved.words.indexOf('-c');
        if (input.mode === 'shell' && SHELLS.has(resolved.words[0] ?? '') && ci > 0 && resolved.words[ci + 1] !== undefined) {
          c.nested.push(lexScript(resolved.words[ci + 1], 1));
        }
        if (resolved.words.length > 0) {
          commands.push(resolved);
          classifyCommand(c, resolved.words, found);
          const prog = resolved.words[0];
          if (fetchOrDecode && INTERPRETERS.has(prog) && readsStdin(resolved.words)) found.add('pipe_to_shell');
          if (FETCHERS.has(prog) || isDecoder(resolved.words)) fetchOrDecode = true;
          if ((SHELLS.has(prog) || prog === 'eval' || prog === 'source' || prog === '.') && c.nested.some(scriptUsesFetcher)) found.add('pipe_to_shell');
          if (FETCHERS.has(prog)) {
            const w = resolved.words;
            const oi = w.findIndex((x) => x === '-o' || x === '--output' || x === '-O');
            if (oi >= 0 && w[oi + 1]) fetchedFiles.add(w[oi + 1]);
            for (const r of c.redirects) if (r.op === '>') fetchedFiles.add(r.target);
          }
        }
        stack.push(...c.nested);
      }
      void fetchedFiles;
    }
  }
  // Download-then-run across the script's commands.
  const fetched = new Set<string>();
  for (const c of commands) {
    const w = c.words;
    if (FETCHERS.has(w[0])) {
      const oi = w.findIndex((x) => x === '-o' || x === '--output' || x === '-O');
      if (oi >= 0 && w[oi + 1]) fetched.add(w[oi + 1]);
    } else if (fetched.size > 0) {
      const target = SHELLS.has(w[0]) || w[0] === 'source' || w[0] === '.' ? w[1] : w[0].startsWith('./') ? w[0].slice(2) : undefined;
      if (target && (fetched.has(target) || fetched.has(target.replace(/^\.\//, '')))) found.add('pipe_to_shell');
    }
  }
  const classes = CLASS_ORDER.filter((c) => found.has(c)).map((name) => ({ name, tier: TIERS[name] }));
  return { commands, classes };
};
