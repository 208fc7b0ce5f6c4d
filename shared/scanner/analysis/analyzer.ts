/**
 * Rule evaluation over the resolved program: SEC rules (scanner.md §5.2), import classification
 * (§4, CMP rules) and the policy facts of §8 (capability evidence, static commands, env reads).
 */
import { LineIndex } from '../../common/lineIndex';
import { classifySpecifier, RUNTIME_SUPPORT } from '../imports';
import type { StaticCommand } from '../policyOracle';
import { ruleById } from '../rules';
import type { NamespaceSite } from '../tsStrip';
import type { Hit, RelatedSpan, Tier } from '../types';
import { isPlainAssignmentTarget, passesValueThrough, staticKey, unwrap, type Nd } from './ast';
import { deceptiveNameMessage, escapeHidden, mayDeceive } from './hiddenUnicode';
import {
  FS_READ,
  FS_WRITE,
  OS_PURE,
  PI_MEMBER_CAPABILITY,
  PI_TOOL_CAPABILITY,
  sortCapabilities,
  TOOL_NAME_NOT_STATIC_NOTE,
} from './piApi';
import { moduleRoot, Resolver } from './resolve';
import { analyzeScopes, type Binding, type ScopeInfo } from './scope';
import { findSecret, isSecretName } from './secrets';
import { isCredentialStore, isPersistencePath, isSensitivePath } from './sensitivePaths';
import { alternatives, BUILTIN_CONSTRUCTORS, constString, isGlobal, isProcessEnv, isRef, someAlternative, type Root, type Value } from './values';

const isGlobalObject = (v: Value): boolean => isGlobal(v, 'globalObject');
/** Global functions and constructors: their `constructor` is `Function` (`Object.constructor("…")()`). */
const BUILTIN_FUNCTIONS: ReadonlySet<string> = new Set([
  ...BUILTIN_CONSTRUCTORS,
  'Buffer', 'eval', 'require', 'atob', 'btoa', 'fetch', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'parseInt', 'parseFloat', 'escape', 'unescape',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'isNaN', 'isFinite', 'structuredClone',
]);
/** Namespaces and constructors whose lower-case static members are methods (`Object.keys`, `JSON.parse`); upper-case ones are constants (`Math.PI`). */
const BUILTIN_METHOD_HOLDERS: ReadonlySet<string> = new Set(['Object', 'Array', 'String', 'Number', 'Promise', 'Reflect', 'JSON', 'Math', 'Buffer']);

/** A function, `Function.prototype`, or a builtin function or static method: its `constructor` is the Function constructor. */
const isFunctionLike = (v: Value): boolean => {
  if (v.k === 'fn') return true;
  if (v.k !== 'ref' || v.root.kind !== 'global') return false;
  const name = v.root.name;
  if (v.keys.length === 0) return BUILTIN_FUNCTIONS.has(name);
  if (v.keys.length !== 1) return false;
  const key = v.keys[0];
  return (name === 'Function' && key === 'prototype') || (BUILTIN_METHOD_HOLDERS.has(name) && /^[a-z]/.test(key) && key !== 'prototype' && key !== 'length' && key !== 'name');
};

export interface CapabilityEvidence {
  capability: string;
  start: number;
  end: number;
  /** Source text of the evidence site (collapsed, truncated). */
  site: string;
  /** What produced it: `import`, `child_process`, `network`, `process.env`, `pi`. */
  source: string;
  note?: string;
}

export interface CommandFact {
  start: number;
  end: number;
  command: StaticCommand;
  /** `pi.exec`, `pi.tool("bash")` or `child_process.{fn}`. */
  origin: string;
}

export interface EnvReadFact {
  start: number;
  end: number;
  /** The variable name; null when not statically known or for enumeration. */
  name: string | null;
  enumeration: boolean;
}

export interface AnalysisFacts {
  capabilities: CapabilityEvidence[];
  commands: CommandFact[];
  envReads: EnvReadFact[];
}

const SPAWN_EXPORTS: ReadonlySet<string> = new Set(['exec', 'execSync', 'spawn', 'spawnSync', 'execFile', 'execFileSync', 'fork']);
const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'eval', 'Function', 'constructor', 'binding', '_linkedBinding', 'dlopen', 'cache', '_load', '_cache', '_compile', '__proto__', 'setPrototypeOf', ...SPAWN_EXPORTS,
]);
/** Unshadowed globals whose members can matter to a rule (everything else is Unknown). */
const INTERESTING_ROOTS: ReadonlySet<string> = new Set([
  'globalThis', 'global', 'window', 'self', 'process', 'require', 'module', 'exports', 'WebAssembly', 'pi', 'console', 'Reflect', 'Object',
  'Proxy', 'navigator', 'Function', 'eval', 'Buffer', 'String', 'setTimeout', 'setInterval', 'setImmediate', 'fetch', 'XMLHttpRequest',
  'WebSocket', 'WebSocketServer', 'JSON', 'Math', 'Array', 'Number', 'Promise', 'URL', 'URLSearchParams', 'atob', 'decodeURIComponent', 'decodeURI',
]);
const MONITORED_GLOBALS: ReadonlySet<string> = new Set(['eval', 'Function', 'WebAssembly']);
/** A `data:` URL with a JavaScript media type: importing it evaluates the URL's content as a module. */
const DATA_URL_SCRIPT = /^data:\s*(?:text|application)\/(?:x-)?(?:javascript|ecmascript)\s*[;,]/i;
const MODULE_LOADER_KEYS: ReadonlySet<string> = new Set(['_cache', '_load', '_resolveFilename', '_extensions']);
const BUILTIN_CTORS: ReadonlySet<string> = new Set(['Object', 'Array', 'Function', 'String', 'Number', 'Promise', 'JSON', 'Math', 'Reflect']);
const SERVER_MODULES: ReadonlySet<string> = new Set(['http', 'https', 'http2', 'net', 'tls']);
const PROXY_REFLECT: ReadonlySet<string> = new Set(['apply', 'construct', 'defineProperty', 'deleteProperty', 'set', 'setPrototypeOf']);
const FS_MODULES: ReadonlySet<string> = new Set(['fs', 'fs/promises']);
/** `dns` functions that send a query for their first argument (`lookup`, `resolve`, `resolve4`, `resolveTxt`, …). */
const DNS_QUERIES = /^(?:lookup|resolve[0-9A-Za-z]*)$/;
/** fs calls that read their first argument (`copyFile`/`cp`: the source), `Sync` suffix removed. */
const READ_FAMILY: ReadonlySet<string> = new Set(['readFile', 'createReadStream', 'readdir', 'opendir', 'open', 'copyFile', 'cp']);
const PI_HTTP_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'fetch', 'send']);
const URL_OPTION: readonly string[] = ['url'];
const NODE_HTTP_URL_OPTIONS: readonly string[] = ['url', 'host', 'hostname', 'path'];
/** How a network call gives its destination (SEC-EXFIL-001). */
interface ExfilSite {
  /** Properties of an options object that hold the URL or its parts. */
  urlKeys?: readonly string[];
  message?: string;
  /** Report only when a dynamic part derives from host data. */
  onlyWithHostData?: boolean;
}
/** A DNS query's name (the first argument); database drivers assemble SRV/TXT names from connection strings. */
const DNS_EXFIL: ExfilSite = { urlKeys: [], message: 'DNS query for a host name built at runtime', onlyWithHostData: true };

