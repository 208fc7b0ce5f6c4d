/**
 * Scope analysis (scanner.md §3.1): one iterative pass over the program that collects bindings
 * (with hoisting), references (reads and writes) and the parent of every node. Iterative so that
 * deeply nested input cannot overflow the stack.
 */
import { children, isFunctionNode, type Nd } from './ast';

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
  vars: Map<string, Binding>;
}

export interface ScopeInfo {
  /** Every node in pre-order. */
  nodes: Nd[];
  parentOf: Map<Nd, Nd>;
  keyOf: Map<Nd, string>;
  /** Identifier reference → its binding, or null for an undeclared (global) name. */
  refBinding: Map<Nd, Binding | null>;
  /** Declaring identifier → binding. */
  declBinding: Map<Nd, Binding>;
  bindings: Binding[];
  /** Identifiers that are only written (`x = …`), not read. */
  writeOnly: Set<Nd>;
}

interface Frame {
  node: Nd;
  scope: Scope;
}

export function analyzeScopes(program: Nd, extraRoots: Nd[] = []): ScopeInfo {
  const nodes: Nd[] = [];
  const parentOf = new Map<Nd, Nd>();
  const keyOf = new Map<Nd, string>();
  const declIds = new Set<Nd>();
  const nonRefs = new Set<Nd>();
  const writeOnly = new Set<Nd>();
  const pendingRefs: Array<{ id: Nd; scope: Scope; write: Nd | null | undefined; read: boolean }> = [];
  const declBinding = new Map<Nd, Binding>();
  const bindings: Binding[] = [];
  const fnBodies = new Set<Nd>();
  const root: Scope = { parent: null, isFunction: true, vars: new Map() };

  const functionScope = (scope: Scope): Scope => {
    let s = scope;
    while (!s.isFunction && s.parent) s = s.parent;
    return s;
  };

  const declare = (scope: Scope, id: Nd, kind: BindingKind): Binding => {
    declIds.add(id);
    let b = scope.vars.get(id.name);
    if (!b) {
      b = { name: id.name, kind, id, inits: [], fnNode: null, param: null, importInfo: null, reads: [], writes: [] };
      scope.vars.set(id.name, b);
      bindings.push(b);
    }
    declBinding.set(id, b);
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

  const stack: Frame[] = [...extraRoots.map((node) => ({ node, scope: root })).reverse(), { node: program, scope: root }];
  while (stack.length) {
    const { node, scope: outer } = stack.pop()!;
    nodes.push(node);
    let scope = outer;
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression': {
        if (node.type === 'FunctionDeclaration' && node.id) declare(outer, node.id, 'function').fnNode = node;
        scope = { parent: outer, isFunction: true, vars: new Map() };
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
            scope = { parent: outer, isFunction: false, vars: new Map() };
            declare(scope, node.id, 'class').fnNode = node;
          }
        }
        break;
      case 'BlockStatement':
        if (!fnBodies.has(node)) scope = { parent: outer, isFunction: false, vars: new Map() };
        break;
      case 'StaticBlock':
        scope = { parent: outer, isFunction: true, vars: new Map() };
        break;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'SwitchStatement':
        scope = { parent: outer, isFunction: false, vars: new Map() };
        if (node.type !== 'ForStatement' && node.type !== 'SwitchStatement' && node.left.type !== 'VariableDeclaration') {
          for (const { id } of patternIds(node.left)) {
            writeOnly.add(id);
            pendingRefs.push({ id, scope: outer, write: null, read: false });
          }
        }
        break;
      case 'CatchClause':
        scope = { parent: outer, isFunction: false, vars: new Map() };
        if (node.param) for (const { id } of patternIds(node.param)) declare(scope, id, 'catch');
        break;
      case 'VariableDeclaration': {
        const parent = parentOf.get(node);
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
        if (node.source) for (const spec of node.specifiers) nonRefs.add(spec.local);
        break;
      case 'AssignmentExpression':
        if (node.left.type === 'Identifier') {
          if (node.operator === '=') writeOnly.add(node.left);
          pendingRefs.push({ id: node.left, scope: outer, write: node.operator === '=' ? node.right : null, read: node.operator !== '=' });
          nonRefs.add(node.left);
        } else if (node.left.type === 'ObjectPattern' || node.left.type === 'ArrayPattern') {
          for (const { id } of patternIds(node.left)) {
            writeOnly.add(id);
            nonRefs.add(id);
            pendingRefs.push({ id, scope: outer, write: null, read: false });
          }
        }
        break;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') {
          nonRefs.add(node.argument);
          pendingRefs.push({ id: node.argument, scope: outer, write: null, read: true });
        }
        break;
      case 'Identifier': {
        if (declIds.has(node) || nonRefs.has(node) || writeOnly.has(node)) break;
        const parent = parentOf.get(node);
        const key = keyOf.get(node);
        if (parent && !isReferencePosition(parent, key!)) break;
        pendingRefs.push({ id: node, scope: outer, write: undefined, read: true });
        break;
      }
      default:
        break;
    }
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) {
      const [child, key] = kids[i];
      parentOf.set(child, node);
      keyOf.set(child, key);
      stack.push({ node: child, scope });
    }
  }

  const refBinding = new Map<Nd, Binding | null>();
  for (const ref of pendingRefs) {
    let s: Scope | null = ref.scope;
    let found: Binding | null = null;
    while (s) {
      const b = s.vars.get(ref.id.name);
      if (b) {
        found = b;
        break;
      }
      s = s.parent;
    }
    refBinding.set(ref.id, found);
    if (!found) continue;
    if (ref.read) found.reads.push(ref.id);
    if (ref.write !== undefined) found.writes.push(ref.write);
  }
  return { nodes, parentOf, keyOf, refBinding, declBinding, bindings, writeOnly };
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
