/**
 * Scope analysis (scanner.md §3.1): one iterative pass over the program that collects bindings
 * (with hoisting), references (reads and writes) and the parent of every node. Iterative so that
 * deeply nested input cannot overflow the stack.
 */
import { isFunctionNode, SKIP_KEYS, type Nd } from './ast';

export type PathStep = { key: string | null; keyNode?: Nd } | { index: number };

export type BindingKind = 'var' | 'let' | 'const' | 'function' | 'class' | 'param' | 'import' | 'catch';

export interface BindingInit {
  /** The initializer expression; null when the value is not known (for-in/of heads, missing init). */
  init: Nd | null;
  path: PathStep[];
  /** The declarator (or param/pattern owner) node. */
  owner: Nd;
  /** The object-pattern Property that binds the identifier, when destructured. */
  prop: Nd | null;
}

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The identifier of the first declaration. */
  id: Nd;
  inits: BindingInit[];
  fnNode: Nd | null;
  param: { fn: Nd; index: number; path: PathStep[]; prop: Nd | null } | null;
  importInfo: { spec: string; imported: string; decl: Nd; source: Nd } | null;
  reads: Nd[];
  /** Right-hand sides of plain `=` assignments; null for writes with an unknown value. */
  writes: Array<Nd | null>;
}

interface Scope {
  parent: Scope | null;
  isFunction: boolean;
  /** Created on the first declaration: most block scopes declare nothing. */
  vars: Map<string, Binding> | null;
}

/** Read-only map views backed by symbol-keyed node properties (no per-node Map entries). */
export interface NodeLookup<V> {
  get(node: Nd): V | undefined;
  has(node: Nd): boolean;
}

export interface ScopeInfo {
  /** Every node in pre-order. */
  nodes: Nd[];
  parentOf: NodeLookup<Nd>;
  keyOf: NodeLookup<string>;
  /** Identifier reference → its binding, or null for an undeclared (global) name. */
  refBinding: NodeLookup<Binding | null>;
  /** Declaring identifier → binding. */
  declBinding: NodeLookup<Binding>;
  bindings: Binding[];
  /** Identifiers that are only written (`x = …`), not read. */
  writeOnly: NodeLookup<true>;
  /** Bindings of the outermost scope (module or script level, hoisted `var`s included). */
  rootVars: ReadonlyMap<string, Binding>;
  /** Names referenced but declared nowhere in the analysed program: read, and written (`x = …`). */
  unresolvedReads: ReadonlySet<string>;
  unresolvedWrites: ReadonlySet<string>;
  /** The identifiers that read an undeclared name. */
  unresolvedReadIds: readonly Nd[];
}

/** Per node type, the keys that can hold child nodes (acorn gives every node of a type the same fields). */
const KEY_CACHE = new Map<string, string[]>();

// Symbol-keyed properties are invisible to Object.keys/for-in/JSON, so other walkers are unaffected.
const PARENT = Symbol('parent');
const REF = Symbol('ref');
const DECL = Symbol('decl');
const FLAGS = Symbol('flags');
const F_DECL = 1;
const F_NONREF = 2;
const F_WRITEONLY = 4;

/** The parent's field that holds `node` (computed on demand; rarely needed after the walk). */
function keyOfNode(node: Nd): string | undefined {
  const parent = (node as Record<symbol, Nd | undefined>)[PARENT];
  if (!parent) return undefined;
  const arrayKeys: string[] = [];
  for (const key of KEY_CACHE.get(parent.type) ?? Object.keys(parent)) {
    const value = parent[key];
    if (value === node) return key;
    if (Array.isArray(value)) arrayKeys.push(key);
  }
  // A single list field needs no scan (keeps this O(1) for huge arrays and statement lists).
  if (arrayKeys.length === 1) return arrayKeys[0];
  return arrayKeys.find((key) => (parent[key] as Nd[]).includes(node));
}

function lookup<V>(sym: symbol): NodeLookup<V> {
  return {
    get: (node) => (node as Record<symbol, V | undefined>)[sym],
    has: (node) => (node as Record<symbol, V | undefined>)[sym] !== undefined,
  };
}

function flag(node: Nd, f: number): void {
  const n = node as Record<symbol, number | undefined>;
  n[FLAGS] = (n[FLAGS] ?? 0) | f;
}

function hasFlag(node: Nd, f: number): boolean {
  return (((node as Record<symbol, number | undefined>)[FLAGS] ?? 0) & f) !== 0;
}

