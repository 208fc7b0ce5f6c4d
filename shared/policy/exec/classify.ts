/** The 10 dangerous command classes (policy.md §8.4) and `agent_unrestricted` (beyond it), token-based. */
import { asciiLower } from '../capabilities';
import type { Tier } from '../profiles';
import { agentUnrestricted } from './agents';
import { SHELLS, argsOf, basenameLower, commandsOf, type Pipeline, type Script, type SimpleCommand, scriptsOf } from './shell';
import { windowsDownloadAndRun } from './windows';

export const EXEC_CLASSES = [
  { name: 'recursive_delete', tier: 'critical' },
  { name: 'device_write', tier: 'critical' },
  { name: 'fork_bomb', tier: 'critical' },
  { name: 'disk_wipe', tier: 'critical' },
  { name: 'reverse_shell', tier: 'critical' },
  { name: 'pipe_to_shell', tier: 'high' },
  { name: 'system_shutdown', tier: 'high' },
  { name: 'permission_escalation', tier: 'high' },
  { name: 'process_termination', tier: 'high' },
  { name: 'credential_file_modification', tier: 'high' },
  // Beyond the spec's table (agents.ts): a coding agent's CLI with its approvals turned off.
  { name: 'agent_unrestricted', tier: 'high' },
] as const satisfies readonly { name: string; tier: Tier }[];

export type ExecClassName = (typeof EXEC_CLASSES)[number]['name'];
export const CLASS_TIER: Readonly<Record<ExecClassName, Tier>> = Object.fromEntries(EXEC_CLASSES.map((c) => [c.name, c.tier])) as Record<ExecClassName, Tier>;
export const CLASS_ORDER: Readonly<Record<ExecClassName, number>> = Object.fromEntries(EXEC_CLASSES.map((c, i) => [c.name, i])) as Record<ExecClassName, number>;

export interface ClassHit {
  name: ExecClassName;
  /** Ids of the simple commands the class spans. */
  commandIds: number[];
}

const lower = asciiLower;

/** Collapses repeated slashes and lowercases for path comparisons. */
function normPath(p: string): string {
  return lower(p).replace(/\/{2,}/g, '/');
}

const SYSTEM_DIRS = ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib64', '/opt', '/proc', '/root', '/sbin', '/srv', '/sys', '/usr', '/var'];

export function isProtectedTarget(word: string): boolean {
  const p = normPath(word);
  if (p === '/' || p === '/*' || p === '/.' || p === '/..' || p === '~' || p === '~/' || p === '~/*') return true;
  for (const base of ['$home', '${home}', ...SYSTEM_DIRS]) {
    if (p === base || p === base + '/' || p === base + '/*') return true;
  }
  return false;
}

const SPECIAL_DEVICES = new Set(['null', 'zero', 'stdout', 'stderr', 'tty']);

/** `/dev/X` where X is not null, zero, stdout, stderr, tty or fd/…. */
function isDevicePath(p: string): boolean {
  const n = normPath(p);
  if (!n.startsWith('/dev/')) return false;
  const rest = n.slice(5);
  if (rest === '' || SPECIAL_DEVICES.has(rest) || rest.startsWith('fd/')) return false;
  return true;
}

const BLOCK_PREFIXES = ['/dev/sd', '/dev/hd', '/dev/vd', '/dev/xvd', '/dev/nvme', '/dev/mmcblk', '/dev/disk', '/dev/rdisk', '/dev/md', '/dev/dm-', '/dev/loop', '/dev/mapper/'];

function isBlockDevice(p: string): boolean {
  const n = normPath(p);
  return BLOCK_PREFIXES.some((b) => n.startsWith(b) && n.length > b.length - (b.endsWith('/') ? 0 : 0));
}

const OUTPUT_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>', '<>', '>&']);

