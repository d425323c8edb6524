/** Build ClusterModels directly (no YAML) for evaluator tests. */
import {
  METADATA_NAME_LABEL,
  type ClusterModel,
  type ContainerPort,
  type Labels,
  type NetworkPolicy,
  type NetworkPolicySpec,
} from '../../../src/core/model/types.ts';

export interface PodSpec {
  readonly id: string;
  readonly labels?: Labels;
  readonly ports?: readonly ContainerPort[];
  readonly ips?: readonly string[];
}

export function policy(id: string, spec: NetworkPolicySpec): NetworkPolicy {
  const [namespace, name] = id.split('/') as [string, string];
  return { kind: 'NetworkPolicy', namespace, name, spec };
}

export function cluster(
  pods: readonly PodSpec[],
  policies: readonly NetworkPolicy[],
  namespaceLabels: Readonly<Record<string, Labels>> = {},
): ClusterModel {
  const names = new Set([...pods.map((p) => p.id.split('/')[0]!), ...Object.keys(namespaceLabels), ...policies.map((p) => p.namespace)]);
  return {
    namespaces: [...names].sort().map((name) => ({
      kind: 'Namespace' as const,
      name,
      labels: { ...namespaceLabels[name], [METADATA_NAME_LABEL]: name },
      declared: true,
    })),
    pods: pods.map((p) => {
      const [namespace, name] = p.id.split('/') as [string, string];
      return { id: p.id, namespace, name, labels: p.labels ?? {}, ports: p.ports ?? [], ips: p.ips ?? [], workloadId: p.id };
    }),
    workloads: pods.map((p) => {
      const [namespace, name] = p.id.split('/') as [string, string];
      return { id: p.id, kind: 'Pod' as const, namespace, name, labels: p.labels ?? {}, ports: p.ports ?? [], replicas: 1, podIds: [p.id] };
    }),
    policies,
    ignored: [],
    inferredPods: false,
  };
}
