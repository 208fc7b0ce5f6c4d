/**
 * Token-based shell parsing for exec mediation (policy.md §8.2). POSIX-like lexing into simple
 * commands grouped in pipelines, with nested scripts ($(…), backticks, <(…), >(…), `sh -c`, `eval`,
 * heredocs to shells) parsed up to depth 4. Linear scans only; recursion is bounded by the depth
 * limit, never by the input.
 */
import { asciiLower } from '../capabilities';

export const MAX_NESTING_DEPTH = 4;

export interface Word {
  /** The word after quote removal; substitutions keep their raw text. */
  text: string;
  /** Nested scripts of substitutions inside this word. */
  subs: Script[];
}

export interface Redirect {
  op: string;
  fd: string | null;
  target: Word | null;
  heredoc?: string;
}

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
  /** Nested scripts of this command: substitutions, `-c` payloads, eval, heredocs, find -exec. */
  nested: Script[];
  /** The operator that ended it (`;`, `&`, `&&`, `||`, `\n`, `|`, `|&` or `` at the end). */
  terminator: string;
  /** Index of the program word (wrappers, assignments and reserved words skipped), or -1. */
  programIndex: number;
  /** Basename of the program word, lowercased, or null. */
  program: string | null;
  /** First word after assignments and reserved words, lowercased (to see `exec` itself). */
  head: string | null;
  depth: number;
  /** Sequential id over the whole parse (for exemption tracking). */
  id: number;
}

export interface Pipeline {
  commands: SimpleCommand[];
}

export interface Script {
  pipelines: Pipeline[];
  depth: number;
  /** Raw source text of this script. */
  text: string;
}

export interface ParseResult {
  script: Script;
  /** All simple commands at any depth, in source order per script (outer first). */
  commands: SimpleCommand[];
  /** True when a nested script beyond depth 4 was not analysed. */
  truncated: boolean;
  /** First lexing problem (e.g. unbalanced quote), or null. */
  error: string | null;
}

interface Ctx {
  truncated: boolean;
  error: string | null;
  nextId: number;
  all: SimpleCommand[];
}

/** Normalisation before lexing: `$IFS`/`${IFS}` (any case) → space; backslash-newline removed. */
export function normalizeShellText(text: string): string {
  return text.replace(/\\\r?\n/g, '').replace(/\$\{ifs\}|\$ifs(?![A-Za-z0-9_])/gi, ' ');
}

export function parseShell(text: string): ParseResult {
  const ctx: Ctx = { truncated: false, error: null, nextId: 0, all: [] };
  const script = parseScriptAt(normalizeShellText(text), 0, ctx);
  return { script, commands: ctx.all, truncated: ctx.truncated, error: ctx.error };
}

/** Argv mode: the words are exactly as given; nested `-c` payloads are still parsed as shell. */
export function parseArgv(argv: readonly string[]): ParseResult {
  const ctx: Ctx = { truncated: false, error: null, nextId: 0, all: [] };
  const cmd = newCommand(0, ctx);
  cmd.words = argv.map((a) => ({ text: a, subs: [] }));
  finishCommand(cmd, ctx);
  const script: Script = { pipelines: [{ commands: [cmd] }], depth: 0, text: argv.join(' ') };
  return { script, commands: ctx.all, truncated: ctx.truncated, error: ctx.error };
}

/** Lexes a pattern or a command into plain words of its first simple command (used for patterns). */
export function lexWords(text: string): { words: string[]; error: string | null; operators: boolean } {
  const r = parseShell(text);
  const top = r.script.pipelines.flatMap((p) => p.commands);
  const first = top[0];
  const operators = top.length > 1 || (first !== undefined && first.redirects.length > 0);
  return { words: first ? first.words.map((w) => w.text) : [], error: r.error, operators };
}

function newCommand(depth: number, ctx: Ctx): SimpleCommand {
  return { words: [], redirects: [], nested: [], terminator: '', programIndex: -1, program: null, head: null, depth, id: ctx.nextId++ };
}