function outputTargets(cmd: SimpleCommand): string[] {
  const out: string[] = [];
  for (const r of cmd.redirects) if (OUTPUT_REDIRECTS.has(r.op) && r.target) out.push(r.target.text);
  return out;
}

function ddOperand(args: readonly string[], key: 'if' | 'of'): string | null {
  for (const a of args) if (lower(a).startsWith(key + '=')) return a.slice(3);
  return null;
}

/** Non-option operands (`--` ends options). */
function operands(args: readonly string[]): string[] {
  const out: string[] = [];
  let opts = true;
  for (const a of args) {
    if (opts && a === '--') {
      opts = false;
      continue;
    }
    if (opts && a.startsWith('-') && a.length > 1) continue;
    out.push(a);
  }
  return out;
}

function hasShortFlag(args: readonly string[], letters: string): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (/^-[A-Za-z]+$/.test(a)) for (const l of letters) if (a.includes(l)) return true;
  }
  return false;
}

const SENSITIVE_FILES = ['/etc/passwd', '/etc/shadow', '/etc/group', '/etc/gshadow', '/etc/sudoers', '/etc/ssh/sshd_config'];

export function isCredentialPath(word: string): boolean {
  const p = normPath(word);
  if (SENSITIVE_FILES.includes(p)) return true;
  if (p === '/etc/sudoers.d' || p.startsWith('/etc/sudoers.d/')) return true;
  for (const base of ['~/.ssh/', '$home/.ssh/', '${home}/.ssh/', '/root/.ssh/']) {
    if (p.startsWith(base) && p.slice(base.length).startsWith('authorized_keys')) return true;
  }
  const m = /^\/home\/[^/]+\/\.ssh\/authorized_keys/.exec(p);
  return m !== null;
}

const FETCHERS = new Set(['curl', 'wget', 'fetch', 'aria2c']);
const STDIN_RUNNERS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'fish', 'python', 'python3', 'perl', 'ruby', 'node', 'php']);
const ALL_SHELLS = new Set([...SHELLS, 'fish']);

function isFetcher(cmd: SimpleCommand): boolean {
  return cmd.program !== null && FETCHERS.has(cmd.program);
}

function isDecoder(cmd: SimpleCommand): boolean {
  const p = cmd.program;
  if (p === null) return false;
  const args = argsOf(cmd);
  if (p === 'base64') return args.some((a) => a === '-d' || a === '--decode' || a === '-D' || (/^-[A-Za-z]+$/.test(a) && (a.includes('d') || a.includes('D'))));
  if (p === 'openssl') return args.length > 0 && (lower(args[0]) === 'enc' || lower(args[0]) === 'base64') && args.includes('-d');
  if (p === 'xxd') return args.some((a) => a === '-r' || (/^-[A-Za-z]+$/.test(a) && a.includes('r')));
  return false;
}

/** Inline-code flags per interpreter family. */
function inlineFlags(prog: string): string {
  if (SHELLS.has(prog) || prog === 'fish' || prog.startsWith('python')) return 'c';
  if (prog === 'php') return 'r';
  if (prog === 'node') return 'ep';
  return 'eE';
}

function readsStdin(cmd: SimpleCommand): boolean {
  const p = cmd.program;
  if (p === null || !(STDIN_RUNNERS.has(p) || /^python[0-9.]*$/.test(p))) return false;
  const args = argsOf(cmd);
  if (args.includes('-') || args.includes('-s')) return true;
  if (hasShortFlag(args, inlineFlags(p))) return false;
  if (p.startsWith('python') && args.includes('-m')) return false;
  return operands(args).length === 0;
}

function treeHasFetcher(scripts: readonly Script[]): boolean {
  for (const s of scripts) for (const c of commandsOf(s)) if (isFetcher(c)) return true;
  return false;
}

/** Strips a leading `./` for download-then-run path comparisons. */
function runPath(p: string): string {
  let n = p.replace(/\/{2,}/g, '/');
  while (n.startsWith('./')) n = n.slice(2);
  return n;
}

