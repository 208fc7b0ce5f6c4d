/** Hover and key completion for the TOML config form (the JSON form gets both from the JSON Schema). */
import { scanToml, type RawPath } from './locate';
import { camelToSnake, SETTINGS_TREE, type SchemaNode } from './model';

export interface SchemaLookup {
  node: SchemaNode;
  /** Canonical dotted path, record keys (extension ids) as `<id>`. */
  canonical: string;
}

/** Follows a raw path (aliases and extension ids allowed) through the settings model. */
export function lookupSchema(rawPath: RawPath): SchemaLookup | null {
  let node: SchemaNode = SETTINGS_TREE;
  const parts: string[] = [];
  for (const seg of rawPath) {
    if (typeof seg !== 'string') continue;
    if (node.type === 'object') {
      const key = node.fields.has(seg) ? seg : node.snake.get(seg);
      if (key === undefined) return null;
      node = node.fields.get(key)!;
      parts.push(key);
    } else if (node.type === 'record') {
      node = node.value;
      parts.push('<id>');
    } else return null;
  }
  return { node, canonical: parts.join('.') };
}

function typeText(node: SchemaNode): string {
  if (node.type === 'object') return 'table';
  if (node.type === 'record') return 'table of extension ids';
  const m = node.meta;
  const base: Record<string, string> = {
    boolean: 'boolean', string: 'string', nonEmptyString: 'non-empty string', capabilityList: 'array of capability names',
    patternList: 'array of word-prefix patterns', nameList: 'array of env var names', integer: 'integer', number: 'number',
    profile: 'safe | standard | balanced | permissive', tier: 'low | medium | high | critical', mode: 'strict | prompt | permissive',
    rolloutPhase: 'shadow | log_only | enforce_new | enforce_all',
  };
  const range = m.min !== undefined || m.max !== undefined ? ` (${m.min ?? '−∞'}..${m.max ?? '∞'})` : '';
  return `${base[m.kind]}${range}${node.nullable ? ' or null' : ''}`;
}

/** Markdown hover for the TOML key under `offset`, or null. */
export function tomlHover(text: string, offset: number): { markdown: string; start: number; end: number } | null {
  const scan = scanToml(text);
  const hit = scan.keys.find((k) => k.span.start <= offset && offset <= k.span.end);
  if (!hit) return null;
  const found = lookupSchema(hit.path);
  if (!found) return null;
  const md = `**${found.canonical}** — ${typeText(found.node)}${found.node.description ? `\n\n${found.node.description}` : ''}`;
  return { markdown: md, start: hit.span.start, end: hit.span.end };
}

export interface KeyCompletion {
  label: string;
  detail: string;
  documentation: string;
  insertText: string;
}

/** Keys (snake_case, the TOML form) of the table the cursor is in. */
export function tomlKeyCompletions(text: string, offset: number): KeyCompletion[] {
  const scan = scanToml(text);
  let table: RawPath = [];
  for (const t of scan.tables) if (t.start <= offset) table = t.path;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.includes('=') || before.trimStart().startsWith('[')) return [];
  const found = lookupSchema(table);
  if (!found || found.node.type !== 'object') return [];
  const out: KeyCompletion[] = [];
  for (const [key, child] of found.node.fields) {
    if (child.type !== 'leaf') continue;
    const snake = camelToSnake(key);
    const m = child.meta;
    const value = m.kind === 'boolean' ? 'false' : m.kind.endsWith('List') ? '[]' : m.kind === 'integer' || m.kind === 'number' ? '0' : '""';
    out.push({ label: snake, detail: typeText(child), documentation: child.description, insertText: `${snake} = ${value}` });
  }
  return out;
}