function parseScriptAt(text: string, depth: number, ctx: Ctx): Script {
  const script: Script = { pipelines: [], depth, text };
  let pipeline: Pipeline = { commands: [] };
  let cmd = newCommand(depth, ctx);
  let word: Word | null = null;
  let pendingRedirect: Redirect | null = null;
  const pendingHeredocs: { redirect: Redirect; tag: string; stripTabs: boolean; owner: SimpleCommand }[] = [];
  const n = text.length;
  let i = 0;

  const ensureWord = (): Word => {
    if (word === null) word = { text: '', subs: [] };
    return word;
  };
  const endWord = (): void => {
    if (word === null) return;
    const w: Word = word;
    word = null;
    if (pendingRedirect !== null) {
      pendingRedirect.target = w;
      if (pendingRedirect.op === '<<' || pendingRedirect.op === '<<-') {
        pendingHeredocs.push({ redirect: pendingRedirect, tag: w.text, stripTabs: pendingRedirect.op === '<<-', owner: cmd });
      }
      pendingRedirect = null;
      return;
    }
    cmd.words.push(w);
  };
  const endCommand = (terminator: string): void => {
    endWord();
    pendingRedirect = null;
    cmd.terminator = terminator;
    if (cmd.words.length > 0 || cmd.redirects.length > 0) {
      pipeline.commands.push(cmd);
      finishCommand(cmd, ctx);
    }
    cmd = newCommand(depth, ctx);
    if (terminator !== '|' && terminator !== '|&') {
      if (pipeline.commands.length > 0) script.pipelines.push(pipeline);
      pipeline = { commands: [] };
    }
  };
  const nested = (inner: string): Script | null => {
    if (depth + 1 > MAX_NESTING_DEPTH) {
      ctx.truncated = true;
      return null;
    }
    return parseScriptAt(inner, depth + 1, ctx);
  };
  const addSub = (w: Word, inner: string): void => {
    const s = nested(inner);
    if (s) {
      w.subs.push(s);
      cmd.nested.push(s);
    }
  };

  while (i < n) {
    const c = text[i];
    // Whitespace
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '\n') {
      endCommand('\n');
      i++;
      // Heredoc bodies start on the next line.
      while (pendingHeredocs.length > 0) {
        const h = pendingHeredocs.shift()!;
        const bodyLines: string[] = [];
        while (i < n) {
          let end = text.indexOf('\n', i);
          if (end < 0) end = n;
          const line = text.slice(i, end);
          i = end + 1;
          const cmpLine = (h.stripTabs ? line.replace(/^\t+/, '') : line).replace(/\r$/, '');
          if (cmpLine === h.tag) break;
          bodyLines.push(line);
        }
        h.redirect.heredoc = bodyLines.join('\n');
        const prog = h.owner.program;
        if (prog !== null && (SHELLS.has(prog) || INTERPRETERS.has(prog) || prog.startsWith('python'))) {
          const s = nested(h.redirect.heredoc);
          if (s) h.owner.nested.push(s);
        }
      }
      continue;
    }
    if (c === '#' && word === null) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === '\\') {
      if (i + 1 < n) ensureWord().text += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const w = ensureWord();
      if (end < 0) {
        ctx.error ??= 'unbalanced single quote';
        w.text += text.slice(i + 1);
        i = n;
      } else {
        w.text += text.slice(i + 1, end);
        i = end + 1;
      }
      continue;
    }
    if (c === '"') {
      const w = ensureWord();
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < n) {
          const e = text[i + 1];
          if (e === '"' || e === '\\' || e === '`' || e === '$') w.text += e;
          else if (e !== '\n') w.text += d + e;
          i += 2;
          continue;
        }
        if (d === '$' && text[i + 1] === '(') {
          i = substitution(text, i, w, true);
          continue;
        }
        if (d === '`') {
          i = backtick(text, i, w);
          continue;
        }
        if (d === '$' && text[i + 1] === '{') {
          const end = matchBrace(text, i + 1);
          w.text += text.slice(i, end);
          i = end;
          continue;
        }
        w.text += d;
        i++;
      }
      if (!closed) ctx.error ??= 'unbalanced double quote';
      continue;
    }
    if (c === '$') {
      const e = text[i + 1];
      if (e === '(') {
        i = substitution(text, i, ensureWord(), false);
        continue;
      }
      if (e === '{') {
        const end = matchBrace(text, i + 1);
        ensureWord().text += text.slice(i, end);
        i = end;
        continue;
      }
      if (e === "'") {
        const r = ansiC(text, i + 2);
        ensureWord().text += r.value;
        if (!r.closed) ctx.error ??= 'unbalanced single quote';
        i = r.end;
        continue;
      }
      ensureWord().text += c;
      i++;
      continue;
    }
    if (c === '`') {
      i = backtick(text, i, ensureWord());
      continue;
    }
    if ((c === '<' || c === '>') && text[i + 1] === '(' && word === null) {
      const w = ensureWord();
      const end = matchParen(text, i + 1);
      w.text += text.slice(i, end);
      addSub(w, text.slice(i + 2, Math.max(i + 2, end - 1)));
      i = end;
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      if (c === '&' && text[i + 1] === '>') {
        endWord();
        const op = text[i + 2] === '>' ? '&>>' : '&>';
        cmd.redirects.push((pendingRedirect = { op, fd: null, target: null }));
        i += op.length;
        continue;
      }
      let op: string = c;
      if (c === '&' && text[i + 1] === '&') op = '&&';
      else if (c === '|' && text[i + 1] === '|') op = '||';
      else if (c === '|' && text[i + 1] === '&') op = '|&';
      else if (c === ';' && text[i + 1] === ';') op = ';;';
      endCommand(op === '(' || op === ')' || op === ';;' ? ';' : op);
      i += op.length;
      continue;
    }
    if (c === '<' || c === '>') {
      let fd: string | null = null;
      if (word !== null && /^[0-9]+$/.test((word as Word).text) && (word as Word).subs.length === 0) {
        fd = (word as Word).text;
        word = null;
      } else endWord();
      let op: string;
      if (c === '>') {
        const e = text[i + 1];
        op = e === '>' ? '>>' : e === '|' ? '>|' : e === '&' ? '>&' : '>';
      } else {
        if (text.startsWith('<<<', i)) op = '<<<';
        else if (text.startsWith('<<-', i)) op = '<<-';
        else if (text.startsWith('<<', i)) op = '<<';
        else if (text[i + 1] === '>') op = '<>';
        else if (text[i + 1] === '&') op = '<&';
        else op = '<';
      }
      cmd.redirects.push((pendingRedirect = { op, fd, target: null }));
      i += op.length;
      continue;
    }
    ensureWord().text += c;
    i++;
  }
  endCommand('');
  return script;

  function substitution(src: string, at: number, w: Word, _quoted: boolean): number {
    if (src[at + 2] === '(') {
      // Arithmetic expansion $(( … )): kept as text, not a command.
      const end = matchParen(src, at + 1);
      w.text += src.slice(at, end);
      return end;
    }
    const end = matchParen(src, at + 1);
    w.text += src.slice(at, end);
    addSub(w, src.slice(at + 2, Math.max(at + 2, end - 1)));
    return end;
  }

  function backtick(src: string, at: number, w: Word): number {
    let j = at + 1;
    let inner = '';
    while (j < src.length && src[j] !== '`') {
      if (src[j] === '\\' && j + 1 < src.length) {
        inner += src[j + 1];
        j += 2;
        continue;
      }
      inner += src[j];
      j++;
    }
    if (j >= src.length) ctx.error ??= 'unbalanced backtick';
    const end = Math.min(src.length, j + 1);
    w.text += src.slice(at, end);
    addSub(w, inner);
    return end;
  }
}