export function analyzeScopes(program: Nd, extraRoots: Nd[] = []): ScopeInfo {
  const nodes: Nd[] = [];
  // Pending references in parallel arrays (fewer allocations than one object per reference).
  const refIds: Nd[] = [];
  const refScopes: Scope[] = [];
  const refWrites: Array<Nd | null | undefined> = [];
  const refReads: boolean[] = [];
  const pendingRefs = {
    push(r: { id: Nd; scope: Scope; write: Nd | null | undefined; read: boolean }): void {
      refIds.push(r.id);
      refScopes.push(r.scope);
      refWrites.push(r.write);
      refReads.push(r.read);
    },
  };
  const bindings: Binding[] = [];
  const fnBodies = new Set<Nd>();
  const root: Scope = { parent: null, isFunction: true, vars: new Map() };

  const functionScope = (scope: Scope): Scope => {
    let s = scope;
    while (!s.isFunction && s.parent) s = s.parent;
    return s;
  };

  const declare = (scope: Scope, id: Nd, kind: BindingKind): Binding => {
    flag(id, F_DECL);
    scope.vars ??= new Map();
    let b = scope.vars.get(id.name);
    if (!b) {
      b = { name: id.name, kind, id, inits: [], fnNode: null, param: null, importInfo: null, reads: [], writes: [] };
      scope.vars.set(id.name, b);
      bindings.push(b);
    }
    (id as Record<symbol, Binding>)[DECL] = b;
    return b;
  };

  /** Identifiers bound by a pattern, each with its access path and the Property that binds it. */
  const patternIds = (pattern: Nd): Array<{ id: Nd; path: PathStep[]; prop: Nd | null }> => {
    const out: Array<{ id: Nd; path: PathStep[]; prop: Nd | null }> = [];
    const stack: Array<{ p: Nd; path: PathStep[]; prop: Nd | null }> = [{ p: pattern, path: [], prop: null }];
    while (stack.length) {
      const { p, path, prop } = stack.pop()!;
      if (!p) continue;
      switch (p.type) {
        case 'Identifier':
          out.push({ id: p, path, prop });
          break;
        case 'ObjectPattern':
          for (const property of p.properties) {
            if (property.type === 'RestElement') stack.push({ p: property.argument, path: [...path, { key: null }], prop: null });
            else {
              const key = !property.computed && property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : null;
              stack.push({ p: property.value, path: [...path, key === null ? { key: null, keyNode: property.key } : { key }], prop: property });
            }
          }
          break;
        case 'ArrayPattern':
          p.elements.forEach((el: Nd | null, i: number) => el && stack.push({ p: el, path: [...path, { index: i }], prop: null }));
          break;
        case 'RestElement':
          stack.push({ p: p.argument, path: [...path, { key: null }], prop: null });
          break;
        case 'AssignmentPattern':
          stack.push({ p: p.left, path, prop });
          break;
        default:
          break; // MemberExpression targets (assignment patterns only) are ordinary references.
      }
    }
    return out;
  };

  const nodeStack: Nd[] = [...[...extraRoots].reverse(), program];
  const scopeStack: Scope[] = nodeStack.map(() => root);
  const keyStack: string[] = nodeStack.map(() => '');
  while (nodeStack.length) {
    const node = nodeStack.pop()!;
    const outer = scopeStack.pop()!;
    const nodeKey = keyStack.pop()!;
    nodes.push(node);
    let scope = outer;
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': {
        if (node.type === 'FunctionDeclaration' && node.id) declare(outer, node.id, 'function').fnNode = node;
        scope = { parent: outer, isFunction: true, vars: null };
        if (node.type === 'FunctionExpression' && node.id) declare(scope, node.id, 'function').fnNode = node;
        node.params.forEach((param: Nd, index: number) => {
          for (const { id, path, prop } of patternIds(param)) {
            const b = declare(scope, id, 'param');
            b.param ??= { fn: node, index, path, prop };
          }
        });
        if (node.body && node.body.type === 'BlockStatement') fnBodies.add(node.body);
        break;
      }
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (node.id) {
          if (node.type === 'ClassDeclaration') declare(outer, node.id, 'class').fnNode = node;
          else {
            scope = { parent: outer, isFunction: false, vars: null };
            declare(scope, node.id, 'class').fnNode = node;
          }
        }
        break;
      case 'BlockStatement':
        if (!fnBodies.has(node)) scope = { parent: outer, isFunction: false, vars: null };
        break;
      case 'StaticBlock':
        scope = { parent: outer, isFunction: true, vars: null };
        break;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'SwitchStatement':
        scope = { parent: outer, isFunction: false, vars: null };
        if (node.type !== 'ForStatement' && node.type !== 'SwitchStatement' && node.left.type !== 'VariableDeclaration') {
          for (const { id } of patternIds(node.left)) {
            flag(id, F_WRITEONLY);
            pendingRefs.push({ id, scope: outer, write: null, read: false });
          }
        }
        break;
      case 'CatchClause':
        scope = { parent: outer, isFunction: false, vars: null };
        if (node.param) for (const { id } of patternIds(node.param)) declare(scope, id, 'catch');
        break;
      case 'VariableDeclaration': {
        const parent = (node as Record<symbol, Nd | undefined>)[PARENT];
        const isLoopHead = parent && (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') && parent.left === node;
        const target = node.kind === 'var' ? functionScope(outer) : outer;
        const kind: BindingKind = node.kind === 'var' ? 'var' : node.kind === 'const' ? 'const' : 'let';
        for (const declarator of node.declarations) {
          for (const { id, path, prop } of patternIds(declarator.id)) {
            const b = declare(target, id, kind);
            b.inits.push({ init: isLoopHead ? null : declarator.init ?? null, path, owner: declarator, prop });
          }
        }
        break;
      }
      case 'ImportDeclaration':
        for (const spec of node.specifiers) {
          const b = declare(outer, spec.local, 'import');
          const imported = spec.type === 'ImportSpecifier' ? (spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value)) : spec.type === 'ImportDefaultSpecifier' ? 'default' : '*';
          if (typeof node.source.value === 'string') b.importInfo = { spec: node.source.value, imported, decl: node, source: node.source };
        }
        break;
      case 'ExportNamedDeclaration':
        if (node.source) for (const spec of node.specifiers) flag(spec.local, F_NONREF);
        break;
      case 'AssignmentExpression':
        if (node.left.type === 'Identifier') {
          if (node.operator === '=') flag(node.left, F_WRITEONLY);
          pendingRefs.push({ id: node.left, scope: outer, write: node.operator === '=' ? node.right : null, read: node.operator !== '=' });
          flag(node.left, F_NONREF);
        } else if (node.left.type === 'ObjectPattern' || node.left.type === 'ArrayPattern') {
          for (const { id } of patternIds(node.left)) {
            flag(id, F_WRITEONLY | F_NONREF);
            pendingRefs.push({ id, scope: outer, write: null, read: false });
          }
        }
        break;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') {
          flag(node.argument, F_NONREF);
          pendingRefs.push({ id: node.argument, scope: outer, write: null, read: true });
        }
        break;
      case 'Identifier': {
        if (hasFlag(node, F_DECL | F_NONREF | F_WRITEONLY)) break;
        const parent = (node as Record<symbol, Nd | undefined>)[PARENT];
        if (parent && !isReferencePosition(parent, nodeKey)) break;
        refIds.push(node);
        refScopes.push(outer);
        refWrites.push(undefined);
        refReads.push(true);
        break;
      }
      default:
        break;
    }
    let keys = KEY_CACHE.get(node.type);
    if (keys === undefined) {
      keys = Object.keys(node).filter((k) => !SKIP_KEYS.has(k) && (node[k] === null || node[k] === undefined || typeof node[k] === 'object'));
      KEY_CACHE.set(node.type, keys);
    }
    // Children pushed last-first, straight onto the stacks, so they pop in source order.
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k];
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          const child = value[i];
          if (child !== null && typeof child === 'object' && typeof child.type === 'string') {
            child[PARENT] = node;
            nodeStack.push(child);
            scopeStack.push(scope);
            keyStack.push(key);
          }
        }
      } else if (typeof value.type === 'string') {
        value[PARENT] = node;
        nodeStack.push(value);
        scopeStack.push(scope);
        keyStack.push(key);
      }
    }
  }

  const unresolvedReads = new Set<string>();
  const unresolvedWrites = new Set<string>();
  const unresolvedReadIds: Nd[] = [];
  for (let r = 0; r < refIds.length; r++) {
    const ref = { id: refIds[r], write: refWrites[r], read: refReads[r] };
    let s: Scope | null = refScopes[r];
    let found: Binding | null = null;
    while (s) {
      const b = s.vars === null ? undefined : s.vars.get(ref.id.name);
      if (b) {
        found = b;
        break;
      }
      s = s.parent;
    }
    (ref.id as Record<symbol, Binding | null>)[REF] = found;
    if (!found) {
      if (ref.read) {
        unresolvedReads.add(ref.id.name);
        unresolvedReadIds.push(ref.id);
      }
      if (ref.write !== undefined) unresolvedWrites.add(ref.id.name);
      continue;
    }
    if (ref.read) found.reads.push(ref.id);
    if (ref.write !== undefined) found.writes.push(ref.write);
  }
  return {
    nodes,
    parentOf: lookup<Nd>(PARENT),
    keyOf: { get: keyOfNode, has: (n) => keyOfNode(n) !== undefined },
    refBinding: lookup<Binding | null>(REF),
    declBinding: lookup<Binding>(DECL),
    bindings,
    writeOnly: { get: (n) => (hasFlag(n, F_WRITEONLY) ? true : undefined), has: (n) => hasFlag(n, F_WRITEONLY) },
    rootVars: root.vars ?? new Map(),
    unresolvedReadIds,
    unresolvedReads,
    unresolvedWrites,
  };
}

function isReferencePosition(parent: Nd, key: string): boolean {
  switch (parent.type) {
    case 'MemberExpression':
      return key !== 'property' || parent.computed;
    case 'Property':
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return key !== 'key' || parent.computed;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return key !== 'label';
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'MetaProperty':
      return false;
    case 'ExportSpecifier':
      return key === 'local';
    case 'ExportAllDeclaration':
      return key !== 'exported';
    default:
      return !isFunctionNode(parent) || key !== 'id';
  }
}
