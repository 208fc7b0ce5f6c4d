/**
 * The resolution engine (scanner.md §3): maps expressions to symbolic values, with aliasing,
 * object/array literal members, require forms, call/apply/bind, Reflect, the pi parameter rules and
 * constant folding (§3.2) under its limits.
 */
import type { NamespaceSite } from '../tsStrip';
import { assignedMemberOf, children, constructorFieldAssignments, fieldName, isPlainAssignmentTarget, mapSetCallOf, returnedExpression, staticKey, unwrap, type Nd } from './ast';
import type { Binding, BindingInit, PathStep, ScopeInfo } from './scope';
import { decodeStringArray, recognizeDecoder, type StringArrayContext, type StringArrayDecoder } from './stringArray';
import {
  BUILTIN_CONSTRUCTORS,
  NO_TRACE,
  alternatives,
  constString,
  global,
  isGlobal,
  konst,
  MAX_PATH,
  isRef,
  ref,
  someAlternative,
  union,
  UNKNOWN,
  withStep,
  withTrace,
  type Root,
  type Technique,
  type Value,
} from './values';

export const FOLD_MAX_DEPTH = 32;
export const FOLD_MAX_CHARS = 10_000;
export const FOLD_MAX_STEPS = 100_000;
/** Helper calls inlined inside one another (see `inlineCall`), and the size of a helper's returned expression. */
const MAX_INLINE_DEPTH = 6;
const MAX_INLINE_CHARS = 2000;
/** `Object` functions that return their argument. */
const OBJECT_IDENTITY_FUNCTIONS: ReadonlySet<string> = new Set(['freeze', 'seal', 'preventExtensions']);
/** Paths tried per fs call when loop variables over constant arrays expand (SEC-CREDREAD-001). */
const MAX_PATH_PATTERNS = 128;
/** Distinct helper calls (helper and argument values) inlined per file. */
const MAX_INLINED_CALLS = 2000;

/** Names that denote the global object when not shadowed. */
export const GLOBAL_OBJECT_NAMES: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);
/** Members of the global object that denote a global object again (browser frames); not bare names. */
const GLOBAL_OBJECT_MEMBERS: ReadonlySet<string> = new Set([...GLOBAL_OBJECT_NAMES, 'top', 'parent', 'frames']);
const FUNCTION_PROTOTYPE: Value = ref({ kind: 'global', name: 'Function' }, ['prototype']);
const TIMER_NAMES: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate']);
const BYTE_ENCODINGS: ReadonlySet<string> = new Set(['base64', 'base64url', 'hex', 'latin1', 'binary', 'utf8', 'utf-8']);
const PATH_MODULES: ReadonlySet<string> = new Set(['path', 'path/posix']);

export interface CallTarget {
  target: Value;
  /** Effective argument nodes; null when not statically known (e.g. `.apply(t, args)`). */
  args: Nd[] | null;
  construct: boolean;
  via: string[];
  /** The argument a forwarding helper calls (`run(cp.exec, cmd)` with `run = (f, x) => f(x)`). */
  forwardedCallee?: Nd;
}

/** Normalizes a module specifier to the root of a reference path (`node:` prefix removed). */
export function moduleRoot(spec: string): Value {
  const trimmed = spec.trim();
  const norm = trimmed.startsWith('node:') ? trimmed.slice(5) : trimmed;
  if (norm === 'process') return global('process');
  return ref({ kind: 'module', spec: norm }, []);
}

// Memo slots live on the nodes under symbol keys (invisible to Object.keys and JSON), which is much
// cheaper than a Map entry per evaluated node. One state slot (fewer shape transitions than two):
// the generation whose memo is valid, minus the generation while the node is evaluated (a cycle), or 0.
const MEMO = Symbol('memo');
const MEMO_STATE = Symbol('memoState');
let generationCounter = 0;
const DESCRIPTOR_PATH: readonly string[] = ['getOwnPropertyDescriptor'];
/** Environment variables that hold directories: the home directory folds to `~` (like `os.homedir()`), Windows profile folders to their `%NAME%`. */
const PATH_VARIABLES: Readonly<Record<string, string>> = { HOME: '~', USERPROFILE: '~', APPDATA: '%APPDATA%', LOCALAPPDATA: '%LOCALAPPDATA%' };
interface MemoSlot {
  [MEMO]?: Value;
  [MEMO_STATE]?: number;
}

/** A folded constant value. */
type FoldedConst = Extract<Value, { k: 'const' }>;

/** An inlinable helper function: its returned expression and parameter bindings (see `helperShape`). */
interface HelperShape {
  returned: Nd;
  params: Binding[];
  mentionsLoader: boolean;
}

/** Per class, the value expressions assigned to each field name (null: declared without a value). */
interface ClassFields {
  instance: Map<string, Array<Nd | null>>;
  statics: Map<string, Array<Nd | null>>;
  /** Methods (prototype and static) by name: their function nodes. Kept apart from fields, which rules report. */
  methods: Map<string, Nd>;
  staticMethods: Map<string, Nd>;
}

/** How many `extends` steps member lookup follows through classes of the same file. */
const MAX_CLASS_CHAIN = 8;

/**
 * `call` or `apply` when the value is `Function.prototype.call`/`apply`, reached through it or a
 * builtin function (`eval.call`, `Object.apply`, `Array.prototype.map.call`), else null. Members of
 * other objects may be anything (`obj.call`).
 */
function invokerKey(v: Value): 'call' | 'apply' | null {
  if (v.k !== 'ref' || v.root.kind !== 'global' || v.keys.length === 0) return null;
  const last = v.keys[v.keys.length - 1];
  if (last !== 'call' && last !== 'apply') return null;
  const base = v.keys.slice(0, -1);
  const viaPrototype = v.root.name === 'Function' && base.length === 1 && base[0] === 'prototype';
  const builtin = (base.length === 0 && (v.root.name === 'eval' || v.root.name === 'require')) || nativeFunctionName(ref(v.root, base)) !== null;
  return viaPrototype || builtin ? last : null;
}

function isClassNode(node: Nd): boolean {
  return node.type === 'ClassDeclaration' || node.type === 'ClassExpression';
}

export class Resolver {
  /** Memo generation: node memos written under another generation (or resolver) are stale. */
  private gen = ++generationCounter;
  private readonly bindingMemo = new Map<Binding, Value>();
  private readonly bindingProgress = new Set<Binding>();
  /** Binding value with its alias step, computed once per binding. */
  private readonly aliasMemo = new Map<Binding, Value>();
  private readonly classMemo = new Map<Nd, ClassFields>();
  /** Helper functions being inlined (innermost last) and the values their parameters are bound to. */
  private readonly inlined: Nd[] = [];
  private readonly inlineArguments = new Map<Binding, Value>();
  private readonly helperMemo = new Map<Nd, HelperShape | null>();
  private readonly inlineMemo = new Map<string, Value | null>();
  /** Per object literal bound to a variable: its members assigned later, by key (see `assignedMembers`). */
  private readonly memberWrites = new Map<Nd, ReadonlyMap<string, Nd[]> | null>();
  private readonly membersInProgress = new Set<string>();
  /** Per function: the obfuscator string-array decoder it is, or null (recognised once). */
  private readonly decoders = new Map<Nd, StringArrayDecoder | null>();
  /** Decoded entries of base64/RC4 string arrays (by stored text and key). */
  private readonly decodedStrings = new Map<string, string>();
  private readonly readsMemo = new Map<Nd, { instance: Set<string>; statics: Set<string> }>();
  private steps = 0;
  private depth = 0;
  private truncations = 0;
  /** `fnStart:index` of parameters that receive the pi object (no keys) or one of its members (`pi.exec`). */
  private readonly piParams = new Map<string, string[]>();
  readonly defaultExportFns = new Set<Nd>();

  constructor(
    readonly scopes: ScopeInfo,
    private readonly lineOf: (offset: number) => number,
  ) {}

  // ---------------------------------------------------------------- pi parameters