/** Index just after the `)` matching the `(` at `open`; quote-aware; the end of text if unmatched. */
function matchParen(text: string, open: number): number {
  let depthCount = 0;
  let i = open;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '(') depthCount++;
    else if (c === ')') {
      depthCount--;
      if (depthCount === 0) return i + 1;
    }
    i++;
  }
  return n;
}

function matchBrace(text: string, open: number): number {
  let depthCount = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depthCount++;
    else if (text[i] === '}') {
      depthCount--;
      if (depthCount === 0) return i + 1;
    }
  }
  return text.length;
}

function ansiC(text: string, start: number): { value: string; end: number; closed: boolean } {
  let v = '';
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") return { value: v, end: i + 1, closed: true };
    if (c === '\\' && i + 1 < text.length) {
      const e = text[i + 1];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };
      if (e in simple) {
        v += simple[e];
        i += 2;
        continue;
      }
      if (e === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2, i + 4));
        if (m) {
          v += String.fromCharCode(parseInt(m[0], 16));
          i += 2 + m[0].length;
          continue;
        }
      }
      const o = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
      if (o) {
        v += String.fromCharCode(parseInt(o[0], 8));
        i += 1 + o[0].length;
        continue;
      }
      v += e;
      i += 2;
      continue;
    }
    v += c;
    i++;
  }
  return { value: v, end: text.length, closed: false };
}

