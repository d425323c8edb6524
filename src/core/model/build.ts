/**
 * buildModel: the typed objects of a paste to one ClusterModel. Later duplicates (same kind,
 * namespace and name) replace earlier ones, as `kubectl apply` would; pods and workloads come
 * from build-workloads.ts; when there are policies but no pods or workloads at all,
 * representative pods are inferred from the policies' selectors (infer.ts). Everything is
 * sorted by id, so the same input always gives the same model.
 */
import type { ManifestResource, NamespaceManifest, PodManifest, WorkloadManifest } from './build-input.ts';
import { buildNamespaces, compareIds } from './build-namespaces.ts';
import { buildWorkloads } from './build-workloads.ts';
import { inferPods } from './infer.ts';
import type { ClusterModel, IgnoredObject, NetworkPolicy } from './types.ts';

export interface BuildOptions {
  /** Infer representative pods when the input has policies but no pods or workloads. Default true. */
  readonly inferPods?: boolean;
}

/** Key of an object for duplicate detection: kind, namespace, name. */
export function resourceKey(r: ManifestResource): string {
  return `${r.kind}\u0000${r.kind === 'Namespace' ? '' : r.namespace}\u0000${r.name}`;
}

/** The resources with earlier duplicates dropped, in input order. */
export function dropDuplicates(resources: readonly ManifestResource[]): ManifestResource[] {
  const last = new Map<string, number>();
  resources.forEach((r, i) => last.set(resourceKey(r), i));
  return resources.filter((r, i) => last.get(resourceKey(r)) === i);
}

function comparePolicies(a: NetworkPolicy, b: NetworkPolicy): number {
  return compareIds(a.namespace, b.namespace) || compareIds(a.name, b.name);
}

export function buildModel(
  resources: readonly ManifestResource[],
  ignored: readonly IgnoredObject[] = [],
  options: BuildOptions = {},
): ClusterModel {
  const namespaces: NamespaceManifest[] = [];
  const podsAndWorkloads: (PodManifest | WorkloadManifest)[] = [];
  const policies: NetworkPolicy[] = [];
  for (const r of dropDuplicates(resources)) {
    if (r.kind === 'Namespace') namespaces.push(r);
    else if (r.kind === 'NetworkPolicy') policies.push(r);
    else podsAndWorkloads.push(r);
  }
  const { pods, workloads } = buildWorkloads(podsAndWorkloads);
  const referenced = [...pods, ...workloads, ...policies].map((o) => o.namespace);
  const model: ClusterModel = {
    namespaces: buildNamespaces(namespaces, referenced),
    pods: pods.sort((a, b) => compareIds(a.id, b.id)),
    workloads: workloads.sort((a, b) => compareIds(a.id, b.id)),
    policies: policies.sort(comparePolicies),
    ignored: [...ignored],
    inferredPods: false,
  };
  const infer = options.inferPods !== false && policies.length > 0 && pods.length === 0 && workloads.length === 0;
  return infer ? inferPods(model) : model;
}
