/**
 * A small block-style YAML writer for plain manifests (maps, lists, strings, numbers), in the
 * layout `kubectl` prints: two-space indentation, list items at their key's indentation, `{}`
 * and `[]` for empty collections. Comment lines can be placed above any list item, which a
 * YAML library's dump cannot do. Strings YAML would read as something else are single-quoted.
 */

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
type JsonMap = { readonly [key: string]: JsonValue };

/** Comment lines to write above the list item at a path (`spec.ingress[0]`), without `# `. */
export type CommentsAt = (path: string) => readonly string[] | undefined;

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const RESERVED = /^(?:true|false|yes|no|y|n|on|off|null)$/i;
/** Anything a YAML 1.1 or 1.2 reader could take for a number or a date. */
const NUMBERISH = /^[-+.0-9][-+._0-9a-fA-FxXoO:]*$/;

export function formatScalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  if (PLAIN.test(value) && !RESERVED.test(value) && !NUMBERISH.test(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

const isMap = (v: JsonValue): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: JsonValue): boolean => (Array.isArray(v) ? v.length === 0 : isMap(v) && Object.keys(v).length === 0);
const inline = (v: JsonValue): string => (Array.isArray(v) ? '[]' : isMap(v) ? '{}' : formatScalar(v as string));
const pad = (n: number): string => ' '.repeat(n);

function writeMap(map: JsonMap, indent: number, path: string, out: string[], comments: CommentsAt): void {
  for (const [key, value] of Object.entries(map)) {
    const head = `${pad(indent)}${formatScalar(key)}:`;
    const child = path ? `${path}.${key}` : key;
    if (isEmpty(value) || (!isMap(value) && !Array.isArray(value))) out.push(`${head} ${inline(value)}`);
    else {
      out.push(head);
      if (Array.isArray(value)) writeList(value, indent, child, out, comments);
      else writeMap(value as JsonMap, indent + 2, child, out, comments);
    }
  }
}

function writeList(list: readonly JsonValue[], indent: number, path: string, out: string[], comments: CommentsAt): void {
  list.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    for (const line of comments(itemPath) ?? []) out.push(`${pad(indent)}# ${line}`);
    if (isEmpty(item) || (!isMap(item) && !Array.isArray(item))) {
      out.push(`${pad(indent)}- ${inline(item)}`);
      return;
    }
    const lines: string[] = [];
    if (Array.isArray(item)) writeList(item, indent + 2, itemPath, lines, comments);
    else writeMap(item as JsonMap, indent + 2, itemPath, lines, comments);
    const first = lines.findIndex((l) => !l.trimStart().startsWith('#'));
    lines[first] = `${pad(indent)}- ${lines[first]!.slice(indent + 2)}`;
    out.push(...lines);
  });
}

/** The document's lines (each ending with `\n`), `header` lines as comments first. */
export function emitYaml(doc: JsonMap, comments: CommentsAt = () => undefined, header: readonly string[] = []): string {
  const out = header.map((line) => `# ${line}`);
  writeMap(doc, 0, '', out, comments);
  return out.map((line) => `${line}\n`).join('');
}