const SHELL_META = /[\s|&;<>()$`\\"'*?[\]#~=%{}!]/;

/**
 * A `Module` instance (or its prototype), whose `_compile(source)` runs source text as a module:
 * `module`, `require.main`, `process.mainModule`, `new module.constructor()`, `new (require("module"))()`.
 */
function isModuleInstance(root: Root, keys: readonly string[]): boolean {
  const path = keys.join('.');
  if (root.kind === 'global') {
    if (root.name === 'module') return path === '' || path === 'constructor.()new' || path === 'constructor.prototype';
    if (root.name === 'require') return path === 'main';
    if (root.name === 'process') return path === 'mainModule';
    return false;
  }
  return root.kind === 'module' && root.spec === 'module' && (path === '()new' || path === 'prototype' || path === 'Module.()new' || path === 'Module.prototype');
}

/**
 * Rules whose findings at a binding or field that holds the monitored value depend on how the value
 * is used elsewhere (value escape, scanner.md §3.1): the incremental scan re-checks them with the uses.
 */
export const VALUE_ESCAPE_RULES: ReadonlySet<string> = new Set(['SEC-EVAL-001', 'SEC-FUNC-001', 'SEC-SPAWN-001', 'SEC-BIND-001', 'SEC-DLOPEN-001', 'SEC-RCACHE-001', 'SEC-WASM-001']);

type RefKind = 'eval' | 'function' | 'spawn' | 'bind' | 'dlopen' | 'rcache' | 'wasm' | 'pi';

/** What the rules produced while visiting one top-level statement (incremental editor scan). */
export interface UnitAnalysis {
  hits: Hit[];
  facts: AnalysisFacts;
  /** Functions (anywhere in the program) whose parameters this statement makes receive `pi`. */
  piTargets: Nd[];
}

export class Analyzer {
  hits: Hit[] = [];
  facts: AnalysisFacts = { capabilities: [], commands: [], envReads: [] };
  readonly scopes: ScopeInfo;
  readonly resolver: Resolver;
  private linesCache: LineIndex | null = null;
  private readonly hitKeys = new Set<string>();
  private readonly capKeys = new Set<string>();
  /** The text holds invisible, bidi or Cyrillic characters, so identifiers are checked (SEC-UNICODE-001). */
  private readonly mayDeceive: boolean;

  constructor(
    program: Nd,
    private readonly text: string,
    private readonly strippedText: string,
    private readonly typeOnlySpecifiers: ReadonlySet<number> = new Set(),
    extraExpressions: Nd[] = [],
    namespaces: readonly NamespaceSite[] = [],
  ) {
    this.scopes = analyzeScopes(program, extraExpressions);
    this.mayDeceive = mayDeceive(text);
    this.resolver = new Resolver(this.scopes, (offset) => (this.linesCache ??= new LineIndex(this.text)).positionAt(offset).line + 1);
    this.resolver.sourceText = (s, e) => this.text.slice(s, e);
    if (namespaces.length > 0) {
      const byName = new Map<string, NamespaceSite[]>();
      for (const site of namespaces) byName.set(site.name, [...(byName.get(site.name) ?? []), site]);
      this.resolver.namespaces = byName;
    }
  }

  run(): void {
    this.resolver.preparePi();
    // Indexed: this loop runs once per node, and an array iterator here is not always optimized away.
    const nodes = this.scopes.nodes;
    for (let i = 0; i < nodes.length; i++) this.visit(nodes[i]);
  }

  /**
   * Runs the rules only over the top-level statements in `reported` (the rest of the program is
   * context for resolution), collecting each statement's hits and facts separately. Decorator
   * expressions (no parent) belong to the statement `ownerOfExtra` names.
   */
  runUnits(program: Nd, reported: ReadonlySet<Nd>, ownerOfExtra: (node: Nd) => Nd | undefined): Map<Nd, UnitAnalysis> {
    this.resolver.preparePi();
    const out = new Map<Nd, UnitAnalysis>();
    let current: UnitAnalysis | null = null;
    const nodes = this.scopes.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (node === program) continue;
      const parent = this.scopes.parentOf.get(node);
      const unit = parent === program ? node : parent === undefined ? ownerOfExtra(node) : null;
      if (unit !== null) {
        current = null;
        if (unit !== undefined && reported.has(unit)) {
          current = out.get(unit) ?? { hits: [], facts: { capabilities: [], commands: [], envReads: [] }, piTargets: [] };
          out.set(unit, current);
          this.hits = current.hits;
          this.facts = current.facts;
          // Duplicates across statements are dropped when the statements' results are merged.
          this.hitKeys.clear();
          this.capKeys.clear();
        }
      }
      if (current) {
        this.visit(node);
        const targets = this.resolver.piTargetsOf(node);
        if (targets.length > 0) current.piTargets.push(...targets);
      }
    }
    return out;
  }

  private visit(node: Nd): void {
    {
      switch (node.type) {
        case 'ImportDeclaration':
          if (!this.isTypeOnly(node, node.specifiers.length)) {
            this.specifier(node.source, node);
            this.unusedImports(node);
          }
          break;
        case 'ExportNamedDeclaration':
          if (node.source && !this.isTypeOnly(node, node.specifiers.length)) {
            this.specifier(node.source, node);
            this.reexports(node);
          }
          break;
        case 'ExportAllDeclaration':
          if (node.source) this.specifier(node.source, node);
          break;
        case 'ImportExpression':
          this.specifier(node.source, node);
          break;
        case 'CallExpression':
        case 'NewExpression':
          this.call(node);
          break;
        case 'MemberExpression':
          this.memberRules(node);
          if (this.rootMayMatter(node)) this.reference(node);
          break;
        case 'PrivateIdentifier':
          if (this.mayDeceive) this.deceptiveName(node);
          break;
        case 'Identifier': {
          if (this.mayDeceive) this.deceptiveName(node);
          if (this.scopes.writeOnly.has(node)) break;
          const b = this.scopes.refBinding.get(node);
          if (b === undefined) break;
          // Only these globals are monitored as bare identifiers; other globals matter through members.
          // A local whose value is unknown cannot be a monitored reference (its evaluation is the same memo).
          if (b === null ? MONITORED_GLOBALS.has(node.name) : b.kind !== 'function' && b.kind !== 'class' && b.kind !== 'catch' && this.resolver.bindingValue(b).k !== 'unknown') this.reference(node);
          break;
        }
        case 'AssignmentExpression':
          this.write(node.left);
          if (node.left.type === 'MemberExpression') this.builtinPrototypeWrite(node.left);
          this.secretBinding(node.left, node.right);
          if (node.left.type === 'ObjectPattern') this.destructure(node.left, node.right);
          break;
        case 'UpdateExpression':
          this.write(node.argument);
          break;
        case 'UnaryExpression':
          if (node.operator === 'delete') this.write(node.argument);
          break;
        case 'VariableDeclarator':
          if (node.init) {
            this.secretBinding(node.id, node.init);
            if (node.id.type === 'ObjectPattern') this.destructure(node.id, node.init);
          }
          break;
        case 'Property':
          if (this.scopes.parentOf.get(node)?.type === 'ObjectExpression' && node.kind === 'init' && !node.shorthand) this.secretNamed(this.propName(node), node.value);
          break;
        case 'PropertyDefinition':
          if (node.value) this.secretNamed(this.propName(node), node.value);
          break;
        case 'AssignmentPattern':
          this.secretBinding(node.left, node.right);
          if (node.left.type === 'ObjectPattern') this.destructure(node.left, node.right);
          break;
        case 'Literal':
        case 'TemplateLiteral':
          this.secretShape(node);
          break;
        case 'WithStatement':
          this.add('SEC-WITH-001', node.start, node.start + 4, 'with statement');
          break;
        case 'DebuggerStatement':
          this.add('SEC-DEBUG-001', node.start, node.end, 'debugger statement');
          break;
        default:
          break;
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private ev(node: Nd | null | undefined): Value {
    return this.resolver.evaluate(node);
  }

  form(node: Nd): string {
    // Only the head of the node's text can survive the 60-character truncation (whitespace collapses).
    return formText(this.text.slice(node.start, Math.min(node.end, node.start + 2000)));
  }

  add(ruleId: string, start: number, end: number, message: string, value?: { via: string[]; related: RelatedSpan[] }): void {
    const key = `${ruleId}:${start}:${end}`;
    if (this.hitKeys.has(key)) return;
    this.hitKeys.add(key);
    const tier: Tier = ruleById(ruleId)?.tier ?? 'high';
    const via = value?.via ?? [];
    this.hits.push({
      ruleId,
      tier,
      start,
      end,
      message: message.replace('{via}', viaSuffix(via)),
      evasion: [...via],
      related: value ? dedupeRelated(value.related) : [],
    });
  }

  private deceptiveName(node: Nd): void {
    const message = deceptiveNameMessage(node.name);
    if (message !== null) this.add('SEC-UNICODE-001', node.start, node.end, message);
  }

  private capability(capability: string, node: Nd | { start: number; end: number }, source: string, note?: string): void {
    const start = node.start;
    const end = node.end;
    const key = `${capability}:${start}:${end}`;
    if (this.capKeys.has(key)) return;
    this.capKeys.add(key);
    const site = formText(this.text.slice(start, Math.min(end, start + 2000)));
    this.facts.capabilities.push(note ? { capability, start, end, site, source, note } : { capability, start, end, site, source });
  }

  /** Climbs through wrappers that pass a value through unchanged (sequence tail, conditional branch, logical operand). */
  private climb(node: Nd): { top: Nd; parent: Nd | undefined; key: string | undefined } {
    let top = node;
    for (let i = 0; i < 64; i++) {
      const parent = this.scopes.parentOf.get(top);
      const key = this.scopes.keyOf.get(top);
      if (!parent) return { top, parent, key };
      if (!passesValueThrough(parent, key, top)) return { top, parent, key };
      top = parent;
    }
    return { top, parent: this.scopes.parentOf.get(top), key: this.scopes.keyOf.get(top) };
  }

  /**
   * True when `node` initializes an alias binding (or a literal member of one) that is read
   * somewhere, so its uses report instead. A value inside an object or array literal counts only
   * when every read of the binding selects a member by a known key (`o.run(…)`, `a[0](…)`): a
   * container passed on whole (`fns.forEach(f => f(…))`) lets the value escape.
   */
  private isUsedAliasInit(node: Nd): boolean {
    let cur = node;
    let contained = false;
    const readsResolve = (b: Binding | null | undefined): boolean =>
      !!b && b.reads.length > 0 && (!contained || b.reads.every((read) => this.readsLiteralMember(read, cur)));
    for (let i = 0; i < 4; i++) {
      const { top, parent, key } = this.climb(cur);
      if (!parent) return false;
      if (parent.type === 'VariableDeclarator' && key === 'init') {
        if (parent.id.type !== 'Identifier') return false;
        return readsResolve(this.scopes.declBinding.get(parent.id));
      }
      if (parent.type === 'AssignmentExpression' && key === 'right' && parent.left.type === 'Identifier') {
        return readsResolve(this.scopes.refBinding.get(parent.left));
      }
      // A class field (`#run = eval`, or `this.run = eval` in the constructor) read as `this.run`: like an alias.
      if (!contained) {
        const fieldRead = this.resolver.storedFieldIsRead(top);
        if (fieldRead !== null) return fieldRead;
      }
      if (parent.type === 'Property' && key === 'value') {
        const obj = this.scopes.parentOf.get(parent);
        if (!obj || obj.type !== 'ObjectExpression') return false;
        cur = obj;
        contained = true;
        continue;
      }
      if (parent.type === 'ArrayExpression') {
        cur = parent;
        contained = true;
        continue;
      }
      return false;
    }
    return false;
  }

  /** `read` selects one of the literal's own entries: an index of an array literal, a key of an object literal. */
  private readsLiteralMember(read: Nd, literal: Nd): boolean {
    const parent = this.scopes.parentOf.get(read);
    if (parent === undefined || parent.type !== 'MemberExpression' || parent.object !== read) return false;
    const { key } = this.resolver.memberKey(parent);
    if (key === null) return false;
    if (literal.type === 'ArrayExpression') return /^\d+$/.test(key);
    return (literal.properties as Nd[]).some((p) => p.type === 'Property' && staticKey(p.key, p.computed) === key);
  }

  private refKind(v: Value): { kind: RefKind; detail: string } | null {
    if (v.k !== 'ref') return null;
    const r = v.root;
    const keys = v.keys;
    if (keys.length > 0 && keys[keys.length - 1] === '_compile' && isModuleInstance(r, keys.slice(0, -1))) return { kind: 'rcache', detail: '_compile' };
    if (r.kind === 'global') {
      if (keys.length === 0 && r.name === 'eval') return { kind: 'eval', detail: '' };
      if (keys.length === 0 && r.name === 'Function') return { kind: 'function', detail: '' };
      if (r.name === 'process' && keys.length === 1 && (keys[0] === 'binding' || keys[0] === '_linkedBinding')) return { kind: 'bind', detail: keys[0] };
      if (r.name === 'process' && keys.length === 1 && keys[0] === 'dlopen') return { kind: 'dlopen', detail: 'dlopen' };
      // `require.extensions` is `Module._extensions`: registering a loader there compiles any file type.
      if (r.name === 'require' && keys.length === 1 && (keys[0] === 'cache' || keys[0] === 'extensions')) return { kind: 'rcache', detail: keys[0] };
      if (r.name === 'module' && keys.length === 2 && keys[0] === 'constructor' && MODULE_LOADER_KEYS.has(keys[1])) return { kind: 'rcache', detail: keys[1] };
      if (r.name === 'WebAssembly' && keys.length <= 1) return { kind: 'wasm', detail: keys[0] ?? '' };
      return null;
    }
    if (r.kind === 'module') {
      if (r.spec === 'child_process' && keys.length === 1 && SPAWN_EXPORTS.has(keys[0])) return { kind: 'spawn', detail: keys[0] };
      if (r.spec === 'module' && keys.length === 1 && MODULE_LOADER_KEYS.has(keys[0])) return { kind: 'rcache', detail: keys[0] };
      return null;
    }
    if (keys.length === 1 && PI_MEMBER_CAPABILITY[keys[0]] && keys[0] !== 'tool' && keys[0] !== 'env') return { kind: 'pi', detail: keys[0] };
    return null;
  }

  /**
   * Cheap pre-check before evaluating a member chain: its root must be a global that rules care about,
   * a binding with a known value, or an expression (call, literal) that may denote one.
   */
  private rootMayMatter(node: Nd): boolean {
    let cur = node;
    for (let i = 0; i < 256; i++) {
      if (cur.type === 'MemberExpression') cur = cur.object;
      else if (cur.type === 'ChainExpression' || cur.type === 'ParenthesizedExpression') cur = cur.expression;
      else break;
    }
    if (cur.type === 'Super') return false;
    if (cur.type === 'ThisExpression') return this.resolver.thisHasFields(cur);
    if (cur.type !== 'Identifier') return true;
    const b = this.scopes.refBinding.get(cur);
    if (b === undefined) return true;
    if (b === null) return INTERESTING_ROOTS.has(cur.name) || this.resolver.isNamespace(cur.name);
    if (b.kind === 'function' || b.kind === 'catch') return false;
    if (b.kind === 'class') return b.fnNode !== null && this.resolver.hasFields(b.fnNode, true);
    if (b.kind === 'param') return this.resolver.bindingValue(b).k !== 'unknown';
    return true;
  }

  // ---------------------------------------------------------------- references (value escape, §3.1)

  private reference(node: Nd): void {
    const value = this.ev(node);
    if (value.k === 'unknown' || value.k === 'const') {
      this.envMember(node);
      return;
    }
    for (const alt of alternatives(value)) {
      const kind = this.refKind(alt);
      if (!kind) continue;
      this.referenceOf(node, alt, kind.kind, kind.detail);
    }
    this.envMember(node);
  }

  private referenceOf(node: Nd, v: Value, kind: RefKind, detail: string): void {
    const parent = this.scopes.parentOf.get(node);
    const key = this.scopes.keyOf.get(node);
    if (kind === 'wasm') {
      if (detail === '' && parent?.type === 'MemberExpression' && key === 'object') return;
      if (this.isUsedAliasInit(node)) return;
      const member = node.type === 'MemberExpression' ? ` (${this.form(node)})` : '';
      this.add('SEC-WASM-001', node.start, node.end, `WebAssembly usage${member}`, v);
      return;
    }
    if (kind === 'bind' || kind === 'dlopen' || kind === 'rcache' || kind === 'pi') {
      if (this.isUsedAliasInit(node)) return;
      if (kind === 'bind') this.add('SEC-BIND-001', node.start, node.end, `Access to internal Node bindings via process.${detail}{via}`, v);
      else if (kind === 'dlopen') this.add('SEC-DLOPEN-001', node.start, node.end, 'Native addon loading via process.dlopen{via}', v);
      else if (kind === 'rcache') this.add('SEC-RCACHE-001', node.start, node.end, `Module loader manipulation via ${this.form(node)}{via}`, v);
      else {
        const cap = PI_MEMBER_CAPABILITY[detail];
        if (cap) this.capability(cap, node, 'pi');
      }
      return;
    }
    // Sink kinds: eval, Function, child_process spawning exports. `o.k = v` replaces what `o.k` held,
    // so a plain write target does not pass that function on (loader and binding writes above do count).
    if (node.type === 'MemberExpression' && isPlainAssignmentTarget(node, this.scopes.parentOf.get(node))) return;
    const { top, parent: p, key: k } = this.climb(node);
    if (p) {
      if ((p.type === 'CallExpression' || p.type === 'NewExpression') && k === 'callee') return;
      if (p.type === 'MemberExpression' && k === 'object' && this.resolver.memberKey(p).key !== null) return;
      if (p.type === 'BinaryExpression' || (p.type === 'UnaryExpression' && p.operator !== 'delete')) return;
      if (p.type === 'CallExpression' && k === 'arguments' && p.arguments[0] === top) {
        const callee = this.ev(p.callee);
        if (isRef(callee, 'global', 'Reflect', ['apply']) || isRef(callee, 'global', 'Reflect', ['construct'])) return;
      }
      // Called by a forwarding helper: reported at that call, with its arguments.
      if (p.type === 'CallExpression' && k === 'arguments' && this.resolver.callTarget(p).forwardedCallee === top) return;
    }
    if (this.isUsedAliasInit(node)) return;
    if (kind === 'eval') this.add('SEC-EVAL-001', node.start, node.end, 'Dynamic code execution via eval{via}', v);
    else if (kind === 'function') this.add('SEC-FUNC-001', node.start, node.end, 'Code generated from strings via the Function constructor{via}', v);
    else {
      this.add('SEC-SPAWN-001', node.start, node.end, `Direct process execution via child_process.${detail}{via}`, v);
      this.capability('exec', node, 'child_process');
    }
  }

  /** SEC-ENV-001 on `process.env` members and on `process.env` itself when it escapes (enumeration). */
  private envMember(node: Nd): void {
    if (node.type !== 'MemberExpression' && node.type !== 'Identifier') return;
    const objValue = node.type === 'MemberExpression' ? this.ev(node.object) : null;
    if (objValue && someAlternative(objValue, isProcessEnv)) {
      const parent = this.scopes.parentOf.get(node);
      const isWrite = (parent?.type === 'AssignmentExpression' && this.scopes.keyOf.get(node) === 'left') || parent?.type === 'UpdateExpression' || (parent?.type === 'UnaryExpression' && parent.operator === 'delete');
      const { key } = this.resolver.memberKey(node);
      this.add('SEC-ENV-001', node.start, node.end, `Environment access: ${this.form(node)}`);
      this.capability('env', node, 'process.env');
      if (!isWrite) this.facts.envReads.push({ start: node.start, end: node.end, name: key, enumeration: false });
      return;
    }
    // `o.k = v` stores into `o.k`, whatever it held before; `process.env = …` itself is still an env write.
    if (node.type === 'MemberExpression' && isPlainAssignmentTarget(node, this.scopes.parentOf.get(node)) && !isRef(this.ev(node.object), 'global', 'process', [])) return;
    const value = this.ev(node);
    if (!someAlternative(value, isProcessEnv)) return;
    const parent = this.scopes.parentOf.get(node);
    if (parent?.type === 'MemberExpression' && this.scopes.keyOf.get(node) === 'object') return;
    if (this.isUsedAliasInit(node)) return;
    if (parent?.type === 'VariableDeclarator' && parent.id.type === 'ObjectPattern') return;
    if ((parent?.type === 'AssignmentExpression' || parent?.type === 'AssignmentPattern') && parent.left.type === 'ObjectPattern') return;
    if (parent?.type === 'BinaryExpression' || parent?.type === 'UnaryExpression') return;
    this.add('SEC-ENV-001', node.start, node.end, `Environment access: ${this.form(node)}`);
    this.capability('env', node, 'process.env');
    this.facts.envReads.push({ start: node.start, end: node.end, name: null, enumeration: true });
  }

  /** Object-pattern destructuring: env reads, and references to monitored members. */
  private destructure(pattern: Nd, init: Nd): void {
    const base = this.ev(init);
    const fromEnv = someAlternative(base, isProcessEnv);
    for (const prop of pattern.properties as Nd[]) {
      if (prop.type === 'RestElement') {
        if (fromEnv) {
          this.add('SEC-ENV-001', prop.start, prop.end, `Environment access: ${this.form(prop)}`);
          this.capability('env', prop, 'process.env');
          this.facts.envReads.push({ start: prop.start, end: prop.end, name: null, enumeration: true });
        }
        continue;
      }
      const key = prop.computed ? this.resolver.foldKey(prop.key) : staticKey(prop.key, false);
      if (fromEnv) {
        this.add('SEC-ENV-001', prop.start, prop.end, `Environment access: ${this.form(prop)}`);
        this.capability('env', prop, 'process.env');
        this.facts.envReads.push({ start: prop.start, end: prop.end, name: key, enumeration: false });
        continue;
      }
      if (key === null) continue;
      if (key === 'constructor' && this.reachesFunctionConstructor(init)) {
        // `const { constructor: F } = () => {}` is `(() => {}).constructor`.
        this.add('SEC-CONSTRUCTOR-001', prop.start, prop.end, 'Function constructor reached via .constructor{via}', { via: [`destructuring of ${this.form(init)}`], related: [] });
      }
      const v = this.resolver.member(base, key);
      for (const alt of alternatives(v)) {
        const kind = this.refKind(alt);
        if (!kind) continue;
        const target = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
        const binding = target.type === 'Identifier' ? this.scopes.declBinding.get(target) ?? this.scopes.refBinding.get(target) : null;
        if (binding && binding.reads.length > 0) continue;
        this.referenceAtPattern(prop, alt, kind.kind, kind.detail);
      }
      if (prop.computed) this.obfuscatedKey(prop.key, key);
    }
  }

  /** `export { exec as run } from "child_process"` re-exports a monitored value: a value escape. */
  private reexports(node: Nd): void {
    const spec = constString(this.ev(node.source));
    if (spec === null) return;
    for (const s of node.specifiers as Nd[]) {
      const local = s.local.type === 'Identifier' ? s.local.name : String(s.local.value);
      const v = local === 'default' ? moduleRoot(spec) : this.resolver.member(moduleRoot(spec), local);
      for (const alt of alternatives(v)) {
        const kind = this.refKind(alt);
        if (kind && kind.kind !== 'pi') this.referenceAtPattern(s, alt, kind.kind, kind.detail);
      }
    }
  }

  /** An imported monitored value that is never used is still a reference (reported at the specifier). */
  private unusedImports(node: Nd): void {
    for (const spec of node.specifiers as Nd[]) {
      const b = this.scopes.declBinding.get(spec.local);
      if (!b || b.reads.length > 0) continue;
      const v = this.resolver.bindingValue(b);
      for (const alt of alternatives(v)) {
        const kind = this.refKind(alt);
        if (kind && kind.kind !== 'pi') this.referenceAtPattern(spec, alt, kind.kind, kind.detail);
      }
    }
  }

  private referenceAtPattern(prop: Nd, v: Value, kind: RefKind, detail: string): void {
    switch (kind) {
      case 'eval':
        return this.add('SEC-EVAL-001', prop.start, prop.end, 'Dynamic code execution via eval{via}', v);
      case 'function':
        return this.add('SEC-FUNC-001', prop.start, prop.end, 'Code generated from strings via the Function constructor{via}', v);
      case 'spawn':
        this.capability('exec', prop, 'child_process');
        return this.add('SEC-SPAWN-001', prop.start, prop.end, `Direct process execution via child_process.${detail}{via}`, v);
      case 'bind':
        return this.add('SEC-BIND-001', prop.start, prop.end, `Access to internal Node bindings via process.${detail}{via}`, v);
      case 'dlopen':
        return this.add('SEC-DLOPEN-001', prop.start, prop.end, 'Native addon loading via process.dlopen{via}', v);
      case 'rcache':
        return this.add('SEC-RCACHE-001', prop.start, prop.end, `Module loader manipulation via ${this.form(prop)}{via}`, v);
      case 'wasm':
        return this.add('SEC-WASM-001', prop.start, prop.end, `WebAssembly usage (${this.form(prop)})`, v);
      case 'pi': {
        const cap = PI_MEMBER_CAPABILITY[detail];
        if (cap) this.capability(cap, prop, 'pi');
        return;
      }
    }
  }

  // ---------------------------------------------------------------- member rules

  private memberRules(node: Nd): void {
    const { key, folded } = this.resolver.memberKey(node);
    if (key === null) return;
    if (folded) this.obfuscatedKey(node.property, key);
    // `f.constructor = x` replaces the property; it does not reach the Function constructor.
    if (key === 'constructor' && !isPlainAssignmentTarget(node, this.scopes.parentOf.get(node))) {
      const obj = unwrap(node.object);
      const objIsConstructor = this.isConstructorMember(obj);
      if (objIsConstructor || this.reachesFunctionConstructor(obj)) {
        const via = objIsConstructor ? [] : [`constructor of ${this.form(obj)}`];
        this.add('SEC-CONSTRUCTOR-001', node.start, node.end, 'Function constructor reached via .constructor{via}', { via: node.computed && node.property.type !== 'Literal' ? [`computed key ${this.form(node.property)}`, ...via] : via, related: [] });
      }
    }
    const obj = unwrap(node.object);
    if (obj.type === 'Identifier') {
      const binding = this.scopes.refBinding.get(obj);
      if (obj.name === 'arguments' && binding === null && (key === 'callee' || key === 'caller')) {
        this.add('SEC-ARGUMENTS-001', node.start, node.end, `Stack introspection via ${this.form(node)}`);
      } else if (binding && binding.kind === 'function' && binding.fnNode?.type === 'FunctionDeclaration' && (key === 'caller' || key === 'arguments')) {
        this.add('SEC-ARGUMENTS-001', node.start, node.end, `Stack introspection via ${this.form(node)}`);
      }
    }
  }


  private isConstructorMember(node: Nd): boolean {
    return node.type === 'MemberExpression' && this.resolver.memberKey(node).key === 'constructor';
  }

  /** True when `.constructor` of this object is `Function`: a function value, or another `.constructor`. */
  private reachesFunctionConstructor(objectNode: Nd): boolean {
    const obj = unwrap(objectNode);
    return this.isConstructorMember(obj) || someAlternative(this.ev(obj), isFunctionLike) || this.isBuiltinMethod(obj);
  }

  /** `[].filter`, `"".sub`, `({}).toString`: a method of a literal is a function, so its constructor is Function. */
  private isBuiltinMethod(node: Nd): boolean {
    if (node.type !== 'MemberExpression') return false;
    const base = unwrap(node.object);
    if (!['ArrayExpression', 'ObjectExpression', 'Literal', 'TemplateLiteral', 'ArrowFunctionExpression', 'FunctionExpression'].includes(base.type)) return false;
    const { key } = this.resolver.memberKey(node);
    return key !== null && key !== 'constructor' && key !== 'length' && !/^\d+$/.test(key) && !(base.type === 'ObjectExpression' && base.properties.length > 0);
  }

  /** SEC-OBFUSC-001 for an assembled member key that names something a Critical rule watches (§3.2). */
  private obfuscatedKey(keyNode: Nd, key: string): void {
    if (!SENSITIVE_KEYS.has(key)) return;
    const v = this.ev(keyNode);
    if (v.k === 'const' && v.asm) this.add('SEC-OBFUSC-001', keyNode.start, keyNode.end, `"${key}" is assembled at runtime (${v.asm})`);
  }

  // ---------------------------------------------------------------- writes

  private write(targetNode: Nd): void {
    const target = unwrap(targetNode);
    if (target.type !== 'MemberExpression') return;
    // SEC-PROTO-001: the target chain goes through __proto__.
    if (this.chainHasProto(target)) {
      this.add('SEC-PROTO-001', target.start, target.end, `Prototype chain manipulation via ${this.form(target)}{via}`);
    }
    const { key } = this.resolver.memberKey(target);
    const objValue = this.ev(target.object);
    if (someAlternative(objValue, isGlobalObject)) {
      this.add('SEC-GLOBAL-001', target.start, target.end, `Mutation of global property "${key ?? this.form(target.property)}"`);
    }
    const value = this.ev(target);
    for (const alt of alternatives(value)) {
      if (isRef(alt, 'module', 'module', ['prototype', 'require']) || isRef(alt, 'global', 'module', ['constructor', 'prototype', 'require'])) {
        this.add('SEC-RCACHE-001', target.start, target.end, `Module loader manipulation via ${this.form(target)}{via}`, alt);
      }
    }
  }

  private chainHasProto(member: Nd): boolean {
    let cur: Nd = member;
    for (let i = 0; i < 64 && cur.type === 'MemberExpression'; i++) {
      if (this.resolver.memberKey(cur).key === '__proto__') return true;
      cur = unwrap(cur.object);
    }
    return false;
  }

  // ---------------------------------------------------------------- calls

  private call(node: Nd): void {
    const calleeNode: Nd = node.callee;
    const callee = unwrap(calleeNode);
    if (callee.type === 'Super') return;
    if (callee.type === 'MemberExpression' && !this.rootMayMatter(callee)) {
      const { key } = this.resolver.memberKey(callee);
      if (key === '__defineGetter__' || key === '__defineSetter__') this.add('SEC-PROTO-001', calleeNode.start, calleeNode.end, `Prototype chain manipulation via ${this.form(calleeNode)}{via}`);
      return;
    }
    const ct = this.resolver.callTarget(node);
    const rawCallee = this.ev(callee);
    const args = ct.args;
    const seen = new Set<string>();
    const once = (id: string): boolean => {
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    };
    const cs = calleeNode.start;
    const ce = calleeNode.end;

    // Reflect / Proxy interception (SEC-PROXY-001) on the callee as written.
    for (const alt of alternatives(rawCallee)) {
      if (alt.k !== 'ref' || alt.root.kind !== 'global') continue;
      if (alt.root.name === 'Reflect' && alt.keys.length === 1 && PROXY_REFLECT.has(alt.keys[0]) && once('proxy')) {
        this.add('SEC-PROXY-001', cs, ce, `Interception via ${this.form(calleeNode)}`);
      }
      if (alt.root.name === 'Proxy' && ((alt.keys.length === 0 && node.type === 'NewExpression') || (alt.keys.length === 1 && alt.keys[0] === 'revocable')) && once('proxy')) {
        this.add('SEC-PROXY-001', cs, ce, `Interception via ${node.type === 'NewExpression' ? 'new ' : ''}${this.form(calleeNode)}`);
      }
      if (alt.root.name === 'Reflect' && alt.keys.length === 1 && alt.keys[0] === 'get' && node.arguments[1]) {
        const k = this.resolver.foldKey(node.arguments[1]);
        if (k !== null) this.obfuscatedKey(node.arguments[1], k);
        // `Reflect.get(O, K)` is a reference to `O.K` (§3.1).
        if (once('reflect-get')) this.reference(node);
      }
    }
    if (callee.type === 'MemberExpression') {
      const { key } = this.resolver.memberKey(callee);
      if (key === '__defineGetter__' || key === '__defineSetter__') {
        this.add('SEC-PROTO-001', cs, ce, `Prototype chain manipulation via ${this.form(calleeNode)}{via}`);
        this.defineTarget(callee.object, calleeNode);
      }
      const invoked = (key === 'call' || key === 'apply') && !callee.computed ? unwrap(callee.object) : callee;
      if (invoked.type === 'MemberExpression' && invoked.computed && this.resolver.memberKey(invoked).key === null) this.unknownKeyCall(invoked, calleeNode);
    }

    // A loader wrapper (`const load = (m) => require(m)`): its call is classified like `require` itself.
    if (ct.target.k === 'fn' && args && args.length > 0 && this.resolver.mayLoadModules(ct.target.node)) {
      const loaded = this.ev(node);
      if (loaded.k === 'ref' && loaded.root.kind === 'module' && loaded.keys.length === 0) {
        const spec = loaded.root.spec;
        const arg = args.find((a) => constString(this.ev(a)) === spec);
        if (arg && once('require')) this.specifier(arg, node);
      }
    }
    for (const alt of alternatives(ct.target)) {
      if (alt.k === 'ref' && alt.root.kind === 'global') {
        const name = alt.root.name;
        const path = [name, ...alt.keys].join('.');
        if (path === 'eval' && !ct.construct && once('eval')) this.add('SEC-EVAL-001', cs, ce, 'Dynamic code execution via eval{via}', alt);
        else if (path === 'Function' && (args === null || args.length > 0) && once('func')) {
          this.add('SEC-FUNC-001', cs, ce, 'Code generated from strings via the Function constructor{via}', alt);
        } else if ((path === 'setTimeout' || path === 'setInterval' || path === 'setImmediate') && args) {
          const first = args[0];
          if (first && (unwrap(first).type === 'TemplateLiteral' || constString(this.ev(first)) !== null || this.isStringConcat(first)) && once('eval')) {
            this.add('SEC-EVAL-001', cs, ce, `String passed to ${name} is evaluated as code`, alt);
          }
          if (path === 'setInterval' && once('timer')) {
            const delay = args[1] ? this.ev(args[1]) : null;
            const n = delay === null ? 0 : delay.k === 'const' && typeof delay.v === 'number' ? delay.v : null;
            if (n !== null && n < 10) this.add('SEC-TIMER-001', cs, ce, `setInterval with a ${n} ms interval`);
          }
        } else if ((this.resolver.isRequire(alt) || path === 'process.getBuiltinModule') && once('require')) {
          if (args && args[0]) this.specifier(args[0], node);
          else if (args === null) this.add('SEC-DIMPORT-001', cs, ce, 'Module loaded from a runtime-computed specifier');
        } else if ((path === 'Object.setPrototypeOf' || path === 'Reflect.setPrototypeOf') && !this.isInstanceThis(args?.[0]) && once('proto')) {
          this.add('SEC-PROTO-001', cs, ce, `Prototype chain manipulation via ${this.form(calleeNode)}{via}`, alt);
        } else if (path === 'Object.assign' && args && args[0]) {
          const first = unwrap(args[0]);
          if (first.type === 'MemberExpression' && this.chainHasProto(first) && once('proto')) {
            this.add('SEC-PROTO-001', cs, ce, `Prototype chain manipulation via ${this.form(calleeNode)}{via}`, alt);
          }
          if (alternatives(this.ev(first)).some((v) => isGlobal(v, 'globalObject')) && once('global')) {
            this.add('SEC-GLOBAL-001', cs, ce, `Mutation of global property "${this.assignedKeys(args[1])}"`);
          }
        } else if ((path === 'Object.defineProperty' || path === 'Object.defineProperties' || path === 'Reflect.defineProperty') && args && args[0]) {
          this.defineTarget(args[0], calleeNode);
        } else if (path === 'console.error' || path === 'console.warn') {
          if (once('console')) this.add('SEC-CONSOLE-001', cs, ce, `console.${alt.keys[0]} output`);
        } else if (path === 'fetch') {
          this.capability('http', calleeNode, 'network');
          this.exfil(args?.[0], calleeNode);
        } else if (path === 'XMLHttpRequest' && ct.construct) {
          this.capability('http', calleeNode, 'network');
        } else if (path === 'XMLHttpRequest.()new.open') {
          this.exfil(args?.[1], calleeNode);
        } else if (path === 'WebSocket' && ct.construct) {
          this.capability('http', calleeNode, 'network');
          this.exfil(args?.[0], calleeNode);
        } else if (path === 'navigator.sendBeacon') {
          this.exfil(args?.[0], calleeNode);
        } else if (path === 'WebSocketServer' && ct.construct && once('socket')) {
          this.add('SEC-SOCKET-001', cs, ce, `Network listener via new ${this.form(calleeNode)}`);
        }
        continue;
      }
      if (alt.k === 'ref' && alt.root.kind === 'module') this.moduleCall(node, alt, args, ct.construct, once);
      if (alt.k === 'ref' && alt.root.kind === 'pi') this.piCall(node, alt, args);
    }
  }

  /**
   * `this` of a class's instance members: `Object.setPrototypeOf(this, MyError.prototype)` in a
   * constructor (the TypeScript custom-error idiom) changes one object, not a shared chain.
   */
  private isInstanceThis(node: Nd | undefined): boolean {
    if (!node || unwrap(node).type !== 'ThisExpression') return false;
    const context = this.resolver.thisContext(unwrap(node));
    return context !== null && !context.isStatic;
  }

  /**
   * `cp[k](…)` on the `child_process` module with a key that does not fold: whichever export it
   * names runs a process, and an unreadable key is how such calls are hidden from scanners. The same
   * on a `Module` instance (`f = new module.constructor; f[k](src, "")`, the event-stream payload):
   * the method that takes source text there is `_compile`.
   */
  private unknownKeyCall(member: Nd, calleeNode: Nd): void {
    const objects = alternatives(this.ev(member.object));
    const via = `computed key ${this.form(member.property)}`;
    const module = objects.find((v) => isRef(v, 'module', 'child_process', []));
    if (module) {
      this.capability('exec', calleeNode, 'child_process');
      this.add('SEC-SPAWN-001', calleeNode.start, calleeNode.end, 'Direct process execution via child_process.*{via}', { via: [via, ...module.via], related: module.related });
      return;
    }
    const instance = objects.find((v) => v.k === 'ref' && isModuleInstance(v.root, v.keys));
    if (instance) this.add('SEC-RCACHE-001', calleeNode.start, calleeNode.end, `Module loader manipulation via ${this.form(calleeNode)}{via}`, { via: [via, ...instance.via], related: instance.related });
  }

  /** A `+` chain with a string literal or template operand is a string even when other parts are unknown. */
  private isStringConcat(node: Nd): boolean {
    const n = unwrap(node);
    if (n.type !== 'BinaryExpression' || n.operator !== '+') return false;
    const stack: Nd[] = [n];
    let budget = 64;
    while (stack.length && budget-- > 0) {
      const cur = unwrap(stack.pop()!);
      if (cur.type === 'BinaryExpression' && cur.operator === '+') stack.push(cur.left, cur.right);
      else if ((cur.type === 'Literal' && typeof cur.value === 'string') || cur.type === 'TemplateLiteral') return true;
    }
    return false;
  }

  private assignedKeys(node: Nd | undefined): string {
    if (node && unwrap(node).type === 'ObjectExpression') {
      const names = (unwrap(node).properties as Nd[]).map((p) => (p.type === 'Property' ? staticKey(p.key, p.computed) : null)).filter((k): k is string => k !== null);
      if (names.length) return names.join(', ');
    }
    return '…';
  }

  /**
   * `Array.prototype.push = …`: assigning a member of a builtin prototype redefines it for every
   * extension in the host, like `Object.defineProperty` on it (beyond the spec's call forms).
   */
  private builtinPrototypeWrite(member: Nd): void {
    const target = unwrap(member.object);
    const onBuiltinPrototype = someAlternative(this.ev(target), (v) => v.k === 'ref' && v.root.kind === 'global' && v.keys.length === 1 && v.keys[0] === 'prototype' && BUILTIN_CONSTRUCTORS.has(v.root.name));
    if (onBuiltinPrototype) this.add('SEC-DEFPROP-001', member.start, member.end, `Property definition on ${this.form(target)}`);
  }

  private defineTarget(targetNode: Nd, calleeNode: Nd): void {
    const target = unwrap(targetNode);
    const v = this.ev(target);
    let qualifies = alternatives(v).some((alt) => {
      if (isGlobal(alt, 'globalObject')) return true;
      if (alt.k !== 'ref' || alt.root.kind !== 'global') return false;
      if (alt.keys.length === 0 && BUILTIN_CTORS.has(alt.root.name)) return true;
      return alt.keys.length > 0 && alt.keys[alt.keys.length - 1] === 'prototype';
    });
    if (!qualifies && target.type === 'MemberExpression' && this.resolver.memberKey(target).key === 'prototype') qualifies = true;
    if (qualifies) this.add('SEC-DEFPROP-001', calleeNode.start, calleeNode.end, `Property definition on ${this.form(target)}`);
  }

  private moduleCall(node: Nd, alt: Value & { k: 'ref' }, args: Nd[] | null, construct: boolean, once: (id: string) => boolean): void {
    const spec = (alt.root as { spec: string }).spec;
    const keys = alt.keys;
    const calleeNode: Nd = node.callee;
    const cs = calleeNode.start;
    const ce = calleeNode.end;
    if (spec === 'child_process' && keys.length === 1 && SPAWN_EXPORTS.has(keys[0]) && !construct) {
      const fn = keys[0];
      if (once('spawn')) this.add('SEC-SPAWN-001', cs, ce, `Direct process execution via child_process.${fn}{via}`, alt);
      this.capability('exec', calleeNode, 'child_process');
      if (fn !== 'fork' && args) this.childProcessCommand(fn, args);
      return;
    }
    if (FS_MODULES.has(spec)) {
      const fnKeys = spec === 'fs' && keys[0] === 'promises' ? keys.slice(1) : keys;
      if (fnKeys.length !== 1) return;
      const fn = fnKeys[0];
      const base = fn.endsWith('Sync') ? fn.slice(0, -4) : fn;
      if ((base === 'symlink' || base === 'link') && once('symlink')) this.add('SEC-SYMLINK-001', cs, ce, `Link creation via fs.${fn}`);
      if (['chmod', 'fchmod', 'lchmod', 'chown', 'fchown', 'lchown'].includes(base) && once('chmod')) this.add('SEC-CHMOD-001', cs, ce, `Permission change via fs.${fn}`);
      if (['writeFile', 'appendFile', 'createWriteStream', 'copyFile', 'cp', 'rename'].includes(base) && args) {
        const pathArg = ['copyFile', 'cp', 'rename'].includes(base) ? args[1] : args[0];
        const p = pathArg ? this.resolver.foldPath(pathArg) : null;
        // Persistence and hijack locations also with unknown parts (`path.join(root, ".pi", "settings.json")`).
        const patterns = p === null && pathArg ? this.resolver.foldPathPatterns(pathArg) : [];
        const shown = p !== null && isSensitivePath(p) ? p : (patterns.find(isPersistencePath) ?? null);
        if (shown !== null && once('fssens')) this.add('SEC-FSSENS-001', cs, ce, `Write to sensitive path "${shown}"`);
      }
      if (READ_FAMILY.has(base) && args && args.length > 0) {
        const listing = base === 'readdir' || base === 'opendir';
        const p = this.resolver.foldPathPatterns(args[0]).find((candidate) => isCredentialStore(candidate, listing));
        if (p !== undefined && once('credread')) this.add('SEC-CREDREAD-001', cs, ce, `Read of credential store "${p}"`);
      }
      return;
    }
    if (SERVER_MODULES.has(spec) && keys.length === 1 && (keys[0] === 'createServer' || keys[0] === 'createSecureServer')) {
      if (once('socket')) this.add('SEC-SOCKET-001', cs, ce, `Network listener via ${this.form(calleeNode)}`);
      return;
    }
    if (spec === 'dgram' && keys.length === 1 && keys[0] === 'createSocket') {
      if (once('socket')) this.add('SEC-SOCKET-001', cs, ce, `Network listener via ${this.form(calleeNode)}`);
      return;
    }
    if (keys.length >= 3 && keys[keys.length - 1] === 'listen' && keys[keys.length - 2] === '()' && ((SERVER_MODULES.has(spec) && /^create(Secure)?Server$/.test(keys[keys.length - 3])) || (spec === 'dgram' && keys[keys.length - 3] === 'createSocket'))) {
      if (once('socket')) this.add('SEC-SOCKET-001', cs, ce, `Network listener via ${this.form(calleeNode)}`);
      return;
    }
    if (spec === 'ws' && construct && keys.length === 1 && (keys[0] === 'WebSocketServer' || keys[0] === 'Server')) {
      if (once('socket')) this.add('SEC-SOCKET-001', cs, ce, `Network listener via new ${this.form(calleeNode)}`);
      return;
    }
    if ((spec === 'http' || spec === 'https') && keys.length === 1 && (keys[0] === 'request' || keys[0] === 'get')) {
      this.capability('http', calleeNode, 'network');
      this.exfil(args?.[0], calleeNode, { urlKeys: NODE_HTTP_URL_OPTIONS });
    }
    // DNS exfiltration: host data encoded into the name looked up reaches the attacker's name server.
    const dnsFn = spec === 'dns' && keys[0] === 'promises' ? keys.slice(1) : keys;
    if ((spec === 'dns' || spec === 'dns/promises') && dnsFn.length === 1 && DNS_QUERIES.test(dnsFn[0])) this.exfil(args?.[0], calleeNode, DNS_EXFIL);
  }

  private piCall(node: Nd, alt: Value & { k: 'ref' }, args: Nd[] | null): void {
    const keys = alt.keys;
    const calleeNode: Nd = node.callee;
    if (keys.length === 1 && keys[0] === 'exec' && args && args[0]) {
      const cmd = this.piece(args[0]);
      let list: (string | null)[] | null = null;
      if (args[1]) list = this.argvPieces(unwrap(args[1])) ?? [null];
      const mode: 'argv' | 'shell' = list === null && cmd !== null && SHELL_META.test(cmd) ? 'shell' : 'argv';
      const last = args[1] ?? args[0];
      this.facts.commands.push({ start: args[0].start, end: last.end, command: { mode, command: cmd, args: list ?? [] }, origin: 'pi.exec' });
    } else if (keys[0] === 'http' && (keys.length === 1 || (keys.length === 2 && PI_HTTP_METHODS.has(keys[1])))) {
      // `pi.http(url)` and the request helpers a client has (`pi.http.get(url)`, `.post(url, body)`, …).
      this.exfil(args?.[0], calleeNode);
    } else if (keys.length === 1 && keys[0] === 'tool') {
      let name: string | null = null;
      const first = args?.[0] ? unwrap(args[0]) : null;
      if (first && first.type === 'ObjectExpression') name = this.objectString(first, 'name');
      else if (first) name = constString(this.ev(first));
      if (name === null) this.capability('tool', calleeNode, 'pi', TOOL_NAME_NOT_STATIC_NOTE);
      else this.capability(PI_TOOL_CAPABILITY[name] ?? 'tool', calleeNode, 'pi');
      if (name === 'bash' && args) {
        const holder = first && first.type === 'ObjectExpression' && args.length === 1 ? first : args[1] ? unwrap(args[1]) : null;
        const commandNode = holder && holder.type === 'ObjectExpression' ? this.objectValueNode(holder, 'command') : null;
        if (commandNode) {
          this.facts.commands.push({ start: commandNode.start, end: commandNode.end, command: { mode: 'shell', command: this.piece(commandNode), args: [] }, origin: 'pi.tool("bash")' });
        }
      }
    } else if ((keys.length === 1 && keys[0] === 'env') || (keys.length === 2 && keys[0] === 'env' && keys[1] === 'get')) {
      this.add('SEC-ENV-001', calleeNode.start, calleeNode.end, `Environment access: ${this.form(calleeNode)}`);
      this.capability('env', calleeNode, 'pi');
      const name = args && args[0] ? constString(this.ev(args[0])) : null;
      this.facts.envReads.push({ start: calleeNode.start, end: calleeNode.end, name, enumeration: false });
    }
  }

  private objectValueNode(obj: Nd, name: string): Nd | null {
    for (const p of obj.properties as Nd[]) {
      if (p.type === 'Property' && staticKey(p.key, p.computed) === name) return p.value;
    }
    return null;
  }

  private objectString(obj: Nd, name: string): string | null {
    const v = this.objectValueNode(obj, name);
    return v ? constString(this.ev(v)) : null;
  }

  /** One folded command piece: a string, a JSON text for other constants, or null when unknown. */
  /**
   * An argument list's elements as strings (null where unknown), or null when it is not an array. The
   * list may be held by a variable or a table (`const argv = ["--yolo", "-p", p]`, `cli.claude.args`).
   */
  private argvPieces(node: Nd, depth = 0): Array<string | null> | null {
    const held = node.type === 'ArrayExpression' ? null : this.ev(node);
    const array = node.type === 'ArrayExpression' ? node : held && held.k === 'arr' ? held.node : null;
    if (!array) return null;
    const out: Array<string | null> = [];
    for (const e of array.elements as Array<Nd | null>) {
      // `[...flags, prompt]`: a spread array contributes its elements.
      const spread = e && e.type === 'SpreadElement' && depth < 4 ? this.argvPieces(unwrap(e.argument), depth + 1) : null;
      if (spread) out.push(...spread);
      else out.push(e && e.type !== 'SpreadElement' ? this.piece(e) : null);
    }
    return out;
  }

  private piece(node: Nd): string | null {
    const v = this.ev(node);
    if (v.k !== 'const') return null;
    if (typeof v.v === 'string') return v.v;
    return v.v === undefined ? null : JSON.stringify(v.v);
  }

  private childProcessCommand(fn: string, args: Nd[]): void {
    if (!args[0]) return;
    if (fn === 'exec' || fn === 'execSync') {
      this.facts.commands.push({ start: args[0].start, end: args[0].end, command: { mode: 'shell', command: this.piece(args[0]), args: [] }, origin: `child_process.${fn}` });
      return;
    }
    let list: (string | null)[] = [];
    let last: Nd = args[0];
    let options: Nd | null = null;
    const second = args[1] ? unwrap(args[1]) : null;
    const pieces = second && second.type !== 'ObjectExpression' ? this.argvPieces(second) : null;
    if (pieces) {
      list = pieces;
      last = args[1];
      options = args[2] ? unwrap(args[2]) : null;
    } else if (second && second.type === 'ObjectExpression') {
      options = second;
    } else if (second) {
      list = [null];
      last = args[1];
      options = args[2] ? unwrap(args[2]) : null;
    }
    let mode: 'argv' | 'shell' = 'argv';
    if (options && options.type === 'ObjectExpression') {
      const shellNode = this.objectValueNode(options, 'shell');
      const shell = shellNode ? this.ev(shellNode) : null;
      if (shell && shell.k === 'const' && (shell.v === true || typeof shell.v === 'string')) mode = 'shell';
    }
    this.facts.commands.push({ start: args[0].start, end: last.end, command: { mode, command: this.piece(args[0]), args: list }, origin: `child_process.${fn}` });
  }

  /** SEC-EXFIL-001: the URL argument (or its `url` property) is assembled at runtime. */
  /**
   * SEC-EXFIL-001 when the URL argument is assembled at runtime. An options object gives the URL in
   * `url`, or for Node's `http`/`https` in its parts (`host`, `hostname`, `path`).
   */
  private exfil(arg: Nd | undefined, calleeNode: Nd, { urlKeys = URL_OPTION, message = 'Request URL built at runtime', onlyWithHostData = false }: ExfilSite = {}): void {
    if (!arg) return;
    let argNode = unwrap(arg);
    if (argNode.type === 'Identifier') {
      // `const options = { hostname, path: … }; https.request(options)`: the options literal.
      const bound = this.ev(argNode);
      if (bound.k === 'obj') argNode = bound.node;
    }
    const urlNodes = argNode.type === 'ObjectExpression' ? urlKeys.flatMap((k) => this.objectValueNode(argNode, k) ?? []) : [argNode];
    const dynamicParts = urlNodes.flatMap((u) => this.dynamicUrlParts(u) ?? []);
    if (dynamicParts.length === 0) return;
    const fromEnv = dynamicParts.some((p) => this.derivesFromHost(p));
    if (onlyWithHostData && !fromEnv) return;
    this.add('SEC-EXFIL-001', calleeNode.start, calleeNode.end, `${message}${fromEnv ? ' — includes environment data' : ''}`);
  }

  /** Non-constant parts of an assembled URL expression, or null when it is not assembled at runtime. */
  private dynamicUrlParts(node: Nd, depth = 0): Nd[] | null {
    const n = unwrap(node);
    if (n.type === 'TemplateLiteral') {
      const dyn = (n.expressions as Nd[]).filter((e) => this.ev(e).k !== 'const');
      return dyn.length ? dyn : null;
    }
    if (n.type === 'BinaryExpression' && n.operator === '+') {
      const parts: Nd[] = [];
      const stack: Nd[] = [n];
      while (stack.length && parts.length < 64) {
        const cur = unwrap(stack.pop()!);
        if (cur.type === 'BinaryExpression' && cur.operator === '+') stack.push(cur.left, cur.right);
        else if (this.ev(cur).k !== 'const') parts.push(cur);
      }
      return parts.length ? parts : null;
    }
    if (n.type === 'NewExpression' || n.type === 'CallExpression') {
      const callee = this.ev(n.callee);
      if (isGlobal(callee, 'URL') || isGlobal(callee, 'URLSearchParams')) {
        const dyn = (n.arguments as Nd[]).filter((a) => {
          const u = unwrap(a);
          if (u.type === 'ObjectExpression') return (u.properties as Nd[]).some((p) => p.type !== 'Property' || this.ev(p.value).k !== 'const');
          return this.ev(a).k !== 'const';
        });
        return dyn.length ? dyn : null;
      }
      if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && this.resolver.memberKey(n.callee).key === 'toString' && depth < 8) {
        return this.dynamicUrlParts(n.callee.object, depth + 1);
      }
    }
    return null;
  }

  /**
   * True when the expression reads host data (`process.env`, `pi.env`, `os`), looking through
   * operands, call arguments, object/array literals and the initializers and assignments of local
   * variables (`const data = JSON.stringify(process.env); fetch(url + data)`).
   */
  private derivesFromHost(node: Nd): boolean {
    const stack: Nd[] = [node];
    const followed = new Set<Binding>();
    let budget = 200;
    while (stack.length && budget-- > 0) {
      const cur = stack.pop()!;
      if (cur.type === 'Identifier') {
        const b = this.scopes.refBinding.get(cur);
        if (b && !followed.has(b) && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var')) {
          followed.add(b);
          for (const init of b.inits) if (init.init) stack.push(init.init);
          for (const w of b.writes) if (w) stack.push(w);
        }
      } else if (cur.type === 'ObjectExpression') {
        for (const p of cur.properties as Nd[]) stack.push(p.type === 'Property' ? p.value : p.argument);
        continue;
      } else if (cur.type === 'ArrayExpression') {
        for (const el of cur.elements as Array<Nd | null>) if (el) stack.push(el);
        continue;
      } else if (cur.type === 'ConditionalExpression') {
        stack.push(cur.consequent, cur.alternate);
        continue;
      }
      const v = this.ev(cur);
      for (const alt of alternatives(v)) {
        if (alt.k !== 'ref') continue;
        if (alt.root.kind === 'global' && alt.root.name === 'process' && alt.keys[0] === 'env') return true;
        if (alt.root.kind === 'pi' && alt.keys[0] === 'env') return true;
        if (alt.root.kind === 'module' && alt.root.spec === 'os') return true;
      }
      for (const key of ['object', 'callee', 'left', 'right', 'expression', 'argument']) if (cur[key] && typeof cur[key].type === 'string') stack.push(cur[key]);
      if (Array.isArray(cur.expressions)) stack.push(...cur.expressions);
      if (Array.isArray(cur.arguments)) stack.push(...cur.arguments);
    }
    return false;
  }

  // ---------------------------------------------------------------- imports (§4)

  private isTypeOnly(node: Nd, specifierCount: number): boolean {
    if (node.source && this.typeOnlySpecifiers.has(node.source.start)) return true;
    if (specifierCount > 0 || !node.source) return false;
    const head = this.strippedText.slice(node.start, node.source.start);
    if (!/\{\s*\}/.test(head)) return false;
    // `import { type A } from "m"` blanked to `import {        } from "m"`: the original text differs.
    return this.text !== this.strippedText && this.text.slice(node.start, node.source.start) !== head;
  }

  /** Classifies one module specifier expression (static, dynamic or require). */
  private specifier(specNode: Nd, owner: Nd): void {
    const v = this.ev(specNode);
    const spec = constString(v);
    if (spec === null) {
      this.add('SEC-DIMPORT-001', specNode.start, specNode.end, 'Module loaded from a runtime-computed specifier');
      return;
    }
    const cls = classifySpecifier(spec);
    const s = specNode.start;
    const e = specNode.end;
    // `import("data:text/javascript,…")` runs the source embedded in the specifier: eval by another name.
    if (DATA_URL_SCRIPT.test(spec)) this.add('SEC-EVAL-001', s, e, 'Dynamic code execution via a data: URL module');
    switch (cls.kind) {
      case 'forbidden':
        this.add('CMP-FORBIDDEN-001', s, e, `Import of forbidden builtin "${cls.spec}" — ${cls.reason}`);
        break;
      case 'rewrite': {
        const caps = this.refineCapabilities(cls.norm, owner);
        for (const cap of caps) this.capability(cap, specNode, 'import');
        this.add('CMP-REWRITE-001', s, e, `"${cls.spec}" is rewritten to ${cls.entry.to}${caps.length ? `; needs capabilities: ${caps.join(', ')}` : ''}`);
        break;
      }
      case 'unsupported': {
        const support = RUNTIME_SUPPORT[cls.root];
        const suffix = support ? ` (runtime support: ${support.label}${support.note ? `, ${support.note}` : ''})` : '';
        this.add('CMP-UNSUPPORTED-001', s, e, `Import of unsupported builtin "${cls.spec}"${suffix}`);
        break;
      }
      case 'native':
        this.add('SEC-NATIVEMOD-001', s, e, `Native addon import "${cls.spec}"`);
        break;
      default:
        break;
    }
    if (v.k === 'const' && v.asm && (cls.kind === 'forbidden' || cls.kind === 'rewrite' || cls.kind === 'native')) {
      this.add('SEC-OBFUSC-001', s, e, `"${truncate(spec, 60)}" is assembled at runtime (${v.asm})`);
    }
  }

  /** Capabilities of a rewrite-module import, refined by usage for fs and os (§8.2). */
  private refineCapabilities(norm: string, owner: Nd): string[] {
    if (norm === 'child_process') return ['exec'];
    if (norm !== 'fs' && norm !== 'fs/promises' && norm !== 'os') return [];
    const uses = this.moduleUses(owner, norm === 'fs' ? 'fs' : norm === 'os' ? 'os' : 'fsp');
    const caps = new Set<string>();
    for (const use of uses) {
      if (norm === 'os') {
        if (use.name === null || !OS_PURE.has(use.name)) caps.add('env');
        continue;
      }
      if (use.name === null || (!use.call && !use.named)) {
        caps.add('read');
        caps.add('write');
        continue;
      }
      const base = use.name.endsWith('Sync') ? use.name.slice(0, -4) : use.name;
      if (FS_READ.has(base)) caps.add('read');
      else if (FS_WRITE.has(base)) caps.add('write');
      else if (base === 'open') {
        caps.add('read');
        const flag = use.call && use.call.arguments[1] ? constString(this.ev(use.call.arguments[1])) : use.call ? 'r' : null;
        if (flag !== 'r') caps.add('write');
      }
    }
    return sortCapabilities(caps);
  }

  /** Every use of an imported module value: a member name (with its call when called), or name null for an escape. */
  private moduleUses(owner: Nd, mod: 'fs' | 'fsp' | 'os'): Array<{ name: string | null; call: Nd | null; named?: boolean }> {
    const out: Array<{ name: string | null; call: Nd | null; named?: boolean }> = [];
    const fromExpr = (expr: Nd, depth: number): void => {
      const { parent, key } = this.climb(expr);
      if (!parent || parent.type === 'ExpressionStatement') return;
      if (parent.type === 'MemberExpression' && key === 'object') {
        const name = this.resolver.memberKey(parent).key;
        if (name === 'promises' && mod === 'fs' && depth === 0) return fromExpr(parent, 1);
        const gp = this.scopes.parentOf.get(parent);
        const isCall = gp && gp.type === 'CallExpression' && this.scopes.keyOf.get(parent) === 'callee' ? gp : null;
        out.push({ name, call: isCall });
        return;
      }
      if (parent.type === 'VariableDeclarator' && key === 'init') {
        if (parent.id.type === 'Identifier') {
          const b = this.scopes.declBinding.get(parent.id);
          if (b) fromBinding(b, depth);
          return;
        }
        if (parent.id.type === 'ObjectPattern') {
          for (const p of parent.id.properties as Nd[]) {
            const name = p.type === 'Property' ? staticKey(p.key, p.computed) : null;
            if (name === 'promises' && mod === 'fs' && depth === 0 && p.value.type === 'Identifier') {
              const b = this.scopes.declBinding.get(p.value);
              if (b) fromBinding(b, 1);
              continue;
            }
            const target = p.type === 'Property' ? p.value : null;
            const b = target && target.type === 'Identifier' ? this.scopes.declBinding.get(target) : null;
            out.push({ name, call: b ? this.firstCallOf(b) : null, named: true });
          }
          return;
        }
      }
      out.push({ name: null, call: null });
    };
    const fromBinding = (b: Binding, depth: number): void => {
      for (const read of b.reads.slice(0, 500)) fromExpr(read, depth);
    };
    if (owner.type === 'ImportDeclaration') {
      for (const spec of owner.specifiers as Nd[]) {
        const b = this.scopes.declBinding.get(spec.local);
        if (!b) continue;
        if (spec.type === 'ImportSpecifier') {
          const name = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
          if (name === 'promises' && mod === 'fs') fromBinding(b, 1);
          else out.push({ name, call: this.firstCallOf(b), named: true });
        } else fromBinding(b, 0);
      }
      return out;
    }
    if (owner.type === 'CallExpression' || owner.type === 'ImportExpression') {
      fromExpr(owner, 0);
      return out;
    }
    out.push({ name: null, call: null });
    return out;
  }

  private firstCallOf(b: Binding): Nd | null {
    for (const read of b.reads) {
      const p = this.scopes.parentOf.get(read);
      if (p && p.type === 'CallExpression' && this.scopes.keyOf.get(read) === 'callee') return p;
    }
    return null;
  }

  // ---------------------------------------------------------------- secrets

  private propName(node: Nd): string | null {
    return staticKey(node.key, node.computed);
  }

  private secretBinding(target: Nd, valueNode: Nd): void {
    const t = unwrap(target);
    if (t.type === 'Identifier') this.secretNamed(t.name, valueNode);
    else if (t.type === 'MemberExpression') this.secretNamed(this.resolver.memberKey(t).key, valueNode);
  }

  private secretNamed(name: string | null, valueNode: Nd): void {
    if (name === null) return;
    const v = unwrap(valueNode);
    // Case (b) on folded values needs an assembled expression; literals are checked by secretShape.
    if (!isSecretName(name) && v.type !== 'BinaryExpression' && !(v.type === 'TemplateLiteral' && v.expressions.length > 0)) return;
    const value = this.ev(v);
    const s = constString(value);
    if (s === null) return;
    const found = findSecret(s, name);
    if (!found) return;
    if (found.kind === 'name') this.add('SEC-SECRET-001', v.start, v.end, `Possible hardcoded secret in "${name}"`);
    else if (v.type !== 'Literal' && v.type !== 'TemplateLiteral') this.add('SEC-SECRET-001', v.start, v.end, `String has the shape of a ${found.kind} token`);
  }

  private secretShape(node: Nd): void {
    let s: string | null;
    if (node.type === 'Literal') {
      if (typeof node.value !== 'string') return;
      s = node.value;
    } else {
      if (node.expressions.length > 0) return;
      s = node.quasis[0]?.value.cooked ?? null;
    }
    if (s === null || s.length < 8) return;
    // The token check is cheap; the position checks only run for strings that look like tokens.
    const found = findSecret(s, null);
    if (!found || found.kind === 'name') return;
    const parent = this.scopes.parentOf.get(node);
    if (!parent) return;
    if (node.type === 'Literal') {
      const key = this.scopes.keyOf.get(node);
      if ((parent.type === 'ImportDeclaration' || parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportAllDeclaration' || parent.type === 'ImportExpression') && key === 'source') return;
      if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && key === 'key') return;
      if (parent.type === 'ExpressionStatement' && parent.directive) return;
    } else if (parent.type === 'TaggedTemplateExpression') return;
    this.add('SEC-SECRET-001', node.start, node.end, `String has the shape of a ${found.kind} token`);
  }

}

export function formText(text: string): string {
  // Invisible and bidi characters are escaped: a message must not reorder or hide what it quotes.
  return truncate(escapeHidden(text.replace(/\s+/g, ' ').trim()), 60);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function viaSuffix(via: string[]): string {
  return via.length ? ` (via ${via.slice(0, 3).join(' → ')})` : '';
}

function dedupeRelated(related: RelatedSpan[]): RelatedSpan[] {
  const seen = new Set<string>();
  const out: RelatedSpan[] = [];
  for (const r of related) {
    const k = `${r.start}:${r.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}
