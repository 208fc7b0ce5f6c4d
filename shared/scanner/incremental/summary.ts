/**
 * What one top-level statement declares and references at module level: the edges along which an
 * edit can change another statement's findings (incremental editor scan), and the names the parser
 * checks across statements (redeclarations, duplicate or undefined exports).
 */
import { assignedMemberOf, mapSetCallOf, passesValueThrough, type Nd } from '../analysis/ast';
import { analyzeScopes } from '../analysis/scope';
import type { SourceKind } from '../parse';

export interface UnitSummary {
  /** Names the statement binds at module level (hoisted `var`s included). */
  decl: readonly string[];
  /** Those whose binding may hold a function (calls to them carry `pi` into parameters). */
  fnDecl: readonly string[];
  /** Names used but not bound in the statement: module bindings of other statements, or globals. */
  freeRefs: readonly string[];
  /** Module-level names the statement reads (its own declarations included): "is it read anywhere". */
  reads: readonly string[];
  /**
   * Declared names whose findings depend on how every reader uses them (fs/os imports refine their
   * capabilities by the members used): an import of fs, fs/promises or os, or any name bound from
   * a call (a `require` the analysis may resolve).
   */
  usageSensitive: readonly string[];
  /**
   * Per free name read here, how it is used (the member chain or pattern around each read): a
   * usage-sensitive declaration elsewhere is re-judged only when this changes. A use whose meaning
   * also depends on values (an `open` mode, a computed member) is marked with a leading `!`.
   */
  uses: Readonly<Record<string, string>>;
  /** Free names the statement assigns (`x = …`, `x++`, destructuring, for-in/of heads). */
  freeWrites: readonly string[];
  /** For the parser's redeclaration check: lexical names (let/const/class/import; functions in modules) and `var` names. */
  lexical: readonly string[];
  vars: readonly string[];
  /** Exported names (duplicate-export check) and the local names `export { … }` refers to. */
  exported: readonly string[];
  exportedLocals: readonly string[];
}

export function summarizeUnit(stmt: Nd, extras: readonly Nd[], mode: SourceKind, text: string): UnitSummary {
  const program: Nd = { type: 'Program', body: [stmt], sourceType: mode, start: stmt.start, end: stmt.end };
  const scopes = analyzeScopes(program, [...extras]);
  // No prototype: identifiers such as `constructor` or `__proto__` are plain keys here.
  const uses: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const id of scopes.unresolvedReadIds) uses[id.name] = (uses[id.name] ?? '') + useOf(id, scopes, text) + '\n';
  const decl: string[] = [];
  const fnDecl: string[] = [];
  const vars: string[] = [];
  const reads = new Set(scopes.unresolvedReads);
  const usageSensitive: string[] = [];
  for (const [name, b] of scopes.rootVars) {
    decl.push(name);
    if (b.reads.length > 0) reads.add(name);
    if (b.importInfo ? USAGE_REFINED_MODULES.has(b.importInfo.spec.replace(/^node:/, '')) : b.inits.some((i) => i.init !== null && mayHoldCall(i.init))) usageSensitive.push(name);
    if (b.kind === 'function' || b.inits.some((i) => i.init !== null && /Function/.test(i.init.type))) fnDecl.push(name);
    if (b.inits.some((i) => scopes.parentOf.get(i.owner)?.kind === 'var')) vars.push(name);
  }
  const lexical: string[] = [];
  const exported: string[] = [];
  const exportedLocals: string[] = [];
  const declaration = stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration' ? stmt.declaration : stmt;
  if (declaration) {
    switch (declaration.type) {
      case 'VariableDeclaration':
        if (declaration.kind !== 'var') for (const d of declaration.declarations) lexical.push(...patternNames(d.id));
        if (stmt !== declaration) for (const d of declaration.declarations) exported.push(...patternNames(d.id));
        break;
      case 'ClassDeclaration':
      case 'FunctionDeclaration':
        if (declaration.id) {
          if (declaration.type === 'ClassDeclaration' || mode === 'module') lexical.push(declaration.id.name);
          else vars.push(declaration.id.name);
          if (stmt.type === 'ExportNamedDeclaration') exported.push(declaration.id.name);
        }
        break;
      case 'ImportDeclaration':
        for (const spec of declaration.specifiers) lexical.push(spec.local.name);
        break;
      default:
        break;
    }
  }
  if (stmt.type === 'ExportDefaultDeclaration') exported.push('default');
  if (stmt.type === 'ExportNamedDeclaration') {
    for (const spec of stmt.specifiers) {
      exported.push(moduleExportName(spec.exported));
      if (!stmt.source) exportedLocals.push(moduleExportName(spec.local));
    }
  }
  if (stmt.type === 'ExportAllDeclaration' && stmt.exported) exported.push(moduleExportName(stmt.exported));
  return {
    decl,
    fnDecl,
    freeRefs: [...new Set([...scopes.unresolvedReads, ...scopes.unresolvedWrites])],
    reads: [...reads],
    usageSensitive,
    uses,
    // `o.k = v` on a variable declared elsewhere adds to what `o` holds (Resolver.assignedMembers).
    freeWrites: [...new Set([...scopes.unresolvedWrites, ...memberWriteRoots(scopes)])],
    lexical,
    vars,
    exported,
    exportedLocals,
  };
}

