/**
 * Position-preserving TypeScript → JavaScript (scanner.md §2.1). `ts-blank-space` erases the erasable
 * syntax; this module adds the rewrites for syntax with runtime meaning, always replacing text by text
 * of the same length and keeping every line break, so every offset in the output equals the same
 * offset in the input.
 *
 * Two phases. Enums, value namespaces and `export =` hide their bodies from `ts-blank-space`, so they
 * are rewritten first (enum → object literal bound to its name, or a block of initializer
 * expressions where that cannot be spelled; namespace → block; `export =` → `void`) and the result
 * is parsed again. Then `ts-blank-space` runs, and the remaining constructs are rewritten on its
 * output: parameter properties, `import x = require()`, legacy `<T>x` assertions, `accessor`, and
 * decorators (blanked; their expressions are kept for separate parsing).
 */
import ts from 'typescript';
import { blankSourceFile } from 'ts-blank-space';
import { endsByLineBreak, tokenAfter } from './asi';

export interface StripProblem {
  message: string;
  offset: number;
}

export interface TypeOnlyImport {
  /** The module specifier's value. */
  source: string;
  /** Range of the specifier literal, quotes included. */
  start: number;
  end: number;
}

export interface DecoratorSite {
  /** Range of the decorator's expression (after `@`). */
  start: number;
  end: number;
}

export interface StripResult {
  text: string;
  /** The stripped text before decorators were blanked (decorator expressions are parsed from it). */
  textWithDecorators: string;
  problems: StripProblem[];
  typeOnlyImports: TypeOnlyImport[];
  decorators: DecoratorSite[];
  /** Value namespaces, each left as a block (`namespace N {` blanked up to its brace). */
  namespaces: NamespaceSite[];
  /**
   * True when TypeScript's parser reported a syntax error (it recovers, e.g. by closing an open
   * brace at the end, so the output can parse although the input does not).
   */
  recovered: boolean;
}

/** A namespace with values: where its block is and the names it exports (`N.k` reads `k` there). */
export interface NamespaceSite {
  name: string;
  /** Offsets of the block's braces in the stripped text (the same as in the original). */
  blockStart: number;
  blockEnd: number;
  exported: string[];
}

interface Edit {
  start: number;
  end: number;
  /** Replacement of the same length; undefined means blank (spaces, line breaks kept). */
  text?: string;
}

const SK = ts.SyntaxKind;

export function stripTypeScript(input: string, tsx: boolean): StripResult {
  let text = input;
  let source = createSource(text, tsx);
  const recovered = hasParseErrors(source);
  let reported: ts.Node[] = [];
  let blanked = blankSourceFile(source, (node) => reported.push(node));
  const namespaces: NamespaceSite[] = [];
  // Enums and value namespaces are reported (not erased) by ts-blank-space; rewrite them and strip
  // again. Nested ones (an enum inside a function inside a namespace) surface on the next round.
  for (let round = 0; round < 4; round++) {
    const pre = collectPreEdits(reported, source, namespaces);
    if (pre.length === 0) break;
    text = applyEdits(text, pre);
    source = createSource(text, tsx);
    reported = [];
    blanked = blankSourceFile(source, (node) => reported.push(node));
  }
  const post: Edit[] = [];
  const problems: StripProblem[] = [];
  for (const node of reported) {
    const edit = postEditFor(node, source, text);
    if (edit) post.push(edit);
    else problems.push({ message: `unsupported TypeScript syntax (${SK[node.kind]})`, offset: node.getStart(source) });
  }
  const decoratorEdits: Edit[] = [];
  const decorators: DecoratorSite[] = [];
  // Decorators and `accessor` are kept by ts-blank-space; find them only when the text can hold them.
  const mayDecorate = mayHoldDecorator(text);
  const mayAccessor = text.includes('accessor');
  // `<List<string> items={…} />`: ts-blank-space keeps a JSX element's type arguments.
  const mayJsxTypeArguments = tsx && JSX_TYPE_ARGUMENTS_HINT.test(text);
  if (mayDecorate || mayAccessor || mayJsxTypeArguments) {
    forEachValueNode(source, (node) => {
      if (mayJsxTypeArguments && (node.kind === SK.JsxOpeningElement || node.kind === SK.JsxSelfClosingElement)) {
        const typeArguments = (node as ts.JsxOpeningLikeElement).typeArguments;
        if (typeArguments) {
          // The list starts right after `<`; trivia may sit between its end and `>`.
          let close = typeArguments.end;
          while (close < text.length && text[close] !== '>') close++;
          post.push({ start: typeArguments.pos - 1, end: close + 1 });
        }
      } else if (node.kind === SK.Decorator) {
        const deco = node as ts.Decorator;
        decoratorEdits.push({ start: deco.getStart(source), end: deco.end });
        decorators.push({ start: deco.expression.getStart(source), end: deco.expression.end });
      } else if (mayAccessor && node.kind === SK.PropertyDeclaration) {
        for (const m of (node as ts.PropertyDeclaration).modifiers ?? []) {
          if (m.kind === SK.AccessorKeyword) post.push({ start: m.getStart(source), end: m.end });
        }
      }
    });
  }
  const typeOnlyImports = collectTypeOnlyImports(source);
  const textWithDecorators = post.length > 0 ? applyEdits(blanked, post) : blanked;
  const out = decoratorEdits.length > 0 ? applyEdits(textWithDecorators, decoratorEdits) : textWithDecorators;
  return { text: out, textWithDecorators, problems, typeOnlyImports, decorators, namespaces, recovered };
}

