/**
 * The marker of generated policies: the label `app.kubernetes.io/managed-by: netpol-canvas`
 * on the policy's metadata (the Kubernetes recommended label for the tool managing an object).
 * Sync replaces and deletes only documents that carry it; remove the label to take a policy
 * over by hand, and the generator never touches it again.
 */
import type { ClusterModel, NetworkPolicy } from '../model/types.ts';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'netpol-canvas';

export function isGeneratedPolicy(policy: NetworkPolicy): boolean {
  return policy.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
}

function comparePolicies(a: NetworkPolicy, b: NetworkPolicy): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The model with its generated policies replaced by `policies` (hand-written ones kept), sorted
 * as `buildModel` sorts: what the cluster looks like once the generated YAML is applied.
 */
export function withGeneratedPolicies(model: ClusterModel, policies: readonly NetworkPolicy[]): ClusterModel {
  const kept = model.policies.filter((p) => !isGeneratedPolicy(p));
  return { ...model, policies: [...kept, ...policies].sort(comparePolicies) };
}