/**
 * How a read is used, as the analysis of module uses sees it: the parent it climbs to through
 * value-preserving wrappers, with the source of the member/call chain it heads.
 */
function useOf(id: Nd, scopes: ReturnType<typeof analyzeScopes>, text: string): string {
  let top = id;
  for (let i = 0; i < 64; i++) {
    const parent = scopes.parentOf.get(top);
    if (!parent) break;
    const key = scopes.keyOf.get(top);
    const passes =
      passesValueThrough(parent, key, top) ||
      (parent.type === 'MemberExpression' && key === 'object') ||
      (parent.type === 'CallExpression' && key === 'callee');
    if (!passes) break;
    top = parent;
  }
  const parent = scopes.parentOf.get(top);
  const site = parent && (parent.type === 'VariableDeclarator' || parent.type === 'AssignmentExpression') ? parent : top;
  const source = text.slice(site.start, site.end);
  const valueDependent = /open|\[/.test(source);
  return `${valueDependent ? '!' : ''}${parent?.type ?? ''}:${scopes.keyOf.get(top) ?? ''}:${source}`;
}

const USAGE_REFINED_MODULES: ReadonlySet<string> = new Set(['fs', 'fs/promises', 'os']);

/** True unless the initializer is plainly not a module value (a literal, function or class). */
function mayHoldCall(init: Nd): boolean {
  switch (init.type) {
    case 'Literal':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassExpression':
      return false;
    case 'TemplateLiteral':
      return init.expressions.length > 0;
    default:
      return true;
  }
}

function moduleExportName(node: Nd): string {
  return node.type === 'Identifier' ? node.name : String(node.value);
}

function patternNames(pattern: Nd | null): string[] {
  const out: string[] = [];
  const stack: Array<Nd | null> = [pattern];
  while (stack.length > 0) {
    const p = stack.pop();
    if (!p) continue;
    if (p.type === 'Identifier') out.push(p.name);
    else if (p.type === 'ObjectPattern') for (const prop of p.properties) stack.push(prop.type === 'RestElement' ? prop.argument : prop.value);
    else if (p.type === 'ArrayPattern') for (const el of p.elements) stack.push(el);
    else if (p.type === 'RestElement') stack.push(p.argument);
    else if (p.type === 'AssignmentPattern') stack.push(p.left);
  }
  return out;
}

/**
 * The cross-statement checks acorn makes on a whole program: a lexical name declared twice or also
 * as a `var` (functions are lexical in modules), an export name used twice, `export { x }` without a
 * declaration of `x`. True when the statements, parsed apart, would not parse together.
 */
export function crossUnitConflict(summaries: readonly UnitSummary[], mode: SourceKind): boolean {
  const lexicalOwner = new Map<string, number>();
  const varOwners = new Map<string, number>();
  const exported = new Set<string>();
  const declared = new Set<string>();
  for (let i = 0; i < summaries.length; i++) {
    const s = summaries[i];
    for (const name of s.lexical) {
      const other = lexicalOwner.get(name);
      if (other !== undefined && other !== i) return true;
      lexicalOwner.set(name, i);
    }
    for (const name of s.vars) if (!varOwners.has(name)) varOwners.set(name, i);
    for (const name of s.exported) {
      if (exported.has(name)) return true;
      exported.add(name);
    }
    for (const name of s.decl) declared.add(name);
  }
  for (const [name, owner] of lexicalOwner) {
    const varOwner = varOwners.get(name);
    // A statement's own lexical/var clash was already rejected when it was parsed.
    if (varOwner !== undefined && (varOwner !== owner || varsElsewhere(summaries, name, owner))) return true;
  }
  if (mode === 'module') {
    for (const s of summaries) for (const name of s.exportedLocals) if (!declared.has(name)) return true;
  }
  return false;
}

function varsElsewhere(summaries: readonly UnitSummary[], name: string, owner: number): boolean {
  for (let i = 0; i < summaries.length; i++) if (i !== owner && summaries[i].vars.includes(name)) return true;
  return false;
}

/**
 * Names of undeclared variables whose members the statement assigns directly (`o.k = v`, `o["k"] = v`)
 * or whose Map entries it sets (`m.set(k, v)`): what they hold changes (Resolver.assignedMembers, mapGet).
 */
function memberWriteRoots(scopes: ReturnType<typeof analyzeScopes>): string[] {
  const parentOf = (node: Nd) => scopes.parentOf.get(node);
  return scopes.unresolvedReadIds.filter((id) => assignedMemberOf(id, parentOf) !== null || mapSetCallOf(id, parentOf) !== null).map((id) => id.name);
}