// ---------------------------------------------------------------------------------------------
// Program analysis

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash']);
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'case', 'esac', 'for', 'select', 'function']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

/** Options (that take a separate value) per wrapper. */
const WRAPPER_VALUE_OPTS: Record<string, Set<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-p', '-r', '-t', '-U', '-T', '-h', '--user', '--group', '--prompt', '--chdir']),
  doas: new Set(['-u', '-C']),
  env: new Set(['-u', '-C', '--unset', '--chdir', '-S', '--split-string']),
  nohup: new Set(),
  time: new Set(['-f', '-o', '--format', '--output']),
  command: new Set(),
  builtin: new Set(),
  exec: new Set(['-a']),
  nice: new Set(['-n', '--adjustment']),
  ionice: new Set(['-c', '-n', '-p', '-P', '-u', '--class', '--classdata']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  stdbuf: new Set(['-i', '-o', '-e', '--input', '--output', '--error']),
  xargs: new Set(['-I', '-i', '-n', '-P', '-L', '-l', '-d', '-E', '-e', '-s', '-a', '--max-args', '--max-procs', '--delimiter', '--arg-file', '--replace', '--max-lines', '--max-chars']),
  busybox: new Set(),
};

export function basenameLower(word: string): string {
  const slash = word.lastIndexOf('/');
  return asciiLower(slash >= 0 ? word.slice(slash + 1) : word);
}

/** Finds the program word: skips assignments, reserved words and wrappers with their options. */
function locateProgram(words: readonly Word[]): { programIndex: number; head: string | null; envSplit: string | null } {
  let i = 0;
  let head: string | null = null;
  let envSplit: string | null = null;
  while (i < words.length) {
    const t = words[i].text;
    if (ASSIGNMENT.test(t) || RESERVED.has(t)) {
      i++;
      continue;
    }
    if (head === null) head = asciiLower(t);
    const b = basenameLower(t);
    const valueOpts = Object.prototype.hasOwnProperty.call(WRAPPER_VALUE_OPTS, b) ? WRAPPER_VALUE_OPTS[b] : undefined;
    if (valueOpts === undefined) return { programIndex: i, head, envSplit };
    i++;
    // Wrapper options
    let durationPending = b === 'timeout';
    while (i < words.length) {
      const o = words[i].text;
      if (o === '--') {
        i++;
        break;
      }
      if (b === 'env' && ASSIGNMENT.test(o)) {
        i++;
        continue;
      }
      if (o.startsWith('-') && o.length > 1) {
        const name = o.includes('=') ? o.slice(0, o.indexOf('=')) : o;
        if (b === 'env' && (name === '-S' || name === '--split-string')) {
          envSplit = o.includes('=') ? o.slice(o.indexOf('=') + 1) : (words[i + 1]?.text ?? '');
        }
        if (valueOpts.has(name) && !o.includes('=')) i += 2;
        else if (b === 'env' && o.startsWith('-S') && o.length > 2) {
          envSplit = o.slice(2);
          i++;
        } else i++;
        continue;
      }
      if (durationPending && /^[0-9.]+[smhd]?$/i.test(o)) {
        durationPending = false;
        i++;
        continue;
      }
      if (b === 'nice' && /^[0-9]+$/.test(o)) {
        i++;
        continue;
      }
      break;
    }
    if (envSplit !== null) return { programIndex: -1, head, envSplit };
  }
  return { programIndex: -1, head, envSplit };
}