  /** Finds default-exported functions and propagates `Pi` into local function parameters (§3.1). */
  preparePi(): void {
    let evaluated = false;
    const calls: Nd[] = [];
    const nodes = this.scopes.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      switch (node.type) {
        case 'CallExpression':
          if (node.arguments.length > 0 && node.callee.type === 'Identifier' && this.mayBeLocalFunction(node.callee)) calls.push(node);
          break;
        case 'ExportDefaultDeclaration':
          this.addDefaultExport(node.declaration);
          evaluated = true;
          break;
        case 'ExportNamedDeclaration':
          if (node.source) break;
          for (const spec of node.specifiers) {
            const exported = spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
            if (exported === 'default') {
              this.addDefaultExport(spec.local);
              evaluated = true;
            }
          }
          break;
        case 'AssignmentExpression':
          if (node.operator === '=' && node.left.type === 'MemberExpression' && this.isModuleExportsTarget(node.left)) {
            this.addDefaultExport(node.right);
            evaluated = true;
          }
          break;
        default:
          break;
      }
    }
    if (evaluated) this.clearMemo();
    for (let round = 0; round < 3; round++) {
      // One hop per round: parameters found in this round take effect in the next one.
      const found: Array<[string, string[]]> = [];
      for (const call of calls) {
        const callee = this.evaluate(call.callee);
        if (callee.k !== 'fn') continue;
        call.arguments.forEach((arg: Nd, index: number) => {
          const key = `${callee.node.start}:${index}`;
          if (this.piParams.has(key)) return;
          const keys = this.piArgument(arg);
          if (keys) found.push([key, keys]);
        });
      }
      if (found.length === 0) break;
      for (const [key, keys] of found) this.piParams.set(key, keys);
      this.clearMemo();
    }
  }

  /** The pi member path an argument passes (`[]` for `pi` itself, `['exec']` for `pi.exec`), or null. */
  private piArgument(arg: Nd): string[] | null {
    if (arg.type !== 'Identifier' && arg.type !== 'MemberExpression') return null;
    for (const v of alternatives(this.evaluate(arg))) if (v.k === 'ref' && v.root.kind === 'pi' && v.keys.length <= 2) return v.keys;
    return null;
  }

  /** A callee naming a local function declaration or a binding initialised with a function (syntactic). */
  private mayBeLocalFunction(callee: Nd): boolean {
    const b = this.scopes.refBinding.get(callee);
    return !!b && (b.kind === 'function' || b.inits.some((i) => i.init !== null && /Function/.test(i.init.type)));
  }

  /**
   * Functions whose parameters `node` makes receive `pi` (the two sources `preparePi` reads): a default
   * export (first parameter), or a call to a declared function with `pi` as an argument.
   */
  piTargetsOf(node: Nd): Nd[] {
    const fns = (value: Nd | null | undefined): Nd[] => (value ? alternatives(this.evaluate(value)).flatMap((v) => (v.k === 'fn' ? [v.node] : [])) : []);
    switch (node.type) {
      case 'ExportDefaultDeclaration':
        return fns(node.declaration);
      case 'ExportNamedDeclaration':
        return node.source ? [] : node.specifiers.flatMap((spec: Nd) => ((spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value) === 'default' ? fns(spec.local) : []));
      case 'AssignmentExpression':
        return node.operator === '=' && node.left.type === 'MemberExpression' && this.isModuleExportsTarget(node.left) ? fns(node.right) : [];
      case 'CallExpression': {
        if (node.arguments.length === 0 || node.callee.type !== 'Identifier' || !this.mayBeLocalFunction(node.callee)) return [];
        const callee = this.evaluate(node.callee);
        if (callee.k !== 'fn') return [];
        return node.arguments.some((arg: Nd) => this.piArgument(arg) !== null) ? [callee.node] : [];
      }
      default:
        return [];
    }
  }

  /** `module.exports`, `exports.default` or `module.exports.default` with unshadowed roots (syntactic). */
  private isModuleExportsTarget(left: Nd): boolean {
    const names: string[] = [];
    let cur: Nd = left;
    while (cur.type === 'MemberExpression' && !cur.computed && names.length < 4) {
      names.unshift(cur.property.name);
      cur = cur.object;
    }
    if (cur.type !== 'Identifier' || this.scopes.refBinding.get(cur)) return false;
    const path = [cur.name, ...names].join('.');
    return path === 'module.exports' || path === 'exports.default' || path === 'module.exports.default';
  }

  private addDefaultExport(node: Nd | null | undefined): void {
    if (!node) return;
    const v = this.evaluate(node);
    for (const alt of alternatives(v)) if (alt.k === 'fn') this.defaultExportFns.add(alt.node);
  }

  private clearMemo(): void {
    this.gen = ++generationCounter;
    this.bindingMemo.clear();
    this.aliasMemo.clear();
    this.inlineMemo.clear();
  }

  // ---------------------------------------------------------------- evaluation

  evaluate(node: Nd | null | undefined): Value {
    if (!node) return UNKNOWN;
    if (this.inlined.length > 0 && this.insideInlined(node)) return this.evaluateUnmemoized(node);
    const slot = node as unknown as MemoSlot;
    const state = slot[MEMO_STATE];
    if (state === this.gen) return slot[MEMO]!;
    if (state === -this.gen || this.depth >= FOLD_MAX_DEPTH) {
      this.truncations++;
      return UNKNOWN;
    }
    if (++this.steps > FOLD_MAX_STEPS) {
      // The budget stays spent for the rest of the file: the plain value is what this node reads as.
      this.truncations++;
      const plain = this.plainValue(node, 0);
      slot[MEMO] = plain;
      slot[MEMO_STATE] = this.gen;
      return plain;
    }
    const before = this.truncations;
    slot[MEMO_STATE] = -this.gen;
    this.depth++;
    let value: Value;
    try {
      value = this.compute(node);
    } finally {
      this.depth--;
      slot[MEMO_STATE] = 0;
    }
    if (value.k === 'const' && typeof value.v === 'string' && value.v.length > FOLD_MAX_CHARS) value = UNKNOWN;
    if (this.truncations === before) {
      slot[MEMO] = value;
      slot[MEMO_STATE] = this.gen;
    }
    return value;
  }

  /** Inside a function being inlined, values depend on the call's arguments: no memo either way. */
  private evaluateUnmemoized(node: Nd): Value {
    if (this.depth >= FOLD_MAX_DEPTH) {
      this.truncations++;
      return UNKNOWN;
    }
    if (++this.steps > FOLD_MAX_STEPS) {
      this.truncations++;
      return this.plainValue(node, 0);
    }
    this.depth++;
    try {
      const value = this.compute(node);
      return value.k === 'const' && typeof value.v === 'string' && value.v.length > FOLD_MAX_CHARS ? UNKNOWN : value;
    } finally {
      this.depth--;
    }
  }

  /**
   * Once the file's folding steps are spent (§3.2: folded values are then unknown), what is still
   * read as spelled: literals, globals (`eval`, `require`, `process`), imports and constant aliases,
   * static member chains and `require("x")`. Without it, code after the first 100,000 steps of a
   * large bundle, where an appended payload sits, would show nothing at all. No folding, bounded depth.
   */
  private plainValue(node: Nd, depth: number): Value {
    if (depth > 8) return UNKNOWN;
    const n = unwrap(node);
    switch (n.type) {
      case 'Literal':
        return this.compute(n);
      case 'Identifier': {
        const binding = this.scopes.refBinding.get(n) ?? this.scopes.declBinding.get(n) ?? null;
        if (!binding) return this.identifier(n);
        if (binding.kind === 'import') return this.bindingValue(binding);
        const only = binding.inits.length === 1 && binding.writes.length === 0 ? binding.inits[0] : null;
        return only && only.init && only.path.length === 0 && binding.kind !== 'param' ? this.plainValue(only.init, depth + 1) : UNKNOWN;
      }
      case 'MemberExpression': {
        const key = staticKey(n.property, n.computed);
        const object = key === null ? UNKNOWN : this.plainValue(n.object, depth + 1);
        return key !== null && object.k === 'ref' ? this.member(object, key) : UNKNOWN;
      }
      case 'CallExpression': {
        const spec = n.arguments.length > 0 && n.arguments[0].type === 'Literal' && typeof n.arguments[0].value === 'string' ? n.arguments[0].value : null;
        return spec !== null && this.loaderOf(this.plainValue(n.callee, depth + 1)) ? moduleRoot(spec) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private insideInlined(node: { start: number; end: number }): boolean {
    for (const fn of this.inlined) if (node.start >= fn.start && node.end <= fn.end) return true;
    return false;
  }

  private compute(node: Nd): Value {
    switch (node.type) {
      case 'Literal':
        if (node.regex || typeof node.bigint === 'string') return UNKNOWN;
        if (typeof node.value === 'string') return konst(node.value, typeof node.raw === 'string' && /\\(?:x|u|[0-7])/.test(node.raw) ? 'escape sequences' : null);
        return konst(node.value as string | number | boolean | null);
      case 'TemplateLiteral':
        return this.foldTemplate(node, false);
      case 'TaggedTemplateExpression': {
        const tag = this.evaluate(node.tag);
        if (tag.k === 'ref' && tag.root.kind === 'global' && tag.root.name === 'String' && tag.keys.length === 1 && tag.keys[0] === 'raw') {
          return this.foldTemplate(node.quasi, true);
        }
        return UNKNOWN;
      }
      case 'Identifier':
        return this.identifier(node);
      case 'ChainExpression':
      case 'ParenthesizedExpression':
      case 'AwaitExpression':
        return this.evaluate(node.expression ?? node.argument);
      case 'SequenceExpression': {
        const last = node.expressions[node.expressions.length - 1];
        const v = this.evaluate(last);
        return v.k === 'const' ? v : withStep(v, `indirect call (${this.text(node)})`);
      }
      case 'ConditionalExpression':
        return union([this.evaluate(node.consequent), this.evaluate(node.alternate)]);
      case 'LogicalExpression':
        return union([this.evaluate(node.left), this.evaluate(node.right)]);
      case 'AssignmentExpression':
        return node.operator === '=' ? this.evaluate(node.right) : UNKNOWN;
      case 'MemberExpression':
        return this.memberExpression(node);
      case 'CallExpression':
        return this.callValue(node);
      case 'ImportExpression': {
        const spec = constString(this.evaluate(node.source));
        return spec === null ? UNKNOWN : moduleRoot(spec);
      }
      case 'NewExpression': {
        const callee = this.evaluate(node.callee);
        // `new Uint8Array([101, 118, …])`: bytes, like `Buffer.from([…])`.
        if (isGlobal(callee, 'Uint8Array') && node.arguments.length === 1) {
          const source = this.evaluate(node.arguments[0]);
          if (source.k === 'arr') return this.bytesOf(source.node);
          if (source.k === 'bytes') return source;
        }
        if (callee.k === 'ref' && callee.root.kind !== 'pi' && callee.keys.length < MAX_PATH) return ref(callee.root, [...callee.keys, '()new']);
        if (callee.k === 'fn' && isClassNode(callee.node)) return { k: 'inst', node: callee.node, via: callee.via, related: callee.related };
        return UNKNOWN;
      }
      case 'FunctionExpression':
      case 'FunctionDeclaration':
      case 'ArrowFunctionExpression':
      case 'ClassExpression':
      case 'ClassDeclaration':
        return { k: 'fn', node, ...NO_TRACE };
      case 'ObjectExpression':
        return { k: 'obj', node, ...NO_TRACE };
      case 'ArrayExpression':
        return { k: 'arr', node, ...NO_TRACE };
      case 'BinaryExpression':
        return this.binary(node);
      case 'UnaryExpression': {
        if (node.operator === 'void') return konst(undefined);
        const arg = this.evaluate(node.argument);
        if (arg.k !== 'const') {
          // `![]`, `+[]`, `+[1]`: literal containers convert like at runtime (JSFuck-style code).
          if (node.operator === '!' && isLiteralContainer(arg)) return konst(false, 'type coercion');
          const text = (node.operator === '+' || node.operator === '-') && isLiteralContainer(arg) ? this.coerceToString(arg) : null;
          return text === null ? UNKNOWN : konst(node.operator === '-' ? -Number(text) : Number(text), 'type coercion');
        }
        if (node.operator === '!') return konst(!arg.v, arg.asm);
        if (node.operator === '-' && typeof arg.v === 'number') return konst(-arg.v);
        if (node.operator === '+' && typeof arg.v !== 'string') return konst(Number(arg.v), arg.asm);
        if (node.operator === '+') return konst(Number(arg.v));
        return UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** Source text of a node for evasion steps, whitespace collapsed and truncated to 60 characters. */
  text(node: Nd): string {
    const raw = this.sourceText(node.start, Math.min(node.end, node.start + 2000)).replace(/\s+/g, ' ').trim();
    return raw.length > 60 ? `${raw.slice(0, 59)}…` : raw;
  }

  sourceText: (start: number, end: number) => string = () => '';
  /** TypeScript value namespaces by name (stripped to blocks): `N.k` is the binding `k` exported there. */
  namespaces: ReadonlyMap<string, readonly NamespaceSite[]> = new Map();

  /** True when `name` is a namespace of this file (its `N.k` members can hold anything). */
  isNamespace(name: string): boolean {
    return this.namespaces.has(name);
  }

  private readonly namespaceMemo = new Map<string, Binding | null>();

  /** The exported binding `key` of namespace `name`, declared directly in one of its blocks, or null. */
  private namespaceMember(name: string, key: string): Binding | null {
    const memoKey = `${name}\0${key}`;
    const known = this.namespaceMemo.get(memoKey);
    if (known !== undefined) return known;
    let found: Binding | null = null;
    const blocks = (this.namespaces.get(name) ?? []).filter((site) => site.exported.includes(key));
    for (const b of blocks.length > 0 ? this.scopes.bindings : []) {
      if (b.name !== key) continue;
      const declaration = b.fnNode ?? this.scopes.parentOf.get(b.inits[0]?.owner ?? b.id);
      const block = declaration && this.scopes.parentOf.get(declaration);
      if (block && block.type === 'BlockStatement' && blocks.some((site) => site.blockStart === block.start)) {
        found = b;
        break;
      }
    }
    this.namespaceMemo.set(memoKey, found);
    return found;
  }

  private foldTemplate(tpl: Nd, raw: boolean): Value {
    let out = '';
    let asm: Technique | null = tpl.expressions.length > 0 ? 'template literal' : null;
    for (let i = 0; i < tpl.quasis.length; i++) {
      const q = tpl.quasis[i].value;
      const piece = raw ? q.raw : q.cooked;
      if (typeof piece !== 'string') return UNKNOWN;
      out += piece;
      if (!raw && /\\(?:x|u|[0-7])/.test(q.raw) && !asm) asm = 'escape sequences';
      if (i < tpl.expressions.length) {
        const v = this.evaluate(tpl.expressions[i]);
        if (v.k !== 'const') return UNKNOWN;
        out += String(v.v);
      }
      if (out.length > FOLD_MAX_CHARS) return UNKNOWN;
    }
    return konst(out, asm);
  }

  private binary(node: Nd): Value {
    const op = node.operator;
    if (!['+', '-', '*', '/', '%'].includes(op)) return UNKNOWN;
    const l = this.evaluate(node.left);
    if (l.k !== 'const' && !(op === '+' && isLiteralContainer(l))) return UNKNOWN;
    const r = this.evaluate(node.right);
    if (l.k !== 'const' || r.k !== 'const') {
      // `[] + []`, `![] + []`, `[][f] + []`: a literal container on either side makes `+` a string concatenation.
      if (op !== '+' || (r.k !== 'const' && !isLiteralContainer(r))) return UNKNOWN;
      const ls = this.coerceToString(l);
      const rs = ls === null ? null : this.coerceToString(r);
      if (ls === null || rs === null || ls.length + rs.length > FOLD_MAX_CHARS) return UNKNOWN;
      return konst(ls + rs, 'type coercion');
    }
    if (op === '+') {
      const lv = l.v as string | number;
      const rv = r.v as string | number;
      const v: unknown = (lv as number) + (rv as number);
      if (typeof v === 'string') {
        if (v.length > FOLD_MAX_CHARS) return UNKNOWN;
        const nonEmpty = String(l.v).length > 0 && String(r.v).length > 0;
        return konst(v, l.asm ?? r.asm ?? (nonEmpty ? 'concatenation' : null));
      }
      return konst(v as number);
    }
    if (typeof l.v !== 'number' || typeof r.v !== 'number') return UNKNOWN;
    const a = l.v;
    const b = r.v;
    return konst(op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b);
  }

  private identifier(node: Nd): Value {
    const binding = this.scopes.refBinding.get(node) ?? this.scopes.declBinding.get(node) ?? null;
    if (!binding) {
      if (node.name === 'undefined') return konst(undefined);
      if (GLOBAL_OBJECT_NAMES.has(node.name)) return global('globalObject');
      if (node.name === 'pi') return ref({ kind: 'pi' }, []);
      return global(node.name);
    }
    const argument = this.inlineArguments.get(binding);
    if (argument) return argument;
    if (this.inlined.length > 0 && this.insideInlined(binding.id)) return this.computeBinding(binding);
    if (node === binding.id) return this.bindingValue(binding);
    const cachedAlias = this.aliasMemo.get(binding);
    if (cachedAlias) return cachedAlias;
    const before = this.truncations;
    const aliased = this.aliasValue(binding);
    if (this.truncations === before) this.aliasMemo.set(binding, aliased);
    return aliased;
  }

  private aliasValue(binding: Binding): Value {
    const v = this.bindingValue(binding);
    if (v.k === 'const' || v.k === 'unknown') return v;
    if (binding.kind === 'var' || binding.kind === 'let' || binding.kind === 'const') {
      const init = binding.inits[0];
      const renamed = init && init.path.length > 0 && init.prop && !(init.prop.key.type === 'Identifier' && init.prop.key.name === binding.name);
      const plainDestructure = init && init.path.length > 0 && !renamed;
      const related = { start: binding.id.start, end: binding.id.end, message: `"${binding.name}" declared here` };
      if (plainDestructure) return withStep(v, null, related);
      return withStep(v, `alias "${binding.name}" declared on line ${binding.id.loc?.start.line ?? this.lineOf(binding.id.start)}`, related);
    }
    if (binding.kind === 'import' && binding.importInfo) {
      const src = binding.importInfo.source;
      return withStep(v, null, { start: src.start, end: src.end, message: `"${binding.name}" imported here` });
    }
    return v;
  }

  bindingValue(b: Binding): Value {
    const cached = this.bindingMemo.get(b);
    if (cached) return cached;
    if (this.bindingProgress.has(b)) {
      this.truncations++;
      return UNKNOWN;
    }
    this.bindingProgress.add(b);
    const before = this.truncations;
    let v: Value;
    try {
      v = this.computeBinding(b);
    } finally {
      this.bindingProgress.delete(b);
    }
    if (this.truncations === before) this.bindingMemo.set(b, v);
    return v;
  }

  private computeBinding(b: Binding): Value {
    switch (b.kind) {
      case 'function':
      case 'class':
        return b.fnNode ? { k: 'fn', node: b.fnNode, ...NO_TRACE } : UNKNOWN;
      case 'import': {
        const info = b.importInfo;
        if (!info) return UNKNOWN;
        const base = moduleRoot(info.spec);
        if (info.imported === '*' || info.imported === 'default') return base;
        return this.member(base, info.imported);
      }
      case 'param': {
        const p = b.param;
        if (!p) return UNKNOWN;
        const isPi = (p.index === 0 && this.defaultExportFns.has(p.fn)) || (b.name === 'pi' && p.path.length === 0);
        const piKeys = isPi ? [] : this.piParams.get(`${p.fn.start}:${p.index}`);
        if (piKeys) return this.applyPath(ref({ kind: 'pi' }, piKeys), p.path);
        const passed = this.passedArgument(p.fn, p.index);
        return passed.k === 'unknown' ? UNKNOWN : this.applyPath(passed, p.path);
      }
      case 'catch':
        return UNKNOWN;
      default: {
        const values: Value[] = [];
        for (const init of b.inits) {
          if (init.init === null) {
            const owner = init.owner;
            values.push(owner.type === 'VariableDeclarator' && !owner.init && init.path.length === 0 ? konst(undefined) : UNKNOWN);
          } else values.push(this.applyPath(this.evaluate(init.init), init.path));
        }
        for (const w of b.writes) values.push(w ? this.evaluate(w) : UNKNOWN);
        const meaningful = values.length > 1 ? values.filter((v) => !(v.k === 'const' && v.v === undefined)) : values;
        return union(meaningful.length ? meaningful : values);
      }
    }
  }

  /**
   * The value a function's parameter receives where the call is visible at the function itself: an
   * immediately invoked function (`(function (r) {…})(require)`, also through `.call`/`.apply`), or
   * the callback of `import(…).then(cb)` (the module namespace).
   */
  private passedArgument(fn: Nd, index: number): Value {
    const parent = this.scopes.parentOf.get(fn);
    if (!parent) return UNKNOWN;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === fn) {
      return withStep(this.argumentAt(parent.arguments, index), 'immediately invoked function');
    }
    if (parent.type === 'MemberExpression' && parent.object === fn && !parent.computed) {
      const call = this.scopes.parentOf.get(parent);
      if (!call || call.type !== 'CallExpression' || call.callee !== parent) return UNKNOWN;
      if (parent.property.name === 'call') return withStep(this.argumentAt(call.arguments, index + 1), 'immediately invoked function');
      if (parent.property.name === 'apply' && call.arguments[1]?.type === 'ArrayExpression') {
        return withStep(this.argumentAt(call.arguments[1].elements, index), 'immediately invoked function');
      }
      return UNKNOWN;
    }
    if (parent.type === 'CallExpression' && index === 0 && parent.arguments[0] === fn) {
      const callee = unwrap(parent.callee);
      if (callee.type !== 'MemberExpression' || this.memberKey(callee).key !== 'then') return UNKNOWN;
      const promised = this.evaluate(callee.object);
      if (promised.k === 'ref' && promised.root.kind === 'module' && promised.keys.length === 0 && this.isDynamicImport(callee.object)) return withStep(promised, 'import().then');
    }
    return UNKNOWN;
  }

  /** The argument at `index`, unknown when absent or after a spread element. */
  private argumentAt(args: Array<Nd | null>, index: number): Value {
    for (let i = 0; i < index && i < args.length; i++) if (args[i]?.type === 'SpreadElement') return UNKNOWN;
    const arg = args[index];
    return arg && arg.type !== 'SpreadElement' ? this.evaluate(arg) : UNKNOWN;
  }

  /** `import(…)`, directly or through a const binding initialised with one. */
  private isDynamicImport(node: Nd): boolean {
    const n = unwrap(node);
    if (n.type === 'ImportExpression') return true;
    if (n.type !== 'Identifier') return false;
    const b = this.scopes.refBinding.get(n);
    return !!b && b.kind === 'const' && b.inits.length === 1 && !!b.inits[0].init && unwrap(b.inits[0].init).type === 'ImportExpression';
  }

  private applyPath(value: Value, path: PathStep[]): Value {
    let v = value;
    for (const step of path) {
      if ('index' in step) return UNKNOWN;
      let key = step.key;
      if (key === null && step.keyNode) key = this.foldKey(step.keyNode);
      if (key === null) return UNKNOWN;
      v = this.member(v, key);
    }
    return v;
  }

  /** Folds a computed key to a string, or null. */
  foldKey(node: Nd): string | null {
    const v = this.evaluate(node);
    if (v.k !== 'const' || (typeof v.v !== 'string' && typeof v.v !== 'number')) return null;
    return String(v.v);
  }

  /**
   * A file path folded for SEC-FSSENS-001: like `evaluate`, but the home directory from the
   * environment (`process.env.HOME`, `USERPROFILE`) counts as `~` inside `+` and templates too
   * (`APPDATA`/`LOCALAPPDATA` as `%APPDATA%`/`%LOCALAPPDATA%`), so
   * `process.env.HOME + "/.bashrc"` is `~/.bashrc`. Only path arguments fold this way: elsewhere the
   * variable stays an environment read.
   */
  foldPath(node: Nd): string | null {
    return this.pathFold(node, 0, false)?.[0] ?? null;
  }

  /**
   * The same fold where parts that do not fold become `*` (SEC-CREDREAD-001, and SEC-FSSENS-001's
   * persistence locations): a loop over browser profiles reads `path.join(profile, "Local Storage",
   * "leveldb")`, which folds to `Local Storage/leveldb` under an unknown (`*`) folder. A `for…of`
   * variable over a constant array takes each element in turn (`for (const f of [".npmrc", …])`), up to
   * MAX_PATH_PATTERNS elements and paths. Empty when nothing folds.
   */
  foldPathPatterns(node: Nd): string[] {
    return (this.pathFold(node, 0, true) ?? []).filter((p) => !/^[*/]*$/.test(p));
  }

  /** Path alternatives (one in the exact mode, where null means "does not fold"). */
  private pathFold(node: Nd, depth: number, partial: boolean): string[] | null {
    const unknown = partial ? ['*'] : null;
    const v = this.evaluate(node);
    const s = constString(v);
    if (s !== null) return [s];
    const variable = pathVariable(v);
    if (variable !== null) return [variable];
    if (depth >= 8) return unknown;
    const n = unwrap(node);
    if (n.type === 'BinaryExpression' && n.operator === '+') return this.pathConcat([n.left, n.right], depth, partial, (parts) => parts.join(''));
    if (n.type === 'TemplateLiteral') {
      const quasis = (n.quasis as Nd[]).map((q) => q.value.cooked);
      if (quasis.some((q) => typeof q !== 'string')) return unknown;
      return this.pathConcat(n.expressions as Nd[], depth, partial, (parts) => quasis.map((q, i) => q + (parts[i] ?? '')).join(''));
    }
    if (n.type === 'Identifier') {
      const b = this.scopes.refBinding.get(n);
      if (!b || b.writes.length > 0 || b.inits.length !== 1) return unknown;
      const only = b.inits[0];
      if (only.init) return only.path.length === 0 ? this.pathFold(only.init, depth + 1, partial) : unknown;
      return partial ? (this.loopElements(only) ?? unknown) : unknown;
    }
    // `path.join`/`path.resolve` with some parts unknown (with all parts known, `evaluate` folded it).
    if (partial && n.type === 'CallExpression' && !n.arguments.some((a: Nd) => a.type === 'SpreadElement')) {
      const callee = this.evaluate(n.callee);
      const fn = callee.k === 'ref' && callee.root.kind === 'module' && PATH_MODULES.has(callee.root.spec) ? callee.keys.join('.') : null;
      if (fn === 'join' || fn === 'resolve') return this.pathConcat(n.arguments as Nd[], depth, true, (parts) => (fn === 'join' ? joinPath(parts) : resolvePath(parts)));
    }
    return unknown;
  }

  /** Every combination of the parts' alternatives, joined by `join`; null when a part does not fold (exact mode). */
  private pathConcat(parts: Nd[], depth: number, partial: boolean, join: (parts: string[]) => string): string[] | null {
    let combos: string[][] = [[]];
    for (const part of parts) {
      const alternatives = this.pathFold(part, depth + 1, partial);
      if (alternatives === null) return null;
      combos = combos.flatMap((c) => alternatives.map((a) => [...c, a])).slice(0, MAX_PATH_PATTERNS);
    }
    return combos.map(join);
  }

  /**
   * The constant strings a `for…of` variable takes, or null: the elements of a constant array, the
   * values of `Object.values(o)`, and the keys or values of `Object.entries(o)` destructured as
   * `[k, v]`, for an object literal `o` (stealers keep their target paths in such tables).
   */
  private loopElements(init: BindingInit): string[] | null {
    const declarator = init.owner;
    const declaration = this.scopes.parentOf.get(declarator);
    const loop = declaration && this.scopes.parentOf.get(declaration);
    if (!loop || loop.type !== 'ForOfStatement' || loop.left !== declaration) return null;
    const step = init.path.length === 1 ? init.path[0] : null;
    const entryPart = step && 'index' in step && step.index <= 1 ? step.index : null;
    if (init.path.length > 0 && entryPart === null) return null;
    let nodes: Array<Nd | null>;
    const iterated = unwrap(loop.right);
    const listed = this.evaluate(iterated);
    if (listed.k === 'arr' && listed.node.type === 'ArrayExpression' && init.path.length === 0) nodes = listed.node.elements as Array<Nd | null>;
    else {
      const table = iterated.type === 'CallExpression' && iterated.arguments.length === 1 ? this.objectTable(iterated.callee, iterated.arguments[0]) : null;
      if (!table) return null;
      if (table.fn === 'values' && init.path.length === 0) nodes = table.props.map((p) => p.value);
      else if (table.fn === 'entries' && entryPart !== null) {
        if (entryPart === 1) nodes = table.props.map((p) => p.value);
        else {
          const keys = table.props.map((p) => staticKey(p.key, p.computed));
          return keys.length <= MAX_PATH_PATTERNS && keys.every((k): k is string => k !== null) ? keys : null;
        }
      } else return null;
    }
    if (nodes.length > MAX_PATH_PATTERNS) return null;
    const out: string[] = [];
    for (const node of nodes) {
      const value = node && node.type !== 'SpreadElement' ? constString(this.evaluate(node)) : null;
      if (value === null) return null;
      out.push(value);
    }
    return out;
  }

  /** `Object.values(o)` / `Object.entries(o)` of an object literal with plain properties only. */
  private objectTable(callee: Nd, arg: Nd): { fn: 'values' | 'entries'; props: Nd[] } | null {
    const fn = this.evaluate(callee);
    const name = isRef(fn, 'global', 'Object', ['values']) ? 'values' : isRef(fn, 'global', 'Object', ['entries']) ? 'entries' : null;
    const object = name ? this.evaluate(arg) : null;
    if (!name || !object || object.k !== 'obj' || object.node.type !== 'ObjectExpression') return null;
    const props = object.node.properties as Nd[];
    return props.every((p) => p.type === 'Property' && p.kind === 'init' && !p.method) ? { fn: name, props } : null;
  }

  /**
   * `m.get(k)` on a Map built in the file, `new Map([[k, v], …])` held by a variable that is never
   * reassigned, or the construction itself: the values stored under the folded key, by the
   * constructor's entries and by `m.set(k, v)` calls (a table of modules kept in a Map).
   */
  private mapGet(callee: Nd, args: Nd[]): Value | null {
    if (callee.type !== 'MemberExpression' || args.length === 0 || staticKey(callee.property, callee.computed) !== 'get') return null;
    const receiver = unwrap(callee.object);
    let construction: Nd | null = receiver.type === 'NewExpression' ? receiver : null;
    let holder: Binding | null = null;
    const b = receiver.type === 'Identifier' ? this.scopes.refBinding.get(receiver) : null;
    if (b && b.kind !== 'param' && b.inits.length === 1 && b.writes.length === 0 && b.inits[0].path.length === 0) {
      const init = b.inits[0].init && unwrap(b.inits[0].init);
      if (init && init.type === 'NewExpression') {
        construction = init;
        holder = b;
      }
    }
    if (!construction || construction.arguments.length > 1 || !isGlobal(this.evaluate(construction.callee), 'Map')) return null;
    const key = this.foldKey(args[0]);
    if (key === null) return null;
    const values: Value[] = [];
    const entries = construction.arguments[0] ? unwrap(construction.arguments[0]) : null;
    if (entries) {
      if (entries.type !== 'ArrayExpression') return null;
      for (const entry of entries.elements as Array<Nd | null>) {
        if (!entry || entry.type !== 'ArrayExpression' || entry.elements.length < 2 || !entry.elements[0] || entry.elements[0].type === 'SpreadElement') return null;
        if (this.foldKey(entry.elements[0]) === key && entry.elements[1]) values.push(this.evaluate(entry.elements[1]));
      }
    }
    const parentOf = (node: Nd) => this.scopes.parentOf.get(node);
    for (const read of holder?.reads ?? []) {
      const set = mapSetCallOf(read, parentOf);
      if (set && this.foldKey(set.arguments[0]) === key) values.push(this.evaluate(set.arguments[1]));
    }
    return values.length > 0 ? withStep(union(values), `Map entry "${key}"`) : null;
  }

  /** The key of a member expression (static or folded), with the folded value when computed. */
  memberKey(node: Nd): { key: string | null; folded: Value | null } {
    if (!node.computed) return { key: node.property.type === 'Identifier' ? node.property.name : null, folded: null };
    const folded = this.evaluate(node.property);
    const key = folded.k === 'const' && (typeof folded.v === 'string' || typeof folded.v === 'number') ? String(folded.v) : isLiteralContainer(folded) ? this.coerceToString(folded) : null;
    return { key, folded };
  }

  private memberExpression(node: Nd): Value {
    if (node.object.type === 'ThisExpression') {
      const field = this.fieldKey(node.property, node.computed);
      return field === null ? UNKNOWN : this.thisMember(node.object, field);
    }
    const { key } = this.memberKey(node);
    if (key === null) return UNKNOWN;
    if (node.object.type === 'Identifier' && this.namespaces.size > 0 && this.namespaces.has(node.object.name) && this.scopes.refBinding.get(node.object) === null) {
      const member = this.namespaceMember(node.object.name, key);
      return member ? withStep(this.bindingValue(member), `namespace ${node.object.name}`) : UNKNOWN;
    }
    if (key === 'value') {
      const described = this.describedProperty(unwrap(node.object));
      if (described) return described;
    }
    let obj = this.evaluate(node.object);
    if (node.computed && node.property.type !== 'Literal') obj = withStep(obj, `computed key ${this.text(node.property)}`);
    return this.member(obj, key);
  }

  /** `Object.getOwnPropertyDescriptor(o, k)` (or `Reflect.…`) with a foldable key: the property's value. */
  private describedProperty(call: Nd): Value | null {
    if (call.type !== 'CallExpression' || call.arguments.length < 2 || call.callee.type !== 'MemberExpression') return null;
    const callee = this.evaluate(call.callee);
    if (!isRef(callee, 'global', 'Object', DESCRIPTOR_PATH) && !isRef(callee, 'global', 'Reflect', DESCRIPTOR_PATH)) return null;
    const key = this.foldKey(call.arguments[1]);
    if (key === null) return null;
    return withStep(this.member(this.evaluate(call.arguments[0]), key), 'getOwnPropertyDescriptor');
  }

  member(obj: Value, key: string): Value {
    if (obj.k === 'union') return union(obj.items.map((item) => withTrace(this.member(item, key), obj)));
    switch (obj.k) {
      case 'ref': {
        const r = obj.root;
        if (r.kind === 'global' && r.name === 'globalObject' && obj.keys.length === 0) {
          const target = GLOBAL_OBJECT_MEMBERS.has(key) ? global('globalObject') : global(key);
          return withTrace(target, obj);
        }
        // Every builtin function's constructor is Function (`[]["filter"]["constructor"](code)`).
        if (key === 'constructor' && nativeFunctionName(obj) !== null) return withStep(global('Function'), 'constructor of a builtin function');
        const keys = [...obj.keys, key];
        if (keys.length > MAX_PATH) return UNKNOWN;
        const normalized = normalizeRef(r, keys);
        return withTrace(normalized, obj);
      }
      case 'obj': {
        const literal = this.literalProperty(obj.node, key);
        // `const o = {}; o.cp = require("child_process")`: members assigned to the literal's variable.
        const assigned = this.assignedMembers(obj.node)?.get(key) ?? [];
        if (assigned.length === 0) return literal === null ? UNKNOWN : withTrace(literal, obj);
        // A member defined through the object's other members (`o.a = o.b; o.b = o.a`, common in
        // bundles) adds nothing on the way round: unknown there, without blocking the memo.
        const guard = `${obj.node.start}:${key}`;
        if (this.membersInProgress.has(guard)) return UNKNOWN;
        this.membersInProgress.add(guard);
        let values: Value[];
        try {
          values = assigned.map((v) => this.evaluate(v));
        } finally {
          this.membersInProgress.delete(guard);
        }
        return withTrace(union(literal === null || (literal.k === 'unknown' && !this.hasLiteralKey(obj.node, key)) ? values : [literal, ...values]), obj);
      }
      case 'const':
        return this.primitiveMember(obj, key);
      case 'arr': {
        if (!/^\d+$/.test(key)) return arrayMember(obj, key);
        const index = Number(key);
        const els = obj.node.elements as Array<Nd | null>;
        for (let i = 0; i <= index && i < els.length; i++) if (els[i] && els[i]!.type === 'SpreadElement') return UNKNOWN;
        const el = els[index];
        return el ? withTrace(this.evaluate(el), obj) : UNKNOWN;
      }
      case 'strarr':
        return /^\d+$/.test(key) && Number(key) < obj.items.length ? konst(obj.items[Number(key)], obj.asm) : UNKNOWN;
      case 'fn':
        // Every function's prototype is (a subclass of) Function.prototype, whose `constructor` is Function.
        if (key === '__proto__') return withStep(FUNCTION_PROTOTYPE, '__proto__');
        return isClassNode(obj.node) ? withTrace(this.classMember(obj.node, true, key), obj) : UNKNOWN;
      case 'inst':
        return withTrace(this.classMember(obj.node, false, key), obj);
      default:
        return UNKNOWN;
    }
  }

  /** The value of an object literal's own property `key`, or null when it has none (UNKNOWN when it cannot be told). */
  private literalProperty(node: Nd, key: string): Value | null {
    const props = node.properties as Nd[];
    for (let i = props.length - 1; i >= 0; i--) {
      const p = props[i];
      if (p.type === 'SpreadElement') {
        // `{ ...require("child_process") }`, `{ ...pi }`: a module or the pi API copied in keeps its members.
        const spread = this.evaluate(p.argument);
        return spread.k === 'ref' && spread.root.kind !== 'global' ? withStep(this.member(spread, key), 'object spread') : UNKNOWN;
      }
      if (p.type !== 'Property') return UNKNOWN;
      const k = p.computed ? this.foldKey(p.key) : staticKey(p.key, false);
      if (k === null) {
        if (p.computed) return UNKNOWN;
        continue;
      }
      if (k !== key) continue;
      if (p.kind === 'get') {
        // `{ get cp() { return require("child_process") } }.cp`: reading the member runs the getter.
        const returned = returnedExpression(p.value);
        return returned ? withStep(this.evaluate(returned), `getter ${key}`) : UNKNOWN;
      }
      if (p.kind !== 'init') return UNKNOWN;
      return this.evaluate(p.value);
    }
    return null;
  }

  private hasLiteralKey(node: Nd, key: string): boolean {
    return (node.properties as Nd[]).some((p) => p.type === 'Property' && !p.computed && staticKey(p.key, false) === key);
  }

  /**
   * Per object literal bound to a variable (`const o = {…}`), the values assigned to its members
   * (`o.k = v`, `o["k"] = v`) by key; null when the literal is not a variable's only value.
   */
  private assignedMembers(literal: Nd): ReadonlyMap<string, Nd[]> | null {
    const known = this.memberWrites.get(literal);
    if (known !== undefined) return known;
    let writes: Map<string, Nd[]> | null = null;
    const declarator = this.scopes.parentOf.get(literal);
    const binding = declarator?.type === 'VariableDeclarator' && declarator.init === literal && declarator.id.type === 'Identifier' ? this.scopes.declBinding.get(declarator.id) : undefined;
    if (binding && binding.inits.length === 1 && binding.writes.length === 0) {
      writes = new Map();
      const parentOf = (node: Nd) => this.scopes.parentOf.get(node);
      for (const read of binding.reads) {
        const member = assignedMemberOf(read, parentOf);
        const key = member && this.memberKey(member).key;
        if (!member || key === null) continue;
        const list = writes.get(key) ?? [];
        list.push(parentOf(member)!.right);
        writes.set(key, list);
      }
    }
    this.memberWrites.set(literal, writes);
    return writes;
  }

  /**
   * JavaScript's string conversion of a value built from literals, or null: constants, array
   * literals (elements joined by commas, holes and null/undefined empty), `{}`, and builtin
   * functions (`function filter() { [native code] }`, as V8 prints them).
   */
  private coerceToString(v: Value, depth = 0): string | null {
    if (depth > 8) return null;
    switch (v.k) {
      case 'const':
        return String(v.v);
      case 'strarr':
        return v.items.join(',');
      case 'obj':
        return v.node.properties.length === 0 ? '[object Object]' : null;
      case 'ref': {
        const name = nativeFunctionName(v);
        return name === null ? null : `function ${name}() { [native code] }`;
      }
      case 'arr': {
        const parts: string[] = [];
        let length = 0;
        for (const el of v.node.elements as Array<Nd | null>) {
          if (el && el.type === 'SpreadElement') return null;
          const item = el ? this.evaluate(el) : konst(undefined);
          const text = item.k === 'const' && (item.v === null || item.v === undefined) ? '' : this.coerceToString(item, depth + 1);
          if (text === null) return null;
          length += text.length + 1;
          if (length > FOLD_MAX_CHARS) return null;
          parts.push(text);
        }
        return parts.join(',');
      }
      default:
        return null;
    }
  }

  /** `"false"[0]`, `"abc".length`, `""["constructor"]` (String) and string methods (builtin functions). */
  private primitiveMember(obj: Extract<Value, { k: 'const' }>, key: string): Value {
    const v = obj.v;
    if (typeof v === 'string') {
      if (/^\d+$/.test(key)) return Number(key) < v.length ? konst(v[Number(key)], obj.asm) : konst(undefined);
      if (key === 'length') return konst(v.length, obj.asm);
      if (key === 'constructor') return global('String');
      return STRING_PROTOTYPE_METHODS.has(key) ? ref({ kind: 'global', name: 'String' }, ['prototype', key]) : UNKNOWN;
    }
    if (key === 'constructor' && typeof v === 'number') return global('Number');
    if (key === 'constructor' && typeof v === 'boolean') return global('Boolean');
    return UNKNOWN;
  }

  // ---------------------------------------------------------------- helper functions

  /** `D(0x1dd)` of an obfuscator string-array decoder with a constant index: the string it returns. */
  private stringArrayCall(target: Value, args: Nd[]): Value | null {
    if (target.k !== 'fn' || target.node.type !== 'FunctionDeclaration' || args.length === 0) return null;
    let decoder = this.decoders.get(target.node);
    if (decoder === undefined) {
      decoder = recognizeDecoder(target.node, this.stringArrayContext());
      this.decoders.set(target.node, decoder);
    }
    if (!decoder) return null;
    const index = this.evaluate(args[0]);
    if (index.k !== 'const' || typeof index.v !== 'number') return null;
    const key = args.length > 1 ? constString(this.evaluate(args[1])) : null;
    const text = decodeStringArray(decoder, index.v, key ?? undefined, this.decodedStrings);
    return text === null ? null : konst(text, 'string array');
  }

  private stringArrayContext(): StringArrayContext {
    return {
      bindingOf: (id) => this.scopes.refBinding.get(id) ?? this.scopes.declBinding.get(id) ?? null,
      parentOf: (node) => this.scopes.parentOf.get(node),
      calleeFunction: (node) => {
        const v = this.evaluate(node);
        return v.k === 'fn' ? v.node : null;
      },
      foldNumber: (node) => {
        const v = this.evaluate(node);
        return v.k === 'const' && typeof v.v === 'number' ? v.v : null;
      },
      foldString: (node) => constString(this.evaluate(node)),
    };
  }

  /**
   * A call of a local helper whose body is one returned expression (`function d(s) { return
   * Buffer.from(s, "hex").toString() }`, `const load = (m) => require(m)`), evaluated with its
   * parameters bound to the call's arguments: the decoders and loader wrappers of obfuscated code.
   * Only constants and module/global references come back; up to MAX_INLINE_DEPTH helpers deep.
   */
  private inlineCall(target: Value, args: Nd[]): Value | null {
    if (target.k !== 'fn' || args.some((a) => a.type === 'SpreadElement')) return null;
    const helper = this.helperShape(target.node);
    if (!helper) return null;
    // Only constant arguments: what a helper makes of unknown input is unknown, and minified bundles
    // call small helpers everywhere.
    const values: FoldedConst[] = [];
    const count = Math.min(args.length, helper.params.length);
    for (let i = 0; i < count; i++) {
      // A parameter the helper never reads takes any argument (obfuscator wrappers pass decoys).
      if (helper.params[i].reads.length === 0) {
        values.push(konst(undefined) as FoldedConst);
        continue;
      }
      const v = this.evaluate(args[i]);
      if (v.k !== 'const') return null;
      values.push(v);
    }
    return this.inlineValues(target.node, values);
  }

  /** The helper's returned expression evaluated with its parameters bound to `values` (kept per helper and values). */
  private inlineValues(fn: Nd, values: ReadonlyArray<FoldedConst>): Value | null {
    const helper = this.helperShape(fn);
    if (!helper || this.inlined.length >= MAX_INLINE_DEPTH || this.insideInlined(fn)) return null;
    const returned = helper.returned;
    const bound: Array<[Binding, Value]> = [];
    const key: unknown[] = [fn.start];
    helper.params.forEach((b, i) => {
      const v = values[i] ?? (konst(undefined) as FoldedConst);
      bound.push([b, v]);
      key.push(typeof v.v, v.v, v.asm);
    });
    const memoKey = JSON.stringify(key);
    const known = this.inlineMemo.get(memoKey);
    if (known !== undefined) return known;
    if (this.inlineMemo.size >= MAX_INLINED_CALLS) return null;
    for (const [b, v] of bound) this.inlineArguments.set(b, v);
    this.inlined.push(fn);
    let value: Value;
    try {
      value = this.evaluate(returned);
    } finally {
      this.inlined.pop();
      for (const [b] of bound) this.inlineArguments.delete(b);
    }
    const result = value.k === 'const' || value.k === 'bytes' ? value : value.k === 'ref' && value.root.kind !== 'pi' ? withStep(value, this.helperStep(fn)) : null;
    this.inlineMemo.set(memoKey, result);
    return result;
  }

  /**
   * `[99, 104].map((c) => String.fromCharCode(c))`: a constant array mapped through an inlinable
   * callback (element, index), when every result is a string or number.
   */
  private mapArray(elements: ReadonlyArray<FoldedConst>, callback: Nd | undefined): Value | null {
    if (!callback || elements.length > FOLD_MAX_CHARS) return null;
    const fn = this.evaluate(callback);
    if (fn.k !== 'fn') return null;
    const items: string[] = [];
    for (let i = 0; i < elements.length; i++) {
      const v = this.inlineValues(fn.node, [elements[i], konst(i) as FoldedConst]);
      if (!v || v.k !== 'const' || (typeof v.v !== 'string' && typeof v.v !== 'number')) return null;
      items.push(String(v.v));
    }
    return { k: 'strarr', items, asm: 'array methods', ...NO_TRACE };
  }

  /** The evasion step naming a helper function: `helper load()`. */
  private helperStep(fn: Nd): string {
    const name = fn.id?.name ?? this.nameOf(fn);
    if (name) return `helper ${name}()`;
    const owner = this.scopes.parentOf.get(fn);
    if (!owner || (owner.type !== 'MethodDefinition' && owner.type !== 'Property') || owner.value !== fn) return 'helper function';
    const key = fieldName(owner.key, owner.computed);
    if (key === null) return 'helper function';
    return owner.type === 'Property' && !owner.method ? `helper ${key}()` : `method ${key}()`;
  }

  /** True when `fn` is an inlinable helper whose returned expression mentions a module loader. */
  mayLoadModules(fn: Nd): boolean {
    return this.helperShape(fn)?.mentionsLoader ?? false;
  }

  /**
   * What makes a function an inlinable helper (or null): a plain function or arrow, one returned
   * expression of limited size, parameters that are identifiers never reassigned. Kept per function.
   */
  private helperShape(fn: Nd): HelperShape | null {
    const cached = this.helperMemo.get(fn);
    if (cached !== undefined) return cached;
    let shape: HelperShape | null = null;
    const isFunction = fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression';
    const returned = isFunction && !fn.async && !fn.generator ? returnedExpression(fn) : null;
    if (returned && returned.end - returned.start <= MAX_INLINE_CHARS) {
      const params: Binding[] = [];
      for (const param of fn.params as Nd[]) {
        const b = param.type === 'Identifier' ? this.scopes.declBinding.get(param) : undefined;
        if (!b || b.writes.length > 0) break;
        params.push(b);
      }
      if (params.length === fn.params.length) {
        shape = { returned, params, mentionsLoader: /\b(?:require|import|_load)\b/.test(this.sourceText(returned.start, returned.end)) };
      }
    }
    this.helperMemo.set(fn, shape);
    return shape;
  }

  /** The name a function expression is bound to (`const d = (s) => …`), for evasion steps. */
  private nameOf(fn: Nd): string | null {
    const parent = this.scopes.parentOf.get(fn);
    return parent && parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : null;
  }

  // ---------------------------------------------------------------- class members

  /**
   * `this.k` inside a class: in an instance method or field initializer, the instance's field `k`;
   * in a static method, field or block, the class's static field `k`. Elsewhere `this` is unknown.
   */
  private thisMember(thisNode: Nd, key: string): Value {
    const context = this.thisContext(thisNode);
    return context ? this.classMember(context.cls, context.isStatic, key) : UNKNOWN;
  }

  /**
   * A member of a class (static) or of its instances: a field or getter, else a method (a function
   * value, so `C.load().exec(…)` and `new C().cp().exec(…)` resolve through what the method returns),
   * else the same member of a superclass declared in the file; an instance's `constructor` is its class.
   */
  private classMember(cls: Nd, isStatic: boolean, key: string, depth = 0): Value {
    const fields = this.classFields(cls);
    if ((isStatic ? fields.statics : fields.instance).has(key)) return this.classField(cls, isStatic, key);
    const method = (isStatic ? fields.staticMethods : fields.methods).get(key);
    if (method) return { k: 'fn', node: method, ...NO_TRACE };
    if (!isStatic && key === 'constructor') return { k: 'fn', node: cls, ...NO_TRACE };
    if (!cls.superClass || depth >= MAX_CLASS_CHAIN) return UNKNOWN;
    const base = this.evaluate(cls.superClass);
    return base.k === 'fn' && isClassNode(base.node) ? this.classMember(base.node, isStatic, key, depth + 1) : UNKNOWN;
  }

  /** True when `this` at this node denotes a class or instance that has fields (a cheap pre-check). */
  thisHasFields(thisNode: Nd): boolean {
    const context = this.thisContext(thisNode);
    return context !== null && this.hasFields(context.cls, context.isStatic);
  }

  hasFields(cls: Nd, isStatic: boolean): boolean {
    const fields = this.classFields(cls);
    return (isStatic ? fields.statics : fields.instance).size > 0;
  }

  /** The class whose instance (or, when static, the class itself) `this` denotes at `node`. */
  thisContext(node: Nd): { cls: Nd; isStatic: boolean } | null {
    let cur = node;
    for (let i = 0; i < 512; i++) {
      const parent = this.scopes.parentOf.get(cur);
      if (!parent) return null;
      if (parent.type === 'FunctionExpression' || parent.type === 'FunctionDeclaration') {
        const method = this.scopes.parentOf.get(parent);
        if (!method || method.type !== 'MethodDefinition' || method.value !== parent) return null;
        return this.classOfMember(method, method.static === true);
      }
      if (parent.type === 'PropertyDefinition' && parent.value === cur) return this.classOfMember(parent, parent.static === true);
      if (parent.type === 'StaticBlock') return this.classOfMember(parent, true);
      cur = parent;
    }
    return null;
  }

  private classOfMember(member: Nd, isStatic: boolean): { cls: Nd; isStatic: boolean } | null {
    const body = this.scopes.parentOf.get(member);
    const cls = body && this.scopes.parentOf.get(body);
    return cls && (cls.type === 'ClassDeclaration' || cls.type === 'ClassExpression') ? { cls, isStatic } : null;
  }

  private classField(cls: Nd, isStatic: boolean, key: string): Value {
    const fields = this.classFields(cls);
    const values = (isStatic ? fields.statics : fields.instance).get(key);
    if (!values) return UNKNOWN;
    return withStep(union(values.map((v) => (v ? this.evaluate(v) : konst(undefined)))), `class field "${key}"`);
  }

  /** A class member's or `this` member's property name, a computed key folded (see `fieldName`). */
  private fieldKey(keyNode: Nd, computed: boolean): string | null {
    return computed && keyNode.type !== 'Literal' ? this.foldKey(keyNode) : fieldName(keyNode, computed);
  }

  /**
   * For a value a class stores in a field (a field initializer, or a constructor's top-level
   * `this.k = value`): whether the field is read somewhere — `this.k` in the class (in the matching
   * instance or static context), or `C.k` for a static field. Its value's uses then report, as for
   * an alias binding (§3.1). Null when `value` is not such a field value.
   */
  storedFieldIsRead(value: Nd): boolean | null {
    const parent = this.scopes.parentOf.get(value);
    let context: { cls: Nd; isStatic: boolean } | null = null;
    let key: string | null = null;
    if (parent?.type === 'PropertyDefinition' && parent.value === value) {
      context = this.classOfMember(parent, parent.static === true);
      key = this.fieldKey(parent.key, parent.computed);
    } else if (parent?.type === 'AssignmentExpression' && parent.right === value && parent.left.type === 'MemberExpression' && parent.left.object.type === 'ThisExpression') {
      context = this.thisContext(parent.left.object);
      key = this.fieldKey(parent.left.property, parent.left.computed);
      // Only the constructor's top-level assignments are field values (see `classFields`).
      if (context && key !== null && !this.classFields(context.cls).instance.get(key)?.includes(value)) return null;
    }
    if (!context || key === null) return null;
    const reads = this.classReads(context.cls);
    return (context.isStatic ? reads.statics : reads.instance).has(key);
  }

  private classReads(cls: Nd): { instance: Set<string>; statics: Set<string> } {
    const cached = this.readsMemo.get(cls);
    if (cached) return cached;
    const reads = { instance: new Set<string>(), statics: new Set<string>() };
    const stack: Nd[] = [cls.body];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && !isPlainAssignmentTarget(node, this.scopes.parentOf.get(node))) {
        const key = this.fieldKey(node.property, node.computed);
        const context = this.thisContext(node.object);
        if (key !== null && context && context.cls === cls) (context.isStatic ? reads.statics : reads.instance).add(key);
      }
      for (const [child] of children(node)) stack.push(child);
    }
    const own = cls.id ? this.scopes.declBinding.get(cls.id) : undefined;
    for (const read of own?.reads ?? []) {
      const parent = this.scopes.parentOf.get(read);
      if (parent && parent.type === 'MemberExpression' && parent.object === read) {
        const key = this.memberKey(parent).key;
        if (key !== null) reads.statics.add(key);
      }
    }
    this.readsMemo.set(cls, reads);
    return reads;
  }

  /**
   * The values a class gives its fields: field initializers (instance and static, private names as
   * `#name`) and `this.k = v` statements at the top level of the constructor. A field set anywhere
   * else keeps these values too (a union member is enough for the rules).
   */
  private classFields(cls: Nd): ClassFields {
    const cached = this.classMemo.get(cls);
    if (cached) return cached;
    const fields: ClassFields = { instance: new Map(), statics: new Map(), methods: new Map(), staticMethods: new Map() };
    const add = (map: Map<string, Array<Nd | null>>, key: string, value: Nd | null): void => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const member of cls.body.body as Nd[]) {
      if (member.type === 'PropertyDefinition') {
        const key = this.fieldKey(member.key, member.computed);
        if (key !== null) add(member.static ? fields.statics : fields.instance, key, member.value ?? null);
      } else if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
        for (const e of constructorFieldAssignments(member)) {
          const key = this.fieldKey(e.left.property, e.left.computed);
          if (key !== null) add(fields.instance, key, e.right);
        }
      } else if (member.type === 'MethodDefinition' && member.kind === 'get') {
        // A getter reads like a field: `this.cp` / `C.cp` is what it returns (one returned expression).
        const key = this.fieldKey(member.key, member.computed);
        const returned = returnedExpression(member.value);
        if (key !== null && returned) add(member.static ? fields.statics : fields.instance, key, returned);
      } else if (member.type === 'MethodDefinition' && member.kind === 'method') {
        const key = this.fieldKey(member.key, member.computed);
        if (key !== null) (member.static ? fields.staticMethods : fields.methods).set(key, member.value);
      }
    }
    this.classMemo.set(cls, fields);
    return fields;
  }

  // ---------------------------------------------------------------- calls

  /** What a call or construction actually invokes, seeing through `.call`, `.apply` and `Reflect`. */
  callTarget(call: Nd): CallTarget {
    const callee = unwrap(call.callee);
    if (call.type === 'NewExpression') return { target: this.evaluate(callee), args: call.arguments, construct: true, via: [] };
    if (callee.type === 'MemberExpression' && !isGlobal(this.evaluate(callee.object), 'Reflect')) {
      const { key } = this.memberKey(callee);
      if (key === 'call') {
        const inner = this.evaluate(callee.object);
        // `Function.prototype.call.call(f, thisArg, …args)` (or `.apply.call(f, thisArg, [args])`) calls f.
        const forwarder = invokerKey(inner);
        if (forwarder !== null && call.arguments.length > 0 && call.arguments[0].type !== 'SpreadElement') {
          const step = `Function.prototype.${forwarder}`;
          const args = forwarder === 'call' ? (call.arguments.slice(2) as Nd[]) : this.arrayArgs(call.arguments[2]);
          return { target: withStep(this.evaluate(call.arguments[0]), step), args, construct: false, via: [step] };
        }
        return { target: withStep(inner, '.call'), args: call.arguments.slice(1), construct: false, via: ['.call'] };
      }
      if (key === 'apply') {
        return { target: withStep(this.evaluate(callee.object), '.apply'), args: this.arrayArgs(call.arguments[1]), construct: false, via: ['.apply'] };
      }
    }
    const target = this.evaluate(callee);
    if (target.k === 'ref' && target.root.kind === 'global' && target.root.name === 'Reflect' && target.keys.length === 1) {
      if (target.keys[0] === 'apply') {
        return { target: withStep(this.evaluate(call.arguments[0]), 'Reflect.apply'), args: this.arrayArgs(call.arguments[2]), construct: false, via: ['Reflect.apply'] };
      }
      if (target.keys[0] === 'construct') {
        return { target: withStep(this.evaluate(call.arguments[0]), 'Reflect.construct'), args: this.arrayArgs(call.arguments[1]), construct: true, via: ['Reflect.construct'] };
      }
    }
    const forwarded = target.k === 'fn' ? this.forwardedCall(target.node, call.arguments) : null;
    if (forwarded) return forwarded;
    return { target, args: call.arguments, construct: false, via: [] };
  }

  /**
   * A call of a helper that only calls one of its parameters with others (`(f, x) => f(x)`, the
   * call tables of javascript-obfuscator's control-flow flattening) is a call of that argument.
   */
  private forwardedCall(fn: Nd, args: Nd[]): CallTarget | null {
    const returned = returnedExpression(fn);
    const inner = returned && unwrap(returned);
    if (!inner || inner.type !== 'CallExpression' || inner.callee.type !== 'Identifier' || args.some((a) => a.type === 'SpreadElement')) return null;
    const params = fn.params as Nd[];
    const position = (id: Nd): number => (id.type === 'Identifier' ? params.findIndex((p) => p.type === 'Identifier' && p.name === id.name) : -1);
    const calleeAt = position(inner.callee);
    if (calleeAt < 0 || calleeAt >= args.length) return null;
    const forwardedArgs: Nd[] = [];
    for (const a of inner.arguments as Nd[]) {
      const at = position(a);
      if (at < 0 || at >= args.length) return null;
      forwardedArgs.push(args[at]);
    }
    const step = this.helperStep(fn);
    return { target: withStep(this.evaluate(args[calleeAt]), step), args: forwardedArgs, construct: false, via: [step], forwardedCallee: args[calleeAt] };
  }

  /** The elements of an argument list given as an array (`.apply`, `Reflect.apply`): a literal or a binding to one. */
  private arrayArgs(node: Nd | undefined): Nd[] | null {
    if (!node) return [];
    const n = unwrap(node);
    const bound = n.type === 'Identifier' ? this.evaluate(n) : null;
    const array = n.type === 'ArrayExpression' ? n : bound && bound.k === 'arr' ? bound.node : null;
    if (array && !array.elements.some((e: Nd | null) => !e || e.type === 'SpreadElement')) return array.elements;
    return null;
  }

  /** Call arguments with `...[a, b]` / `...arr` (an array literal) spread into their elements; null if unknown. */
  private spreadArgs(args: Nd[]): Nd[] | null {
    if (!args.some((a) => a.type === 'SpreadElement')) return args;
    const out: Nd[] = [];
    for (const a of args) {
      if (a.type !== 'SpreadElement') {
        out.push(a);
        continue;
      }
      const inner = this.arrayArgs(a.argument);
      if (inner === null) return null;
      out.push(...inner);
    }
    return out;
  }

  /** True when the value is the `require` function (or an alias of it, §3.1). */
  isRequire(v: Value): boolean {
    return isGlobal(v, 'require');
  }

  /**
   * The loader a value is, when calling it with a specifier returns that module: `require` (and its
   * aliases, §3.1), `Module._load` (via `require("module")` or `module.constructor`), or Node's
   * `process.getBuiltinModule` (Node ≥ 20.16 / 22.3: loads a builtin without `require`).
   */
  loaderOf(v: Value): 'require' | 'Module._load' | 'process.getBuiltinModule' | null {
    if (v.k !== 'ref') return null;
    if (this.isRequire(v)) return 'require';
    if (v.root.kind === 'module') return v.root.spec === 'module' && v.keys.length === 1 && v.keys[0] === '_load' ? 'Module._load' : null;
    if (v.root.kind !== 'global') return null;
    if (v.root.name === 'module' && v.keys.length === 2 && v.keys[0] === 'constructor' && v.keys[1] === '_load') return 'Module._load';
    if (v.root.name === 'process' && v.keys.length === 1 && v.keys[0] === 'getBuiltinModule') return 'process.getBuiltinModule';
    return null;
  }

  private callValue(call: Nd): Value {
    const callee = unwrap(call.callee);
    // `X.bind(…)` denotes X itself.
    if (callee.type === 'MemberExpression' && this.memberKey(callee).key === 'bind') {
      const bound = this.evaluate(callee.object);
      if (bound.k !== 'unknown') return withStep(bound, '.bind');
    }
    // `(function () { return this })()`: in sloppy code a plain call's `this` is the global object.
    if (callee.type === 'FunctionExpression' && !callee.generator && call.type === 'CallExpression' && returnsOnlyThis(callee)) {
      return withStep(global('globalObject'), 'function returning this');
    }
    const entry = this.mapGet(callee, call.arguments);
    if (entry) return entry;
    const { target, args } = this.callTarget(call);
    const folded = this.foldCall(call, callee, target, args);
    if (folded) return folded;
    const decoded = args ? this.stringArrayCall(target, args) : null;
    if (decoded) return decoded;
    const inlined = args ? this.inlineCall(target, args) : null;
    if (inlined) return inlined;
    for (const alt of alternatives(target)) {
      const loader = this.loaderOf(alt);
      if (loader) {
        const arg = args && args[0];
        const spec = arg ? this.evaluate(arg) : UNKNOWN;
        const s = constString(spec);
        if (s === null) return UNKNOWN;
        const root = loader === 'require' ? moduleRoot(s) : withStep(moduleRoot(s), loader);
        return spec.k === 'const' && spec.asm ? withStep(root, spec.asm) : root;
      }
      if (alt.k !== 'ref') continue;
      if (alt.root.kind === 'global' && alt.root.name === 'globalObject' && alt.keys.length === 1 && alt.keys[0] === '()factory') return global('globalObject');
      if (alt.root.kind === 'module' && alt.root.spec === 'module' && alt.keys.length === 1 && alt.keys[0] === 'createRequire') return global('require');
      if (alt.root.kind === 'global' && alt.keys.length === 0 && (alt.root.name === 'Function' || alt.root.name === 'eval') && args && args.length > 0) {
        const body = constString(this.evaluate(args[args.length - 1]));
        if (body !== null && /^\s*(?:return\s+)?this\s*;?\s*$/.test(body)) {
          // `(0, eval)("this")` is the global object; `Function("return this")` returns a function that yields it.
          return alt.root.name === 'eval' ? global('globalObject') : ref({ kind: 'global', name: 'globalObject' }, ['()factory']);
        }
      }
      // `Object.freeze(o)` (and seal, preventExtensions) returns `o` itself: a frozen table of modules is still the table.
      if (alt.root.kind === 'global' && alt.root.name === 'Object' && alt.keys.length === 1 && OBJECT_IDENTITY_FUNCTIONS.has(alt.keys[0]) && args && args.length >= 1) {
        return this.evaluate(args[0]);
      }
      if (alt.root.kind === 'global' && (alt.root.name === 'Object' || alt.root.name === 'Reflect') && alt.keys.length === 1 && alt.keys[0] === 'getPrototypeOf' && args && args.length >= 1) {
        if (someAlternative(this.evaluate(args[0]), (v) => v.k === 'fn')) return withStep(FUNCTION_PROTOTYPE, `${alt.root.name}.getPrototypeOf`);
      }
      if (alt.root.kind === 'global' && alt.root.name === 'Reflect' && alt.keys.length === 1 && alt.keys[0] === 'get' && args && args.length >= 2) {
        const key = this.foldKey(args[1]);
        if (key !== null) return withStep(this.member(this.evaluate(args[0]), key), 'Reflect.get');
      }
    }
    // What a builtin array or string method returns is only known where folded above.
    if (target.k === 'ref' && target.root.kind !== 'pi' && target.keys.length < MAX_PATH && !(target.root.kind === 'global' && target.keys.length === 0 && target.root.name !== 'require') && nativeFunctionName(target) === null) {
      return ref(target.root, [...target.keys, '()']);
    }
    return UNKNOWN;
  }

  /** `Buffer.from([101, 118, …])`: bytes from an array literal of constant byte values. */
  private bytesOf(array: Nd): Value {
    const els = array.elements as Array<Nd | null>;
    if (els.length > FOLD_MAX_CHARS) return UNKNOWN;
    const data = new Uint8Array(els.length);
    for (let i = 0; i < els.length; i++) {
      const el = els[i];
      if (!el || el.type === 'SpreadElement') return UNKNOWN;
      const v = this.evaluate(el);
      if (v.k !== 'const' || typeof v.v !== 'number' || !Number.isInteger(v.v) || v.v < 0 || v.v > 255) return UNKNOWN;
      data[i] = v.v;
    }
    return { k: 'bytes', data, asm: 'char codes', ...NO_TRACE };
  }

  /** Constant folding of calls (§3.2). Returns null when the call is not a folding form. */
  private foldCall(_call: Nd, callee: Nd, target: Value, args: Nd[] | null): Value | null {
    if (!args) return null;
    if (target.k === 'ref' && target.root.kind === 'global') {
      const path = [target.root.name, ...target.keys].join('.');
      switch (path) {
        case 'String.fromCharCode':
        case 'String.fromCodePoint': {
          const codes: number[] = [];
          const codeArgs = this.spreadArgs(args);
          if (codeArgs === null) return UNKNOWN;
          for (const a of codeArgs) {
            const v = this.evaluate(a);
            if (v.k !== 'const' || typeof v.v !== 'number' || !Number.isInteger(v.v) || v.v < 0 || v.v > 0x10ffff) return UNKNOWN;
            codes.push(v.v);
          }
          if (codes.length > FOLD_MAX_CHARS) return UNKNOWN;
          return konst(path === 'String.fromCharCode' ? String.fromCharCode(...codes) : String.fromCodePoint(...codes), 'char codes');
        }
        case 'atob': {
          const s = constString(this.evaluate(args[0]));
          if (s === null || !/^[A-Za-z0-9+/=\s]*$/.test(s)) return UNKNOWN;
          return konst(Buffer.from(s, 'base64').toString('latin1'), 'base64 literal');
        }
        case 'TextDecoder.()new.decode': {
          // `new TextDecoder().decode(new Uint8Array([…]))` (UTF-8, the default and the only label read).
          const bytes = args[0] ? this.evaluate(args[0]) : UNKNOWN;
          if (bytes.k !== 'bytes') return UNKNOWN;
          const out = Buffer.from(bytes.data).toString('utf8');
          return out.length > FOLD_MAX_CHARS ? UNKNOWN : konst(out, bytes.asm);
        }
        case 'Array.from': {
          // `Array.from("lave")`: the characters of a folded string.
          const text = args.length === 1 ? constString(this.evaluate(args[0])) : null;
          return text === null || text.length > FOLD_MAX_CHARS ? UNKNOWN : { k: 'strarr', items: [...text], asm: 'array methods', ...NO_TRACE };
        }
        case 'unescape':
        case 'decodeURIComponent':
        case 'decodeURI': {
          const s = constString(this.evaluate(args[0]));
          if (s === null) return UNKNOWN;
          try {
            const out = path === 'decodeURI' ? decodeURI(s) : path === 'unescape' ? unescape(s) : decodeURIComponent(s);
            return konst(out, out === s ? null : 'URI decoding');
          } catch {
            return UNKNOWN;
          }
        }
        case 'String': {
          if (args.length === 0) return konst('');
          const v = this.evaluate(args[0]);
          if (v.k !== 'const') return UNKNOWN;
          return konst(String(v.v), v.asm);
        }
        case 'Buffer.from': {
          const source = this.evaluate(args[0]);
          if (source.k === 'arr') return this.bytesOf(source.node);
          const s = constString(source);
          if (s === null) return UNKNOWN;
          const enc = args[1] ? constString(this.evaluate(args[1])) : 'utf8';
          if (enc === null || !BYTE_ENCODINGS.has(enc)) return UNKNOWN;
          if (enc === 'hex' && !/^(?:[0-9a-fA-F]{2})*$/.test(s)) return UNKNOWN;
          const data = Buffer.from(s, enc as BufferEncoding);
          const asm: Technique = enc === 'hex' ? 'hex literal' : enc.startsWith('base64') ? 'base64 literal' : 'string methods';
          return { k: 'bytes', data, asm, ...NO_TRACE };
        }
        default:
          break;
      }
    }
    if (target.k === 'ref' && target.root.kind === 'module') {
      const m = target.root.spec;
      const fn = target.keys.join('.');
      if (PATH_MODULES.has(m) && (fn === 'join' || fn === 'resolve')) {
        const parts: string[] = [];
        let asm: Technique | null = null;
        for (const a of args) {
          const v = this.evaluate(a);
          // The home directory from the environment folds like `os.homedir()`.
          const variable = pathVariable(v);
          if (variable !== null) {
            parts.push(variable);
            continue;
          }
          if (v.k !== 'const' || typeof v.v !== 'string') return UNKNOWN;
          parts.push(v.v);
          asm ??= v.asm;
        }
        return konst(fn === 'join' ? joinPath(parts) : resolvePath(parts), asm);
      }
      if (m === 'os' && fn === 'homedir') return konst('~');
    }
    if (callee.type !== 'MemberExpression') return null;
    const { key: method } = this.memberKey(callee);
    if (method === null || !STRING_METHODS.has(method)) return null;
    const recv = this.evaluate(callee.object);
    return this.foldMethod(recv, method, args);
  }

  /** The constant elements of an array literal (no holes or spreads) or a folded string array, or null. */
  private constElements(recv: Value): Array<FoldedConst> | null {
    if (recv.k === 'strarr') return recv.items.map((item) => konst(item, recv.asm) as FoldedConst);
    if (recv.k !== 'arr') return null;
    const out: Array<FoldedConst> = [];
    for (const el of recv.node.elements as Array<Nd | null>) {
      if (!el || el.type === 'SpreadElement') return null;
      const v = this.evaluate(el);
      if (v.k !== 'const') return null;
      out.push(v);
    }
    return out;
  }

  private foldMethod(recv: Value, method: string, args: Nd[]): Value | null {
    const argConst = (i: number): FoldedConst | null => {
      if (!args[i]) return konst(undefined) as FoldedConst;
      const v = this.evaluate(args[i]);
      return v.k === 'const' ? v : null;
    };
    if (recv.k === 'bytes') {
      if (method !== 'toString') return null;
      const enc = argConst(0);
      const e = enc && enc.v === undefined ? 'utf8' : enc && typeof enc.v === 'string' ? enc.v : null;
      if (e === null || !BYTE_ENCODINGS.has(e)) return UNKNOWN;
      const out = Buffer.from(recv.data).toString(e as BufferEncoding);
      return out.length > FOLD_MAX_CHARS ? UNKNOWN : konst(out, recv.asm);
    }
    if (method === 'map') {
      const elements = this.constElements(recv);
      return elements ? this.mapArray(elements, args[0]) : null;
    }
    let items: string[] | null = null;
    let asm: Technique | null = null;
    if (recv.k === 'strarr') {
      items = recv.items;
      asm = recv.asm;
    } else if (recv.k === 'arr') {
      items = [];
      for (const el of recv.node.elements as Array<Nd | null>) {
        if (!el) return null;
        if (el.type === 'SpreadElement') {
          // `[..."lave"]`: the string's characters.
          const spread = constString(this.evaluate(el.argument));
          if (spread === null) return null;
          items.push(...Array.from(spread));
          asm ??= 'array methods';
          continue;
        }
        const v = this.evaluate(el);
        if (v.k !== 'const' || (typeof v.v !== 'string' && typeof v.v !== 'number')) return null;
        items.push(String(v.v));
        asm ??= v.asm;
      }
    }
    if (items) {
      if (method === 'join') {
        const sep = argConst(0);
        if (!sep) return UNKNOWN;
        const out = items.join(sep.v === undefined ? ',' : String(sep.v));
        return out.length > FOLD_MAX_CHARS ? UNKNOWN : konst(out, 'array methods');
      }
      if (method === 'reverse') return { k: 'strarr', items: [...items].reverse(), asm: 'array methods', ...NO_TRACE };
      return null;
    }
    if (recv.k === 'const' && typeof recv.v === 'number' && method === 'toString') {
      // `(21).toString(36)` is "l": numbers printed in another base spell letters.
      const radix = argConst(0);
      const base = radix && radix.v === undefined ? 10 : radix && typeof radix.v === 'number' ? radix.v : null;
      if (base === null || !Number.isInteger(base) || base < 2 || base > 36) return UNKNOWN;
      return konst(recv.v.toString(base), base === 10 ? recv.asm : 'string methods');
    }
    if (recv.k !== 'const' || typeof recv.v !== 'string') return null;
    const s = recv.v;
    const ints: number[] = [];
    const strs: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (i === 0 && (method === 'replace' || method === 'replaceAll') && unwrap(args[0]).type === 'Literal' && unwrap(args[0]).regex) continue;
      const v = argConst(i);
      if (!v) return UNKNOWN;
      if (typeof v.v === 'number') ints.push(v.v);
      else if (typeof v.v === 'string') strs.push(v.v);
    }
    let out: string;
    switch (method) {
      case 'split': {
        if (strs.length !== 1 || args.length !== 1) return UNKNOWN;
        return { k: 'strarr', items: s.split(strs[0]).slice(0, FOLD_MAX_CHARS), asm: 'string methods', ...NO_TRACE };
      }
      case 'concat':
        out = s + args.map((_, i) => String(argConst(i)!.v)).join('');
        break;
      case 'slice':
        out = s.slice(ints[0], ints[1]);
        break;
      case 'substring':
        out = s.substring(ints[0], ints[1]);
        break;
      case 'substr':
        out = s.substr(ints[0], ints[1]);
        break;
      case 'toLowerCase':
        out = s.toLowerCase();
        break;
      case 'normalize':
        if (strs.length > 1 || (strs[0] !== undefined && !['NFC', 'NFD', 'NFKC', 'NFKD'].includes(strs[0]))) return UNKNOWN;
        out = s.normalize(strs[0]);
        break;
      case 'repeat':
        if (ints.length !== 1 || !Number.isInteger(ints[0]) || ints[0] < 0 || s.length * ints[0] > FOLD_MAX_CHARS) return UNKNOWN;
        out = s.repeat(ints[0]);
        break;
      case 'padStart':
      case 'padEnd':
        if (ints.length !== 1 || ints[0] > FOLD_MAX_CHARS) return UNKNOWN;
        out = method === 'padStart' ? s.padStart(ints[0], strs[0]) : s.padEnd(ints[0], strs[0]);
        break;
      case 'at':
      case 'charAt':
        if (ints.length !== 1) return UNKNOWN;
        out = (method === 'at' ? s.at(ints[0]) : s.charAt(ints[0])) ?? '';
        break;
      case 'trimStart':
      case 'trimEnd':
        out = method === 'trimStart' ? s.trimStart() : s.trimEnd();
        break;
      case 'toUpperCase':
        out = s.toUpperCase();
        break;
      case 'trim':
        out = s.trim();
        break;
      case 'replace':
      case 'replaceAll': {
        const pattern = args[0] ? unwrap(args[0]) : null;
        const replacement = args[1] ? this.evaluate(args[1]) : null;
        if (!pattern || !replacement || replacement.k !== 'const' || typeof replacement.v !== 'string') return UNKNOWN;
        const rep = replacement.v;
        if (pattern.type === 'Literal' && pattern.regex) {
          const { pattern: src, flags } = pattern.regex as { pattern: string; flags: string };
          if (!isSafeRegex(src) || (method === 'replaceAll' && !flags.includes('g'))) return UNKNOWN;
          try {
            out = s.replace(new RegExp(src, flags), rep);
          } catch {
            return UNKNOWN;
          }
        } else {
          const p = constString(this.evaluate(pattern));
          if (p === null) return UNKNOWN;
          out = method === 'replaceAll' ? s.split(p).join(rep) : s.replace(p, () => rep);
        }
        break;
      }
      default:
        return null;
    }
    if (out.length > FOLD_MAX_CHARS) return UNKNOWN;
    return konst(out, recv.asm ?? 'string methods');
  }
}