/** A tag name directly followed by `<`: the only shape in which a JSX element can carry type arguments. */
const JSX_TYPE_ARGUMENTS_HINT = /<[A-Za-z_$][\w$.]*\s*</;

/**
 * False only when no `@` in the text can start a decorator: each one sits in a JSDoc line (`* @param`),
 * after `//` on its line, or directly after a word or quote character (an address, a `"@scope/pkg"`
 * name), or is not followed by a name or `(`. Spares the walk over the syntax tree on most files.
 */
export function mayHoldDecorator(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (!(isWordCode(next) || next === 40 /* ( */)) continue;
    const adjacent = at > 0 ? text[at - 1] : '\n';
    if (isWordCode(text.charCodeAt(at - 1)) || adjacent === '"' || adjacent === "'" || adjacent === '`') continue;
    let i = at - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    if (i >= 0 && text[i] === '*') continue;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (text.slice(lineStart, at).includes('//')) continue;
    return true;
  }
  return false;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

/** Same-length rewrite for a construct ts-blank-space reported, or undefined when it has none. */
function postEditFor(node: ts.Node, source: ts.SourceFile, text: string): Edit | undefined {
  switch (node.kind) {
    case SK.PublicKeyword:
    case SK.PrivateKeyword:
    case SK.ProtectedKeyword:
    case SK.ReadonlyKeyword:
    case SK.OverrideKeyword:
      // Parameter property modifier, `constructor(private x: T)`.
      return { start: node.getStart(source), end: node.end };
    case SK.ImportEqualsDeclaration: {
      const decl = node as ts.ImportEqualsDeclaration;
      if (decl.isTypeOnly) return { start: decl.getStart(source), end: decl.end };
      const kw = text.indexOf('import', decl.modifiers ? decl.modifiers.end : decl.getStart(source));
      return kw >= 0 && kw < decl.name.getStart(source) ? { start: kw, end: kw + 6, text: 'const ' } : undefined;
    }
    case SK.TypeAssertionExpression: {
      const assertion = node as ts.TypeAssertion;
      return { start: assertion.getStart(source), end: assertion.expression.getStart(source) };
    }
  }
  return undefined;
}

/** Top-level `import type`, `import { type A }` (all type-only), `export type … from`, `export { type A } from`. */
function collectTypeOnlyImports(source: ts.SourceFile): TypeOnlyImport[] {
  const out: TypeOnlyImport[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const bindings = clause.namedBindings;
      const allTypeSpecifiers =
        !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      if (clause.isTypeOnly || allTypeSpecifiers) out.push(specifierOf(statement.moduleSpecifier, source));
    } else if (ts.isExportDeclaration(statement)) {
      if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const clause = statement.exportClause;
      const allTypeSpecifiers = clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      if (statement.isTypeOnly || allTypeSpecifiers) out.push(specifierOf(statement.moduleSpecifier, source));
    }
  }
  return out;
}

/** `parseDiagnostics` is internal to TypeScript's SourceFile; absent means none known. */
function hasParseErrors(source: ts.SourceFile): boolean {
  return ((source as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0) > 0;
}

// JSDoc is never read here: skipping its parse (as ts-blank-space does) saves much of the parse on documented code.
const SOURCE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.ESNext, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

function createSource(text: string, tsx: boolean): ts.SourceFile {
  return ts.createSourceFile(tsx ? 'input.tsx' : 'input.ts', text, SOURCE_OPTIONS, false, tsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function specifierOf(literal: ts.StringLiteral, source: ts.SourceFile): TypeOnlyImport {
  return { source: literal.text, start: literal.getStart(source), end: literal.end };
}

/** Iterative pre-order traversal (nesting depth is attacker-controlled), skipping type-only subtrees. */
function forEachValueNode(root: ts.Node, visit: (node: ts.Node) => void): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node) => {
    children.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (isTypeOnlyNode(child)) continue;
      stack.push(child);
    }
  }
}