function fetcherOutput(cmd: SimpleCommand): string | null {
  const args = argsOf(cmd);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (cmd.program === 'wget') {
      if (a === '-O' || a === '--output-document') {
        const v = args[i + 1];
        if (v !== undefined && v !== '-') return v;
      } else if (a.startsWith('--output-document=')) {
        const v = a.slice(18);
        if (v !== '-') return v;
      } else if (a.startsWith('-O') && a.length > 2 && a !== '-O-') return a.slice(2);
    } else {
      if (a === '-o' || a === '--output') {
        const v = args[i + 1];
        if (v !== undefined && v !== '-') return v;
      } else if (a.startsWith('--output=')) return a.slice(9);
      else if (/^-o[^-]/.test(a)) return a.slice(2);
    }
  }
  const redirected = outputTargets(cmd).find((t) => !/^[0-9-]+$/.test(t));
  return redirected ?? null;
}

/** Files a command runs: `./F` or a path as the program, `sh F`, `bash F`, `source F`, `. F`. */
function runTargets(cmd: SimpleCommand): string[] {
  if (cmd.programIndex < 0) return [];
  const out: string[] = [];
  const progWord = cmd.words[cmd.programIndex].text;
  out.push(runPath(progWord));
  const p = cmd.program!;
  if (p === 'source' || p === '.' || ALL_SHELLS.has(p) || STDIN_RUNNERS.has(p)) {
    const ops = operands(argsOf(cmd));
    if (ops.length > 0) out.push(runPath(ops[0]));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Per-command classes

function recursiveDelete(cmd: SimpleCommand, args: readonly string[]): boolean {
  const p = cmd.program;
  if (p === 'rm') {
    if (args.some((a) => lower(a) === '--no-preserve-root')) return true;
    let recursive = false;
    let opts = true;
    const targets: string[] = [];
    for (const a of args) {
      if (opts && a === '--') {
        opts = false;
        continue;
      }
      if (opts && a.startsWith('--')) {
        if (lower(a) === '--recursive') recursive = true;
        continue;
      }
      if (opts && a.startsWith('-') && a.length > 1) {
        if (a.includes('r') || a.includes('R')) recursive = true;
        continue;
      }
      targets.push(a);
    }
    return recursive && targets.some(isProtectedTarget);
  }
  if (p === 'find') {
    const paths: string[] = [];
    for (const a of args) {
      if (a.startsWith('-') || a === '(' || a === '!') break;
      paths.push(a);
    }
    return paths.some(isProtectedTarget) && args.some((a) => lower(a) === '-delete');
  }
  return false;
}

const MKFS = new Set(['mkfs', 'mke2fs', 'fdisk', 'sfdisk', 'gdisk', 'parted']);

function deviceWrite(cmd: SimpleCommand, args: readonly string[]): boolean {
  const p = cmd.program;
  if (p === 'dd') {
    const of = ddOperand(args, 'of');
    if (of !== null && isDevicePath(of)) return true;
  }
  if (p !== null && (MKFS.has(p) || p.startsWith('mkfs.'))) return true;
  return outputTargets(cmd).some(isBlockDevice);
}

function diskWipe(cmd: SimpleCommand, args: readonly string[]): boolean {
  const p = cmd.program;
  if (p === 'wipefs' || p === 'blkdiscard') return true;
  if (p === 'shred') return operands(args).some(isDevicePath);
  if (p === 'dd') {
    const inp = ddOperand(args, 'if');
    const of = ddOperand(args, 'of');
    const src = inp === null ? '' : normPath(inp);
    return (src === '/dev/zero' || src === '/dev/urandom' || src === '/dev/random') && of !== null && isDevicePath(of);
  }
  return false;
}

function hasDevTcp(cmd: SimpleCommand): boolean {
  const has = (t: string): boolean => {
    const l = lower(t);
    return l.includes('/dev/tcp/') || l.includes('/dev/udp/');
  };
  return cmd.words.some((w) => has(w.text)) || cmd.redirects.some((r) => r.target !== null && has(r.target.text));
}

const NC = new Set(['nc', 'ncat', 'netcat']);
const INLINE_LANGS = new Set(['python', 'python3', 'perl', 'ruby', 'php', 'node']);

function inlineCode(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-c' || a === '-e' || a === '-r' || a === '-E') {
      if (args[i + 1] !== undefined) out.push(args[i + 1]);
      i++;
    } else if (/^-[ceEr]./.test(a)) out.push(a.slice(2));
  }
  return out;
}