/** Array, object and function literals (and builtin functions): values whose conversions are known. */
function isLiteralContainer(v: Value): boolean {
  return v.k === 'arr' || v.k === 'obj' || v.k === 'strarr' || (v.k === 'ref' && nativeFunctionName(v) !== null);
}

const ARRAY_PROTOTYPE_METHODS: ReadonlySet<string> = new Set([
  'at', 'concat', 'copyWithin', 'entries', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flat', 'flatMap', 'forEach', 'includes',
  'indexOf', 'join', 'keys', 'lastIndexOf', 'map', 'pop', 'push', 'reduce', 'reduceRight', 'reverse', 'shift', 'slice', 'some', 'sort', 'splice', 'toLocaleString',
  'toString', 'unshift', 'values',
]);
const STRING_PROTOTYPE_METHODS: ReadonlySet<string> = new Set([
  'anchor', 'at', 'big', 'blink', 'bold', 'charAt', 'charCodeAt', 'codePointAt', 'concat', 'endsWith', 'fixed', 'fontcolor', 'fontsize', 'includes', 'indexOf',
  'italics', 'lastIndexOf', 'link', 'localeCompare', 'match', 'matchAll', 'normalize', 'padEnd', 'padStart', 'repeat', 'replace', 'replaceAll', 'search', 'slice',
  'small', 'split', 'startsWith', 'strike', 'sub', 'substr', 'substring', 'sup', 'toLowerCase', 'toString', 'toUpperCase', 'trim', 'trimEnd', 'trimStart',
]);