function isTypeOnlyNode(node: ts.Node): boolean {
  const k = node.kind;
  return (k >= SK.FirstTypeNode && k <= SK.LastTypeNode) || k === SK.InterfaceDeclaration || k === SK.TypeAliasDeclaration || k === SK.TypeParameter;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** Phase 1: enums and namespaces with values that ts-blank-space reported (their bodies are invisible to it), and `export =`. */
function collectPreEdits(reported: readonly ts.Node[], source: ts.SourceFile, namespaces: NamespaceSite[]): Edit[] {
  const edits: Edit[] = [];
  const text = source.text;
  for (const node of reported) {
    if (ts.isEnumDeclaration(node)) rewriteEnum(node, source, text, edits);
    else if (ts.isModuleDeclaration(node)) rewriteNamespace(node, source, edits, namespaces);
    else if (ts.isExportAssignment(node) && node.isExportEquals) edits.push(exportEqualsEdit(node, source, text));
  }
  return edits;
}

/**
 * `export = value`: blanked, `export = function (x: T) {…}` would leave a nameless function
 * declaration, so `void` goes over `expo` and the rest is blanked (line breaks kept). Done before
 * stripping, since ts-blank-space leaves the types inside a node it reports.
 */
function exportEqualsEdit(node: ts.ExportAssignment, source: ts.SourceFile, text: string): Edit {
  const start = node.getStart(source);
  const end = node.expression.getStart(source);
  return { start, end, text: 'void' + text.slice(start + 4, end).replace(/[^\r\n]/g, ' ') };
}

/** The names a namespace body's `export` statements declare. */
function exportedNames(block: ts.ModuleBlock): string[] {
  const names: string[] = [];
  for (const statement of block.statements) {
    if (!hasModifier(statement, SK.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) && statement.name && ts.isIdentifier(statement.name)) {
      names.push(statement.name.text);
    }
  }
  return names;
}

function rewriteNamespace(node: ts.ModuleDeclaration, source: ts.SourceFile, edits: Edit[], namespaces: NamespaceSite[]): void {
  if (!ts.isIdentifier(node.name)) return;
  if (!hasValues(node)) {
    // `module N { types only }` (ts-blank-space only erases the `namespace` spelling).
    edits.push({ start: node.getStart(source), end: node.end });
    return;
  }
  let body: ts.ModuleBody | undefined = node.body;
  while (body && ts.isModuleDeclaration(body)) body = body.body;
  if (!body || !ts.isModuleBlock(body)) return;
  edits.push({ start: node.getStart(source), end: body.getStart(source) });
  // `namespace A.B {}` is recorded under neither name (only `A` would be a binding, holding `B`).
  if (node.body === body) namespaces.push({ name: node.name.text, blockStart: body.getStart(source), blockEnd: body.end, exported: exportedNames(body) });
  for (const statement of body.statements) {
    for (const m of ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : []) {
      if (m.kind === SK.ExportKeyword) edits.push({ start: m.getStart(source), end: m.end });
    }
    if (ts.isEnumDeclaration(statement) && !hasModifier(statement, SK.DeclareKeyword)) rewriteEnum(statement, source, source.text, edits);
    else if (ts.isModuleDeclaration(statement) && !hasModifier(statement, SK.DeclareKeyword) && statement.flags & ts.NodeFlags.Namespace) {
      if (hasValues(statement)) rewriteNamespace(statement, source, edits, namespaces);
    }
  }
}

function rewriteEnum(node: ts.EnumDeclaration, source: ts.SourceFile, text: string, edits: Edit[]): void {
  const open = text.indexOf('{', node.name.end);
  if (open < 0) return;
  const asObject = enumAsObject(node, source, text, open);
  if (asObject) {
    edits.push(...asObject);
    return;
  }
  edits.push({ start: node.getStart(source), end: open });
  const members = node.members;
  const close = members.end; // position of the closing brace (end of the member list incl. trailing comma)
  const keptAfter: boolean[] = [];
  let laterKept = false;
  for (let i = members.length - 1; i >= 0; i--) {
    keptAfter[i] = laterKept;
    if (members[i].initializer) laterKept = true;
  }
  for (let i = 0; i < members.length; i++) {
    const member = members[i];
    const init = member.initializer;
    if (init) edits.push({ start: member.getStart(source), end: init.getStart(source) });
    else edits.push({ start: member.getStart(source), end: member.end });
    const nextStart = i + 1 < members.length ? members[i + 1].getStart(source) : close;
    const comma = findComma(text, member.end, nextStart);
    if (comma >= 0) edits.push(init && keptAfter[i] ? { start: comma, end: comma + 1, text: ';' } : { start: comma, end: comma + 1 });
  }
}

/**
 * `enum K { A = "x", B }` → `var  K={ A : "x", B }`, `const enum K {…}` → `      var  K={…}`: a
 * real object, so `K.A` folds (a `const enum` can otherwise hide `globalThis[K.A]`). Same length:
 * `enum` becomes `var ` (a `const` modifier is blanked), the first blank between the name and `{`
 * becomes `=`, and each initializer's `=` becomes `:`; a member without initializer is a shorthand
 * property. Null (the block rewrite instead) when that cannot be spelled: no blank on the name's line
 * before `{`, a comment there or before a member's `=`, a string-named member without initializer
 * (no valid shorthand), or code after the enum that would continue an object literal (`(`, `[`, a
 * template, an operator).
 */
function enumAsObject(node: ts.EnumDeclaration, source: ts.SourceFile, text: string, open: number): Edit[] | null {
  // An object literal has no end of its own: what follows must not continue it (ASI ends it there).
  const next = tokenAfter(text, node.end);
  if (next < text.length && !endsByLineBreak(text, node.end, next)) return null;
  const between = text.slice(node.name.end, open);
  const blank = between.search(/[ \t]/);
  if (!/^\s*$/.test(between) || blank < 0 || between.slice(0, blank).includes('\n')) return null;
  const modifiers = ts.getModifiers(node) ?? [];
  const keyword = text.indexOf('enum', modifiers.reduce((end, m) => Math.max(end, m.end), node.getStart(source)));
  if (keyword < 0 || keyword > node.name.getStart(source)) return null;
  // Always `var`: enums of one name merge, and a repeated `const` would be a redeclaration.
  const edits: Edit[] = [{ start: keyword, end: keyword + 4, text: 'var ' }, { start: node.name.end + blank, end: node.name.end + blank + 1, text: '=' }];
  for (const m of modifiers) if (m.kind === SK.ConstKeyword) edits.push({ start: m.getStart(source), end: m.end });
  for (const member of node.members) {
    if (!member.initializer) {
      if (!ts.isIdentifier(member.name)) return null;
      continue;
    }
    const equals = text.indexOf('=', member.name.end);
    if (equals < 0 || equals >= member.initializer.getStart(source) || !/^\s*$/.test(text.slice(member.name.end, equals))) return null;
    edits.push({ start: equals, end: equals + 1, text: ':' });
  }
  return edits;
}

/** Position of the first comma outside comments in [from, to), or -1. */
function findComma(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) return i;
    if (c === 47 /* / */) {
      const n = text.charCodeAt(i + 1);
      if (n === 47) {
        while (i < to && text.charCodeAt(i) !== 10) i++;
      } else if (n === 42) {
        const endComment = text.indexOf('*/', i + 2);
        if (endComment < 0) return -1;
        i = endComment + 1;
      }
    }
  }
  return -1;
}

