/**
 * Typed reads of parsed values, reporting wrong types. `null` reads as absent, as Go's JSON
 * decoding treats it for the API server (so `ingress: null` is no `ingress` at all).
 */
import { childPath, formatPath, pathSegments, type Path } from './path.ts';
import type { Reporter } from './reporter.ts';
import { suggestName } from './suggest.ts';

export type Obj = Readonly<Record<string, unknown>>;

const hasOwn = Object.prototype.hasOwnProperty;

export function isMap(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property (never an inherited one such as `constructor`). */
export function field(obj: Obj, key: string): unknown {
  return hasOwn.call(obj, key) ? obj[key] : undefined;
}

/** True when the key is written (even as `null`). */
export function hasField(obj: Obj, key: string): boolean {
  return hasOwn.call(obj, key);
}

/** A number as YAML writes it: non-finite ones as `.nan`, `.inf`, `-.inf`, not as JavaScript prints them. */
export function numberText(n: number): string {
  if (Number.isFinite(n)) return String(n);
  return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
}

/** A short description of a value for messages: `a list`, `the string "80"`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return `the number ${numberText(v)}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return `a ${typeof v}`;
}

function wrongType(r: Reporter, v: unknown, path: Path, expected: string): undefined {
  r.error('invalid-type', `${label(path)} must be ${expected}, not ${describeValue(v)}`, path);
  return undefined;
}

/** The path as text (`spec.ingress[0].from`), for messages. */
export function label(path: Path | undefined): string {
  return formatPath(pathSegments(path)) || 'the object';
}

export function readMap(r: Reporter, v: unknown, path: Path): Obj | undefined {
  if (v === null || v === undefined) return undefined;
  return isMap(v) ? v : wrongType(r, v, path, 'a mapping');
}

export function readList(r: Reporter, v: unknown, path: Path): readonly unknown[] | undefined {
  if (v === null || v === undefined) return undefined;
  return Array.isArray(v) ? v : wrongType(r, v, path, 'a list');
}

export function readString(r: Reporter, v: unknown, path: Path): string | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? v : wrongType(r, v, path, 'a string');
}

export function readInteger(r: Reporter, v: unknown, path: Path): number | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : wrongType(r, v, path, 'an integer');
}

export function readBoolean(r: Reporter, v: unknown, path: Path): boolean | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'boolean' ? v : wrongType(r, v, path, 'true or false');
}

/** The fields one position of an object may have, and hints for fields written in the wrong place. */
export interface FieldTable {
  /** How messages name the position: `a NetworkPolicy spec`. */
  readonly where: string;
  readonly fields: readonly string[];
  readonly hints?: Readonly<Record<string, string>>;
  /** Said when neither a hint nor a near name applies. */
  readonly fallback?: string;
}

/** Report every key of `obj` that `table` does not know, with a suggestion when one is near. */
export function checkFields(
  r: Reporter,
  obj: Obj,
  path: Path | undefined,
  table: FieldTable,
  severity: 'error' | 'warning' = 'error',
): void {
  for (const key of Object.keys(obj)) {
    if (table.fields.includes(key)) continue;
    const hint = table.hints && hasOwn.call(table.hints, key) ? table.hints[key] : undefined;
    const guess = suggestName(key, table.fields);
    const why =
      hint ?? (guess ? `did you mean "${guess}"?` : (table.fallback ?? `known fields: ${table.fields.join(', ')}`));
    r.report('unknown-field', severity, `Unknown field "${key}" in ${table.where}: ${why}`, childPath(path, key), 'key');
  }
}