function isReverseShellCode(code: string): boolean {
  const l = lower(code);
  return l.includes('socket') && l.includes('connect') && ['sh', 'subprocess', 'pty', 'exec', 'spawn', 'dup2'].some((k) => l.includes(k));
}

function reverseShellCommand(cmd: SimpleCommand, args: readonly string[]): boolean {
  const p = cmd.program;
  if (p === null) return false;
  if (NC.has(p)) {
    for (const a of args) {
      const l = lower(a);
      if (['-e', '-c', '--exec', '--sh-exec', '--lua-exec'].includes(l)) return true;
      if (/^--(exec|sh-exec|lua-exec)=/.test(l)) return true;
      if (/^-[a-z]*[ec]/.test(a) && !a.startsWith('--')) return true;
    }
    return false;
  }
  if (p === 'socat') return args.some((a) => /exec:|system:/i.test(a));
  if (INLINE_LANGS.has(p) || /^python[0-9.]*$/.test(p)) {
    if (inlineCode(args).some(isReverseShellCode)) return true;
    for (const r of cmd.redirects) if (r.heredoc !== undefined && isReverseShellCode(r.heredoc)) return true;
  }
  return false;
}

function systemShutdown(cmd: SimpleCommand, args: readonly string[]): boolean {
  const p = cmd.program;
  if (p === 'shutdown' || p === 'reboot' || p === 'halt' || p === 'poweroff') return true;
  const ops = operands(args);
  if (p === 'init' || p === 'telinit') return ops[0] === '0' || ops[0] === '6';
  if (p === 'systemctl') return ops.length > 0 && ['poweroff', 'reboot', 'halt', 'kexec'].includes(lower(ops[0]));
  return false;
}

const CHMOD_OPTS = new Set(['-r', '-v', '-f', '-c', '--recursive', '--verbose', '--silent', '--quiet', '--changes', '-h', '--no-dereference', '--preserve-root', '--no-preserve-root']);

export function chmodModeIsEscalation(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const last = mode[mode.length - 1];
    if (last === '2' || last === '3' || last === '6' || last === '7') return true;
    if (mode.length === 4 && mode[0] >= '2' && mode[0] <= '7') return true;
    return false;
  }
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) continue;
    const [, who, op, perms] = m;
    if (op === '-') continue;
    if ((who.includes('o') || who.includes('a')) && perms.includes('w')) return true;
    if (perms.includes('s')) return true;
  }
  return false;
}

function permissionEscalation(cmd: SimpleCommand, args: readonly string[]): boolean {
  const p = cmd.program;
  if (p === 'setcap') return true;
  if (p !== 'chmod') return false;
  for (const a of args) {
    if (CHMOD_OPTS.has(lower(a)) || lower(a).startsWith('--reference')) continue;
    if (a === '--') continue;
    return chmodModeIsEscalation(a);
  }
  return false;
}

const CRITICAL_PROCS = new Set(['init', 'systemd', 'sshd', 'launchd', 'dockerd']);

