/**
 * Per-namespace default deny: which namespaces get `default-deny-ingress` / `default-deny-egress`
 * (the style's default, overridden by the toggles), and whether a hand-written policy of the
 * namespace already does the same (then none is generated).
 */
import { effectivePolicyTypes } from '../evaluate/compile.ts';
import { isEmptySelector } from '../model/selector.ts';
import type { ClusterModel, NetworkPolicy } from '../model/types.ts';
import type { GeneratorSettings } from './intent.ts';
import { isGeneratedPolicy } from './managed.ts';

export type PolicyDirection = 'ingress' | 'egress';

/** Namespaces zero-trust leaves alone unless toggled: locking the cluster's own DNS is rarely meant. */
const SYSTEM_NAMESPACES = new Set(['kube-system']);

/** Whether the policy selects every pod of its namespace for the direction. */
export function isolatesNamespace(policy: NetworkPolicy, direction: PolicyDirection): boolean {
  const type = direction === 'ingress' ? 'Ingress' : 'Egress';
  return isEmptySelector(policy.spec.podSelector) && effectivePolicyTypes(policy).includes(type);
}

/** A hand-written policy that denies all of the direction to every pod of the namespace. */
export function deniesAll(policy: NetworkPolicy, direction: PolicyDirection): boolean {
  const rules = direction === 'ingress' ? policy.spec.ingress : policy.spec.egress;
  return !isGeneratedPolicy(policy) && isolatesNamespace(policy, direction) && (rules ?? []).length === 0;
}

export interface DefaultDeny {
  readonly namespace: string;
  readonly direction: PolicyDirection;
  /** A hand-written policy already denies it: nothing to generate. */
  readonly present: boolean;
}

/** Namespaces and directions that deny by default, as the style and toggles want, sorted by namespace. */
export function defaultDenyPlan(model: ClusterModel, settings: GeneratorSettings): DefaultDeny[] {
  const withWorkloads = new Set(model.workloads.map((w) => w.namespace));
  const names = [...new Set([...model.namespaces.map((n) => n.name), ...Object.keys(settings.defaultDeny ?? {})])].sort();
  const plan: DefaultDeny[] = [];
  for (const namespace of names) {
    const byStyle = settings.style === 'zero-trust' && withWorkloads.has(namespace) && !SYSTEM_NAMESPACES.has(namespace);
    for (const direction of ['ingress', 'egress'] as const) {
      const wanted = settings.defaultDeny?.[namespace]?.[direction] ?? byStyle;
      const present = model.policies.some((p) => p.namespace === namespace && deniesAll(p, direction));
      if (wanted) plan.push({ namespace, direction, present });
    }
  }
  return plan;
}
