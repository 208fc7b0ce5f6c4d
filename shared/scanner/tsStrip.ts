/**
 * Position-preserving TypeScript → JavaScript (scanner.md §2.1). `ts-blank-space` erases the erasable
 * syntax; this module adds the rewrites for syntax with runtime meaning, always replacing text by text
 * of the same length and keeping every line break, so every offset in the output equals the same
 * offset in the input.
 *
 * Two phases. Enums and value namespaces hide their bodies from `ts-blank-space`, so they are
 * rewritten first (enum → block of initializer expressions, namespace → block) and the result is
 * parsed again. Then `ts-blank-space` runs, and the remaining constructs are rewritten on its output:
 * parameter properties, `import x = require()`, `export =`, legacy `<T>x` assertions, `accessor`, and
 * decorators (blanked; their expressions are kept for separate parsing).
 */
import ts from 'typescript';
import { blankSourceFile } from 'ts-blank-space';

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
}

interface Edit {
  start: number;
  end: number;
  /** Replacement of the same length; undefined means blank (spaces, line breaks kept). */
  text?: string;
}

const SK = ts.SyntaxKind;

export function stripTypeScript(input: string, tsx: boolean): StripResult {
  let source = createSource(input, tsx);
  const pre = collectPreEdits(source);
  let text = input;
  if (pre.length > 0) {
    text = applyEdits(input, pre);
    source = createSource(text, tsx);
  }
  const reported: ts.Node[] = [];
  const blanked = blankSourceFile(source, (node) => reported.push(node));
  const post: Edit[] = [];
  const decoratorEdits: Edit[] = [];
  const typeOnlyImports: TypeOnlyImport[] = [];
  const decorators: DecoratorSite[] = [];
  const handled = new Set<ts.Node>();
  forEachNode(source, (node) => {
    switch (node.kind) {
      case SK.Parameter:
        for (const m of (node as ts.ParameterDeclaration).modifiers ?? []) {
          if (PARAMETER_PROPERTY_MODIFIERS.has(m.kind)) {
            post.push({ start: m.getStart(source), end: m.end });
            handled.add(m);
          }
        }
        break;
      case SK.PropertyDeclaration:
        for (const m of (node as ts.PropertyDeclaration).modifiers ?? []) {
          if (m.kind === SK.AccessorKeyword) post.push({ start: m.getStart(source), end: m.end });
        }
        break;
      case SK.ImportEqualsDeclaration: {
        const decl = node as ts.ImportEqualsDeclaration;
        handled.add(node);
        if (decl.isTypeOnly) post.push({ start: decl.getStart(source), end: decl.end });
        else {
          const kw = text.indexOf('import', decl.modifiers ? decl.modifiers.end : decl.getStart(source));
          if (kw >= 0 && kw < decl.name.getStart(source)) post.push({ start: kw, end: kw + 6, text: 'const ' });
        }
        break;
      }
      case SK.ExportAssignment: {
        const assign = node as ts.ExportAssignment;
        if (assign.isExportEquals) {
          handled.add(node);
          post.push({ start: assign.getStart(source), end: assign.expression.getStart(source) });
        }
        break;
      }
      case SK.TypeAssertionExpression: {
        const assertion = node as ts.TypeAssertion;
        handled.add(node);
        post.push({ start: assertion.getStart(source), end: assertion.expression.getStart(source) });
        break;
      }
      case SK.Decorator: {
        const deco = node as ts.Decorator;
        decoratorEdits.push({ start: deco.getStart(source), end: deco.end });
        decorators.push({ start: deco.expression.getStart(source), end: deco.expression.end });
        break;
      }
      case SK.ImportDeclaration: {
        const decl = node as ts.ImportDeclaration;
        const clause = decl.importClause;
        if (!clause || !ts.isStringLiteral(decl.moduleSpecifier)) break;
        const bindings = clause.namedBindings;
        const allTypeSpecifiers =
          !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
        if (clause.isTypeOnly || allTypeSpecifiers) typeOnlyImports.push(specifierOf(decl.moduleSpecifier, source));
        break;
      }
      case SK.ExportDeclaration: {
        const decl = node as ts.ExportDeclaration;
        if (!decl.moduleSpecifier || !ts.isStringLiteral(decl.moduleSpecifier)) break;
        const clause = decl.exportClause;
        const allTypeSpecifiers = clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
        if (decl.isTypeOnly || allTypeSpecifiers) typeOnlyImports.push(specifierOf(decl.moduleSpecifier, source));
        break;
      }
    }
  });
  const problems: StripProblem[] = [];
  for (const node of reported) {
    if (handled.has(node)) continue;
    problems.push({ message: `unsupported TypeScript syntax (${SK[node.kind]})`, offset: node.getStart(source) });
  }
  const textWithDecorators = post.length > 0 ? applyEdits(blanked, post) : blanked;
  const out = decoratorEdits.length > 0 ? applyEdits(textWithDecorators, decoratorEdits) : textWithDecorators;
  return { text: out, textWithDecorators, problems, typeOnlyImports, decorators };
}

const PARAMETER_PROPERTY_MODIFIERS = new Set<ts.SyntaxKind>([SK.PublicKeyword, SK.PrivateKeyword, SK.ProtectedKeyword, SK.ReadonlyKeyword, SK.OverrideKeyword]);

function createSource(text: string, tsx: boolean): ts.SourceFile {
  return ts.createSourceFile(tsx ? 'input.tsx' : 'input.ts', text, ts.ScriptTarget.ESNext, true, tsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function specifierOf(literal: ts.StringLiteral, source: ts.SourceFile): TypeOnlyImport {
  return { source: literal.text, start: literal.getStart(source), end: literal.end };
}

/** Iterative pre-order traversal (nesting depth is attacker-controlled). */
function forEachNode(root: ts.Node, visit: (node: ts.Node) => void): void {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** Phase 1: enums and namespaces with values (their bodies are invisible to ts-blank-space). */
function collectPreEdits(source: ts.SourceFile): Edit[] {
  const edits: Edit[] = [];
  const text = source.text;
  forEachNode(source, (node) => {
    if (ts.isEnumDeclaration(node)) {
      if (hasModifier(node, SK.DeclareKeyword)) return;
      rewriteEnum(node, source, text, edits);
    } else if (ts.isModuleDeclaration(node)) {
      if (node.parent && ts.isModuleDeclaration(node.parent)) return; // inner part of `namespace A.B`
      if (hasModifier(node, SK.DeclareKeyword) || node.flags & ts.NodeFlags.GlobalAugmentation || !ts.isIdentifier(node.name)) return;
      if (!hasValues(node)) {
        // ts-blank-space erases `namespace N { types only }`; a type-only `module N {}` is erased here.
        if (!(node.flags & ts.NodeFlags.Namespace)) edits.push({ start: node.getStart(source), end: node.end });
        return;
      }
      let body: ts.ModuleBody | undefined = node.body;
      while (body && ts.isModuleDeclaration(body)) body = body.body;
      if (!body || !ts.isModuleBlock(body)) return;
      edits.push({ start: node.getStart(source), end: body.getStart(source) });
      for (const statement of body.statements) {
        for (const m of ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : []) {
          if (m.kind === SK.ExportKeyword) edits.push({ start: m.getStart(source), end: m.end });
        }
      }
    }
  });
  return edits;
}

function rewriteEnum(node: ts.EnumDeclaration, source: ts.SourceFile, text: string, edits: Edit[]): void {
  const open = text.indexOf('{', node.name.end);
  if (open < 0) return;
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
