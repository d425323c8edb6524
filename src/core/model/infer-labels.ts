/**
 * Labels that a selector matches, for inventing representative pods and namespaces:
 * matchLabels as written; In: the first value every In on that key allows and no NotIn
 * excludes; Exists: "true" (or another value no NotIn excludes); NotIn and DoesNotExist: the
 * key is left out. Readable names are taken from the usual naming labels.
 */
import { matchesSelector } from './selector.ts';
import type { LabelSelector, LabelSelectorRequirement, Labels } from './types.ts';

const hasOwn = Object.prototype.hasOwnProperty;

function excludedValues(exprs: readonly LabelSelectorRequirement[], key: string): Set<string> {
  return new Set(exprs.filter((e) => e.key === key && e.operator === 'NotIn').flatMap((e) => e.values ?? []));
}

/** Labels matched by `selector`, or undefined when no label set can satisfy it. */
export function labelsSatisfying(selector: LabelSelector): Labels | undefined {
  const out: Record<string, string> = { ...(selector.matchLabels ?? {}) };
  const exprs = selector.matchExpressions ?? [];
  for (const e of exprs) {
    if (hasOwn.call(out, e.key)) continue;
    const excluded = excludedValues(exprs, e.key);
    if (e.operator === 'In') {
      const lists = exprs.filter((x) => x.key === e.key && x.operator === 'In').map((x) => new Set(x.values ?? []));
      const value = (e.values ?? []).find((v) => lists.every((s) => s.has(v)) && !excluded.has(v));
      if (value !== undefined) out[e.key] = value;
    } else if (e.operator === 'Exists') {
      out[e.key] = ['true', 'yes', 'present'].find((v) => !excluded.has(v)) ?? 'present-1';
    }
  }
  return matchesSelector(selector, out) ? out : undefined;
}

/** Label keys whose values make good names, best first. */
export const NAMING_LABELS: readonly string[] = [
  'app.kubernetes.io/name',
  'app',
  'k8s-app',
  'name',
  'app.kubernetes.io/component',
  'component',
  'role',
  'tier',
];

/** A DNS-1123 label made from `text` (lower case, other characters to '-'), or '' if nothing is left. */
export function toDnsLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
}

/** A readable name from naming labels (then any label value), or undefined. */
export function nameFromLabels(labels: Labels, keys: readonly string[] = NAMING_LABELS): string | undefined {
  for (const key of keys) {
    const name = hasOwn.call(labels, key) ? toDnsLabel(labels[key] as string) : '';
    if (name) return name;
  }
  for (const value of Object.values(labels)) {
    const name = toDnsLabel(value);
    if (name && !/^(true|yes|present)$/.test(name)) return name;
  }
  return undefined;
}

/** `base`, else `base-2`, `base-3`... (from `base-<from>`) whichever `taken` does not hold. */
export function uniqueName(base: string, taken: (name: string) => boolean, from = 2): string {
  if (!taken(base)) return base;
  for (let n = from; ; n++) {
    const name = `${base.slice(0, 60)}-${n}`;
    if (!taken(name)) return name;
  }
}