/** The name a builtin function value prints (`Array.prototype.filter` → filter, `String` → String), or null. */
function nativeFunctionName(v: Value): string | null {
  if (v.k !== 'ref' || v.root.kind !== 'global') return null;
  if (v.keys.length === 0) return BUILTIN_CONSTRUCTORS.has(v.root.name) ? v.root.name : null;
  if (v.keys.length !== 2 || v.keys[0] !== 'prototype') return null;
  const method = v.keys[1];
  if (v.root.name === 'Array') return ARRAY_PROTOTYPE_METHODS.has(method) ? method : null;
  if (v.root.name === 'String') return STRING_PROTOTYPE_METHODS.has(method) ? method : null;
  return null;
}

/** A non-index member of an array literal: a builtin method, its length, its constructor, or undefined. */
function arrayMember(obj: Extract<Value, { k: 'arr' }>, key: string): Value {
  if (ARRAY_PROTOTYPE_METHODS.has(key)) return ref({ kind: 'global', name: 'Array' }, ['prototype', key]);
  if (key === 'constructor') return global('Array');
  if (key === 'length') return (obj.node.elements as Array<Nd | null>).some((e) => e?.type === 'SpreadElement') ? UNKNOWN : konst(obj.node.elements.length);
  // Object.prototype members and anything else a plain array does not have.
  return key === '' || /^[a-z]+$/i.test(key) === false ? konst(undefined) : UNKNOWN;
}

