/**
 * Kubernetes label selectors (semantics.md section 7): `matchLabels` AND `matchExpressions`;
 * `In` (key present, value listed), `NotIn` (key absent, or value not listed), `Exists`,
 * `DoesNotExist`. An empty selector (`{}`) matches every label set.
 */
import type { LabelSelector, LabelSelectorRequirement, Labels } from './types.ts';

export type LabelPredicate = (labels: Labels) => boolean;

const MATCH_ALL: LabelPredicate = () => true;
const hasOwn = Object.prototype.hasOwnProperty;

/** The value of `key` in `labels`, or undefined when absent (never an inherited property). */
function labelValue(labels: Labels, key: string): string | undefined {
  return hasOwn.call(labels, key) ? labels[key] : undefined;
}

/** Whether one requirement of `matchExpressions` holds for `labels`. */
export function matchesRequirement(req: LabelSelectorRequirement, labels: Labels): boolean {
  const value = labelValue(labels, req.key);
  switch (req.operator) {
    case 'In':
      return value !== undefined && (req.values ?? []).includes(value);
    case 'NotIn':
      return value === undefined || !(req.values ?? []).includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      // An unknown operator never matches (validation rejects it before it gets here).
      return false;
  }
}

/** Whether `selector` selects an object carrying `labels`. */
export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  const matchLabels = selector.matchLabels;
  if (matchLabels) {
    for (const key of Object.keys(matchLabels)) {
      if (labelValue(labels, key) !== matchLabels[key]) return false;
    }
  }
  for (const req of selector.matchExpressions ?? []) {
    if (!matchesRequirement(req, labels)) return false;
  }
  return true;
}

function compileRequirement(req: LabelSelectorRequirement): LabelPredicate {
  const key = req.key;
  const values = new Set(req.values ?? []);
  switch (req.operator) {
    case 'In':
      return (labels) => {
        const v = labelValue(labels, key);
        return v !== undefined && values.has(v);
      };
    case 'NotIn':
      return (labels) => {
        const v = labelValue(labels, key);
        return v === undefined || !values.has(v);
      };
    case 'Exists':
      return (labels) => hasOwn.call(labels, key);
    case 'DoesNotExist':
      return (labels) => !hasOwn.call(labels, key);
    default:
      return () => false;
  }
}

/**
 * A predicate equivalent to `matchesSelector(selector, ·)`, built once: the selector's
 * entries are copied, so later changes to the selector object do not affect it.
 */
export function compileSelector(selector: LabelSelector): LabelPredicate {
  const pairs = Object.entries(selector.matchLabels ?? {});
  const reqs = (selector.matchExpressions ?? []).map(compileRequirement);
  if (pairs.length === 0 && reqs.length === 0) return MATCH_ALL;
  if (reqs.length === 0 && pairs.length === 1) {
    const [key, value] = pairs[0] as [string, string];
    return (labels) => labelValue(labels, key) === value;
  }
  return (labels) => {
    for (const [key, value] of pairs) {
      if (labelValue(labels, key) !== value) return false;
    }
    for (const req of reqs) {
      if (!req(labels)) return false;
    }
    return true;
  };
}

/** True when the selector has no requirement at all (`{}`): it selects everything. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0
  );
}