function processTermination(cmd: SimpleCommand, args: readonly string[]): boolean {
  const p = cmd.program;
  if (p === 'killall') return true;
  if (p === 'pkill') return operands(args).some((a) => CRITICAL_PROCS.has(lower(a)));
  if (p !== 'kill') return false;
  let i = 0;
  if (args[0] === '-s' || args[0] === '-n' || args[0] === '--signal') i = 2;
  else if (args.length > 1 && args[0].startsWith('-') && args[0] !== '--') i = 1;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') continue;
    if (a === '1' || a === '-1') return true;
  }
  return false;
}

const CRED_PROGRAMS = new Set(['usermod', 'useradd', 'passwd', 'chpasswd', 'visudo']);

function credentialModification(cmd: SimpleCommand, args: readonly string[]): boolean {
  const p = cmd.program;
  if (outputTargets(cmd).some(isCredentialPath)) return true;
  if (p === null) return false;
  if (CRED_PROGRAMS.has(p)) return true;
  if (p === 'tee') return operands(args).some(isCredentialPath);
  if (p === 'cp' || p === 'mv' || p === 'install' || p === 'ln') {
    for (let i = 0; i < args.length; i++) {
      if ((args[i] === '-t' || args[i] === '--target-directory') && args[i + 1] !== undefined && isCredentialPath(args[i + 1])) return true;
      if (args[i].startsWith('--target-directory=') && isCredentialPath(args[i].slice(19))) return true;
    }
    const ops = operands(args);
    return ops.length >= 2 && isCredentialPath(ops[ops.length - 1]);
  }
  if (p === 'sed' || p === 'perl') {
    const inPlace = args.some((a) => a === '--in-place' || a.startsWith('--in-place=') || (/^-[A-Za-z]*i/.test(a) && !a.startsWith('--')));
    return inPlace && args.some(isCredentialPath);
  }
  if (p === 'dd') {
    const of = ddOperand(args, 'of');
    return of !== null && isCredentialPath(of);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Script-level classes

/** `name(){ name|name& }` anywhere in the text, whitespace-insensitive, any name. */
export function hasForkBombText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (lower(text).includes('fork while fork')) return true;
  let from = 0;
  for (;;) {
    const at = t.indexOf('(){', from);
    if (at < 0) return false;
    let s = at;
    while (s > 0 && /[A-Za-z0-9_:.\-]/.test(t[s - 1])) s--;
    const name = t.slice(s, at);
    if (name !== '' && (t.startsWith(`${name}|${name}&`, at + 3) || t.startsWith(`${name}|${name};&`, at + 3))) return true;
    from = at + 3;
  }
}

function whileLoopBackground(script: Script): number[] | null {
  const cmds: SimpleCommand[] = script.pipelines.flatMap((p) => p.commands);
  // Scanning backwards: the nearest later command that is backgrounded, and the nearest `done`.
  let nextBg = -1;
  let nextDone = -1;
  const bgAt: number[] = new Array(cmds.length);
  const doneAt: number[] = new Array(cmds.length);
  for (let i = cmds.length - 1; i >= 0; i--) {
    if (cmds[i].terminator === '&') nextBg = i;
    if (cmds[i].words.some((x) => x.text === 'done')) nextDone = i;
    bgAt[i] = nextBg;
    doneAt[i] = nextDone;
  }
  for (let i = 0; i < cmds.length; i++) {
    const w = cmds[i].words;
    let wi = -1;
    for (let k = 0; k < w.length; k++) if (w[k].text === 'while') wi = k;
    if (wi < 0 || !(w[wi + 1]?.text === 'true' || w[wi + 1]?.text === ':')) continue;
    const bg = bgAt[i];
    if (bg < 0) continue;
    const done = i + 1 < cmds.length ? doneAt[i + 1] : -1;
    // The backgrounded command must be inside the loop body (before or at its `done`).
    if (done < 0 || bg < done || (bg === done && cmds[done].words[0]?.text !== 'done')) return cmds.slice(i, bg + 1).map((c) => c.id);
  }
  return null;
}

function pipelineToShell(pipeline: Pipeline): number[] | null {
  const cs = pipeline.commands;
  let firstSource = -1;
  for (let j = 0; j < cs.length; j++) {
    if (firstSource >= 0 && readsStdin(cs[j])) return [cs[firstSource].id, cs[j].id];
    if (firstSource < 0 && (isFetcher(cs[j]) || isDecoder(cs[j]))) firstSource = j;
  }
  return null;
}

function substitutionToShell(cmd: SimpleCommand): boolean {
  const p = cmd.program;
  if (p === null || !(ALL_SHELLS.has(p) || p === 'eval' || p === 'source' || p === '.')) return false;
  for (let i = cmd.programIndex + 1; i < cmd.words.length; i++) if (treeHasFetcher(cmd.words[i].subs)) return true;
  return false;
}

/**
 * Classifies a parsed command. Returns every class in table order with the commands it spans.
 * `skip` holds ids of exempt commands: per-command classes are not computed for them, and
 * multi-command classes are suppressed only when all the commands they span are exempt.
 */
export function classifyScript(root: Script, rawText: string, skip: ReadonlySet<number>): ClassHit[] {
  const found = new Map<ExecClassName, Set<number>>();
  const add = (name: ExecClassName, ids: readonly number[]): void => {
    if (ids.length > 0 && ids.every((id) => skip.has(id))) return;
    let s = found.get(name);
    if (!s) found.set(name, (s = new Set()));
    for (const id of ids) s.add(id);
  };
  const all = commandsOf(root);
  const runsShellOrExec = all.some((c) => (c.program !== null && ALL_SHELLS.has(c.program)) || c.head === 'exec');
  for (const cmd of all) {
    if (skip.has(cmd.id)) continue;
    const args = argsOf(cmd);
    const one = [cmd.id];
    if (recursiveDelete(cmd, args)) add('recursive_delete', one);
    if (deviceWrite(cmd, args)) add('device_write', one);
    if (diskWipe(cmd, args)) add('disk_wipe', one);
    if ((runsShellOrExec && hasDevTcp(cmd)) || reverseShellCommand(cmd, args)) add('reverse_shell', one);
    if (substitutionToShell(cmd) || windowsDownloadAndRun(cmd.program, args)) add('pipe_to_shell', one);
    if (systemShutdown(cmd, args)) add('system_shutdown', one);
    if (permissionEscalation(cmd, args)) add('permission_escalation', one);
    if (processTermination(cmd, args)) add('process_termination', one);
    if (credentialModification(cmd, args)) add('credential_file_modification', one);
    if (agentUnrestricted(cmd.program, args)) add('agent_unrestricted', one);
  }
  for (const script of scriptsOf(root)) {
    const ids = commandsOf(script).map((c) => c.id);
    if (hasForkBombText(script.text) && ids.length > 0) add('fork_bomb', ids);
    const loop = whileLoopBackground(script);
    if (loop) add('fork_bomb', loop);
    for (const p of script.pipelines) {
      const span = pipelineToShell(p);
      if (span) add('pipe_to_shell', span);
    }
    // Download-then-run within one script, in order.
    const seq = script.pipelines.flatMap((p) => p.commands);
    const written = new Map<string, number>();
    for (const cmd of seq) {
      for (const target of runTargets(cmd)) {
        const fetcherId = written.get(target);
        if (fetcherId !== undefined) add('pipe_to_shell', [fetcherId, cmd.id]);
      }
      if (isFetcher(cmd)) {
        const f = fetcherOutput(cmd);
        if (f !== null && !written.has(runPath(f))) written.set(runPath(f), cmd.id);
      }
    }
  }
  if (root.depth === 0 && rawText !== root.text && hasForkBombText(rawText)) add('fork_bomb', all.map((c) => c.id));
  return EXEC_CLASSES.filter((c) => found.has(c.name)).map((c) => ({ name: c.name, commandIds: [...found.get(c.name)!] }));
}

export { basenameLower };