const STRING_METHODS: ReadonlySet<string> = new Set([
  'split', 'reverse', 'join', 'map', 'concat', 'slice', 'substring', 'substr', 'toLowerCase', 'toUpperCase', 'trim', 'replace', 'replaceAll', 'toString',
  'normalize', 'repeat', 'padStart', 'padEnd', 'at', 'charAt', 'trimStart', 'trimEnd',
]);

/** Regexes folded by `replace`: no groups, alternation or more than one quantifier, so no backtracking blow-up. */
function isSafeRegex(src: string): boolean {
  if (src.length > 100 || /[()|]/.test(src)) return false;
  const quantifiers = src.replace(/\\./g, '').match(/[*+?{]/g);
  return !quantifiers || quantifiers.length <= 1;
}

function normalizeRef(root: Root, keys: string[]): Value {
  if (root.kind === 'global') {
    const joined = [root.name, ...keys].join('.');
    if (joined === 'module.require' || joined === 'process.mainModule.require' || joined === 'require.main.require') return global('require');
    if (joined === 'process.mainModule' || joined === 'require.main') return ref({ kind: 'global', name: 'module' }, []);
  }
  if (root.kind === 'module' && root.spec === 'timers' && keys.length === 1 && TIMER_NAMES.has(keys[0])) return global(keys[0]);
  // A CommonJS or builtin module's namespace `default` is the module itself (`(await import("fs")).default`).
  if (root.kind === 'module' && keys[0] === 'default') return normalizeRef(root, keys.slice(1));
  return ref(root, keys);
}

function joinPath(parts: string[]): string {
  return parts.filter((p) => p !== '').join('/').replace(/\/{2,}/g, '/');
}

function resolvePath(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (p.startsWith('/')) out = p;
    else out = out ? `${out}/${p}` : p;
  }
  return out.replace(/\/{2,}/g, '/');
}

/** A non-async function whose whole body is `return this;` (a `"use strict"` directive, which makes it undefined, is a second statement). */
function returnsOnlyThis(fn: Nd): boolean {
  const body = fn.body.body as Nd[];
  return body.length === 1 && body[0].type === 'ReturnStatement' && body[0].argument !== null && unwrap(body[0].argument).type === 'ThisExpression' && !fn.async;
}

/** The placeholder a path-valued environment variable folds to in file paths, or null. */
function pathVariable(v: Value): string | null {
  if (v.k !== 'ref' || v.root.kind !== 'global' || v.root.name !== 'process' || v.keys.length !== 2 || v.keys[0] !== 'env') return null;
  return PATH_VARIABLES[v.keys[1]] ?? null;
}