/** Arguments after the program word. */
export function argsOf(cmd: SimpleCommand): string[] {
  if (cmd.programIndex < 0) return [];
  const out: string[] = [];
  for (let i = cmd.programIndex + 1; i < cmd.words.length; i++) out.push(cmd.words[i].text);
  return out;
}

/** Index of the script argument of `sh -c`-style flags: short clusters containing `c`. */
function shellInlineScript(words: readonly Word[], from: number): number {
  let sawC = false;
  for (let i = from; i < words.length; i++) {
    const t = words[i].text;
    if (t === '--') continue;
    if (/^-[A-Za-z]+$/.test(t)) {
      if (t.includes('c')) sawC = true;
      continue;
    }
    if (/^[-+]o$/.test(t)) {
      i++;
      continue;
    }
    if (sawC) return i;
    if (!t.startsWith('-')) return -1;
  }
  return -1;
}

function finishCommand(cmd: SimpleCommand, ctx: Ctx): void {
  const { programIndex, head, envSplit } = locateProgram(cmd.words);
  cmd.programIndex = programIndex;
  cmd.head = head;
  cmd.program = programIndex >= 0 ? basenameLower(cmd.words[programIndex].text) : null;
  ctx.all.push(cmd);
  const addNested = (text: string): void => {
    if (cmd.depth + 1 > MAX_NESTING_DEPTH) {
      ctx.truncated = true;
      return;
    }
    cmd.nested.push(parseScriptAt(normalizeShellText(text), cmd.depth + 1, ctx));
  };
  if (envSplit !== null) addNested(envSplit);
  const prog = cmd.program;
  if (prog === null) return;
  const w = cmd.words;
  if (SHELLS.has(prog)) {
    const idx = shellInlineScript(w, programIndex + 1);
    if (idx >= 0) addNested(w[idx].text);
  } else if (prog === 'su') {
    for (let i = programIndex + 1; i < w.length - 1; i++) {
      if (w[i].text === '-c' || w[i].text === '--command') {
        addNested(w[i + 1].text);
        break;
      }
    }
  } else if (prog === 'eval') {
    const rest = w.slice(programIndex + 1).map((x) => x.text).join(' ');
    if (rest.trim() !== '') addNested(rest);
  } else if (prog === 'find') {
    for (let i = programIndex + 1; i < w.length; i++) {
      const t = w[i].text;
      if (t === '-exec' || t === '-execdir' || t === '-ok' || t === '-okdir') {
        const argv: string[] = [];
        let j = i + 1;
        while (j < w.length && w[j].text !== ';' && w[j].text !== '+') argv.push(w[j++].text);
        if (argv.length > 0) {
          if (cmd.depth + 1 > MAX_NESTING_DEPTH) ctx.truncated = true;
          else {
            const sub = newCommand(cmd.depth + 1, ctx);
            sub.words = argv.map((a) => ({ text: a, subs: [] }));
            sub.terminator = '';
            finishCommand(sub, ctx);
            cmd.nested.push({ pipelines: [{ commands: [sub] }], depth: cmd.depth + 1, text: argv.join(' ') });
          }
        }
        i = j;
      }
    }
  }
}

export const INTERPRETERS = new Set(['python', 'python3', 'python2', 'perl', 'ruby', 'node', 'php', 'fish']);

/** Simple commands of a script at any depth (outer first, then each nested script in order). */
export function commandsOf(script: Script): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const queue: Script[] = [script];
  for (let q = 0; q < queue.length; q++) {
    for (const p of queue[q].pipelines) {
      for (const c of p.commands) {
        out.push(c);
        for (const n of c.nested) queue.push(n);
      }
    }
  }
  return out;
}

/** Every script (root and nested), breadth-first. */
export function scriptsOf(script: Script): Script[] {
  const queue: Script[] = [script];
  for (let q = 0; q < queue.length; q++) {
    for (const p of queue[q].pipelines) for (const c of p.commands) for (const n of c.nested) queue.push(n);
  }
  return queue;
}