/** Same criterion as ts-blank-space: a namespace holds values unless it only has types, interfaces and type-only namespaces. */
function hasValues(node: ts.Node): boolean {
  switch (node.kind) {
    case SK.TypeAliasDeclaration:
    case SK.InterfaceDeclaration:
      return false;
    case SK.ImportEqualsDeclaration:
      return hasModifier(node, SK.ExportKeyword);
    case SK.ModuleDeclaration: {
      const decl = node as ts.ModuleDeclaration;
      if (!(decl.flags & ts.NodeFlags.Namespace)) return true;
      if (!decl.body) return false;
      if (ts.isModuleDeclaration(decl.body)) return hasValues(decl.body);
      return ts.isModuleBlock(decl.body) ? decl.body.statements.some(hasValues) : true;
    }
  }
  return true;
}

/** Applies same-length edits; overlapping blanks merge, a replacement overlapping an earlier edit is dropped. */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.end <= cursor) continue;
    if (edit.start < cursor) {
      if (edit.text !== undefined) continue;
      parts.push(blank(text.slice(cursor, edit.end)));
      cursor = edit.end;
      continue;
    }
    parts.push(text.slice(cursor, edit.start));
    parts.push(edit.text !== undefined && edit.text.length === edit.end - edit.start ? edit.text : blank(text.slice(edit.start, edit.end)));
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** Spaces of equal length, keeping every line terminator. */
export function blank(text: string): string {
  return text.replace(/[^\n\r\u2028\u2029]/g, ' ');
}
