/** Loose ESTree node access for the analysis (acorn nodes; internal only). */
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Nd = { type: string; start: number; end: number; loc?: { start: { line: number; column: number } } } & Record<string, any>;

export const SKIP_KEYS: ReadonlySet<string> = new Set(['loc', 'range', 'start', 'end', 'type', 'raw', 'regex', 'bigint', 'name', 'operator', 'kind', 'sourceType']);

export function isNode(value: unknown): value is Nd {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/** Child nodes with their key, in source order. */
export function children(node: Nd): Array<[Nd, string, number]> {
  const out: Array<[Nd, string, number]> = [];
  for (const key in node) {
    if (SKIP_KEYS.has(key)) continue;
    const value = node[key];
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (isNode(value[i])) out.push([value[i], key, i]);
    } else if (isNode(value)) out.push([value, key, -1]);
  }
  return out;
}

/** Strips wrappers that do not change the value: `a?.b` chains and (when present) parentheses. */
export function unwrap(node: Nd): Nd {
  let n = node;
  for (let i = 0; i < 64; i++) {
    if (n.type === 'ChainExpression' || n.type === 'ParenthesizedExpression') n = n.expression;
    else break;
  }
  return n;
}

export function isFunctionNode(node: Nd): boolean {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}

/** Static property name of a non-computed member/property key, or a literal computed key. */
export function staticKey(keyNode: Nd, computed: boolean): string | null {
  if (!computed && keyNode.type === 'Identifier') return keyNode.name;
  if (!computed && keyNode.type === 'PrivateIdentifier') return null;
  if (keyNode.type === 'Literal' && (typeof keyNode.value === 'string' || typeof keyNode.value === 'number')) return String(keyNode.value);
  return null;
}

/** A class member's or member expression's property name: as `staticKey`, and `#name` for a private name. */
export function fieldName(keyNode: Nd, computed: boolean): string | null {
  if (!computed && keyNode.type === 'PrivateIdentifier') return `#${keyNode.name}`;
  return staticKey(keyNode, computed);
}

/** The `this.k = v` assignments that are top-level statements of a class constructor (a MethodDefinition). */
export function constructorFieldAssignments(ctor: Nd): Nd[] {
  const out: Nd[] = [];
  for (const stmt of ctor.value.body.body as Nd[]) {
    const e = stmt.type === 'ExpressionStatement' ? stmt.expression : null;
    if (e && e.type === 'AssignmentExpression' && e.operator === '=' && e.left.type === 'MemberExpression' && e.left.object.type === 'ThisExpression') out.push(e);
  }
  return out;
}

/** True when `node` is the target of a plain `=` assignment (it is replaced, not read). */
export function isPlainAssignmentTarget(node: Nd, parent: Nd | undefined): boolean {
  return parent !== undefined && parent.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === node;
}

/** `o.k = v` / `o["k"] = v` where `id` is `o`: the member written, or null. */
export function assignedMemberOf(id: Nd, parentOf: (node: Nd) => Nd | undefined): Nd | null {
  const member = parentOf(id);
  if (!member || member.type !== 'MemberExpression' || member.object !== id) return null;
  return isPlainAssignmentTarget(member, parentOf(member)) ? member : null;
}

/** The call `id.set(k, v)` on a variable (a Map entry added), or null. */
export function mapSetCallOf(id: Nd, parentOf: (node: Nd) => Nd | undefined): Nd | null {
  const member = parentOf(id);
  if (!member || member.type !== 'MemberExpression' || member.object !== id || staticKey(member.property, member.computed) !== 'set') return null;
  const call = parentOf(member);
  return call && call.type === 'CallExpression' && call.callee === member && call.arguments.length >= 2 ? call : null;
}

/** True when `parent` passes the value of its child `top` (under `key`) through unchanged. */
export function passesValueThrough(parent: Nd, key: string | undefined, top: Nd): boolean {
  return (
    (parent.type === 'SequenceExpression' && parent.expressions[parent.expressions.length - 1] === top) ||
    (parent.type === 'ConditionalExpression' && key !== 'test') ||
    parent.type === 'LogicalExpression' ||
    parent.type === 'ChainExpression' ||
    parent.type === 'ParenthesizedExpression' ||
    parent.type === 'AwaitExpression'
  );
}

/**
 * The one expression a function returns: an arrow's expression body, or a body that is one
 * `return x;`, optionally after `const` objects of constant values (`const o = { _0x1: 0x2e6 };`,
 * the lookup tables javascript-obfuscator's "calls transform" puts in front of a wrapper's return).
 */
export function returnedExpression(fn: Nd): Nd | null {
  if (!fn.body) return null;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const body = fn.body.body as Nd[];
  const last = body[body.length - 1];
  if (!last || last.type !== 'ReturnStatement') return null;
  for (let i = 0; i < body.length - 1; i++) if (!isConstantTable(body[i])) return null;
  return last.argument;
}

function isConstantTable(stmt: Nd): boolean {
  if (stmt.type !== 'VariableDeclaration' || stmt.kind !== 'const') return false;
  return (stmt.declarations as Nd[]).every(
    (d) =>
      d.id.type === 'Identifier' &&
      d.init?.type === 'ObjectExpression' &&
      (d.init.properties as Nd[]).every((p) => p.type === 'Property' && p.kind === 'init' && !p.computed && !p.method && p.value.type === 'Literal'),
  );
}
