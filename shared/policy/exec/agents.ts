/**
 * `agent_unrestricted`, beyond the spec's classes (§8.4): a coding agent's CLI started with its
 * permission checks turned off. The s1ngularity malware (the Nx packages, 2025) ran
 * `claude --dangerously-skip-permissions`, `gemini --yolo` and `q chat --trust-all-tools` with a
 * prompt that had the agent search the disk for wallets and tokens: the agent does the stealing, and
 * no scanner sees a file read. Agents started normally (each action approved) are not this class.
 */
import { asciiLower } from '../capabilities';

/** Flags that turn every approval off, whichever program (or package runner) carries them. */
const BYPASS_FLAGS: ReadonlySet<string> = new Set(['--dangerously-skip-permissions', '--dangerously-bypass-approvals-and-sandbox', '--trust-all-tools']);

/** Per agent CLI, its own spellings of "approve everything". */
const AGENT_FLAGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['claude', ['--permission-mode=bypasspermissions']],
  ['gemini', ['--yolo', '-y', '--approval-mode=yolo']],
  ['codex', ['--yolo', '--sandbox=danger-full-access']],
  ['q', []],
  ['qchat', []],
  ['cursor-agent', ['--force', '-f']],
  ['aider', ['--yes-always']],
]);

/** Package runners that start an agent by its npm package (`npx @anthropic-ai/claude-code …`). */
const RUNNERS: ReadonlySet<string> = new Set(['npx', 'bunx', 'pnpx', 'pnpm', 'yarn', 'bun', 'npm']);
const AGENT_PACKAGES: ReadonlyMap<string, string> = new Map([
  ['@anthropic-ai/claude-code', 'claude'],
  ['@google/gemini-cli', 'gemini'],
  ['@openai/codex', 'codex'],
]);

/** `--flag value` and `--flag=value` compared alike, lowercased. */
function normalizedFlags(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = asciiLower(args[i]);
    out.push(a);
    if (a.startsWith('--') && !a.includes('=') && i + 1 < args.length && !args[i + 1].startsWith('-')) out.push(`${a}=${asciiLower(args[i + 1])}`);
  }
  return out;
}

function agentOf(program: string, args: readonly string[]): string | null {
  const name = program.replace(/\.(?:exe|cmd|ps1)$/, '');
  if (AGENT_FLAGS.has(name)) return name;
  if (!RUNNERS.has(name)) return null;
  for (const arg of args) {
    const a = asciiLower(arg);
    const version = a.indexOf('@', 1); // `@openai/codex@latest`
    const agent = AGENT_PACKAGES.get(version > 0 ? a.slice(0, version) : a);
    if (agent) return agent;
  }
  return null;
}

export function agentUnrestricted(program: string | null, args: readonly string[]): boolean {
  if (program === null) return false;
  const agent = agentOf(program, args);
  if (agent === null) return false;
  const flags = normalizedFlags(args);
  const own = AGENT_FLAGS.get(agent) ?? [];
  return flags.some((f) => BYPASS_FLAGS.has(f) || own.includes(f));
}
