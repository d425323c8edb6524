/**
 * selectWorkload: the smallest set of a workload's own labels (as `matchLabels`) that selects
 * every pod of the workload and no other known pod of its namespace. Peers in other namespaces
 * pin the namespace with `kubernetes.io/metadata.name`, so one namespace is always the scope.
 *
 * Preference: fewer labels first; among sets of one size, the well-known keys
 * (`app.kubernetes.io/name`, then `app`, `k8s-app`, ...) before other keys in code-unit order.
 * Labels that change on every rollout (`pod-template-hash`, ...) are never used. The empty
 * set is never chosen (`podSelector: {}` means "every pod of the namespace", not a workload).
 */
import type { ClusterModel, Labels, Pod } from '../model/types.ts';
import type { LabelSuggestion, WorkloadSelection } from './intent.ts';

const PREFERRED_KEYS = [
  'app.kubernetes.io/name',
  'app',
  'k8s-app',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
  'component',
  'name',
  'role',
  'tier',
];

/** Set by controllers and different for every rollout or pod: a policy must not depend on them. */
const VOLATILE_KEYS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'controller-uid',
  'batch.kubernetes.io/controller-uid',
]);

/** At most this many keys are combined (2^12 sets); real workloads have far fewer labels. */
const MAX_KEYS = 12;

function rankKeys(keys: readonly string[]): string[] {
  const rank = (k: string): number => {
    const i = PREFERRED_KEYS.indexOf(k);
    return i < 0 ? PREFERRED_KEYS.length : i;
  };
  return keys
    .filter((k) => !VOLATILE_KEYS.has(k))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_KEYS);
}

/** Labels every pod of the workload carries with the same value. */
function commonLabels(pods: readonly Pod[], fallback: Labels): Labels {
  const [first, ...rest] = pods;
  if (!first) return fallback;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(first.labels)) {
    if (rest.every((p) => Object.prototype.hasOwnProperty.call(p.labels, k) && p.labels[k] === v)) out[k] = v;
  }
  return out;
}

/** Combinations of `size` indices out of `n`, in lexicographic order. */
function* combinations(n: number, size: number): Generator<number[]> {
  const idx = Array.from({ length: size }, (_, i) => i);
  while (true) {
    yield idx;
    let i = size - 1;
    while (i >= 0 && idx[i] === n - size + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < size; j++) idx[j] = idx[j - 1]! + 1;
  }
}

function matchesAll(labels: Labels, pairs: readonly (readonly [string, string])[]): boolean {
  return pairs.every(([k, v]) => Object.prototype.hasOwnProperty.call(labels, k) && labels[k] === v);
}

/** A label value from a workload name (at most 63 characters, alphanumeric at both ends). */
function labelValueOf(name: string): string {
  return name.slice(0, 63).replace(/[^A-Za-z0-9]+$/, '') || 'workload';
}

function suggest(labels: Labels, name: string, others: readonly Pod[]): LabelSuggestion {
  const base = labelValueOf(name);
  for (let n = 1; ; n++) {
    const value = n === 1 ? base : `${base.slice(0, 60).replace(/[^A-Za-z0-9]+$/, '')}-${n}`;
    for (const key of ['app.kubernetes.io/name', 'app', 'app.kubernetes.io/instance']) {
      if (key in labels) continue;
      if (!others.some((p) => p.labels[key] === value)) return { key, value };
    }
    if (n > 1000) return { key: 'app.kubernetes.io/instance', value };
  }
}

export function selectWorkload(model: ClusterModel, workloadId: string): WorkloadSelection {
  const workload = model.workloads.find((w) => w.id === workloadId);
  if (!workload) return { problem: `${workloadId} is not a workload of the cluster` };
  const own = model.pods.filter((p) => p.workloadId === workloadId);
  const others = model.pods.filter((p) => p.namespace === workload.namespace && p.workloadId !== workloadId);
  const labels = commonLabels(own, workload.labels);
  const keys = rankKeys(Object.keys(labels));
  for (let size = 1; size <= keys.length; size++) {
    for (const combo of combinations(keys.length, size)) {
      const pairs = combo.map((i) => [keys[i]!, labels[keys[i]!]!] as const);
      if (!others.some((p) => matchesAll(p.labels, pairs))) return { selector: { matchLabels: Object.fromEntries(pairs) } };
    }
  }
  const why =
    keys.length === 0
      ? `${workloadId} has no labels a policy can select it by`
      : `every set of ${workloadId}'s labels also selects other pods of namespace ${workload.namespace}`;
  const suggestion = suggest(labels, workload.name, others);
  return {
    problem: `${why}; add a label that only it carries, e.g. ${suggestion.key}: ${suggestion.value}`,
    suggestion,
  };
}
