/**
 * DNS: a pod whose egress is isolated cannot resolve names unless a rule lets it reach kube-dns
 * (namespace `kube-system`, pods `k8s-app: kube-dns`, UDP and TCP 53). `findDnsBlocked` says
 * which drawn workloads are cut off, per protocol, with the evaluator's verdict as the reason.
 */
import { createEvaluator, type HypotheticalPod } from '../evaluate/evaluator.ts';
import type { Verdict } from '../evaluate/types.ts';
import { METADATA_NAME_LABEL, type ClusterModel, type NetworkPolicyPeer, type Protocol } from '../model/types.ts';
import type { PortEntry } from './ports.ts';

export const KUBE_DNS_NAMESPACE = 'kube-system';
export const KUBE_DNS_LABELS = { 'k8s-app': 'kube-dns' } as const;

export const KUBE_DNS_PEER: NetworkPolicyPeer = {
  podSelector: { matchLabels: KUBE_DNS_LABELS },
  namespaceSelector: { matchLabels: { [METADATA_NAME_LABEL]: KUBE_DNS_NAMESPACE } },
};

export const DNS_PORTS: readonly PortEntry[] = [
  { protocol: 'TCP', port: 53 },
  { protocol: 'UDP', port: 53 },
];

export const DNS_RULE_COMMENT = 'allows DNS lookups: kube-dns in kube-system on TCP 53, UDP 53';

/** kube-dns as the evaluator sees it (its usual port names, so named ports resolve). */
const KUBE_DNS_POD: HypotheticalPod = {
  namespace: KUBE_DNS_NAMESPACE,
  name: 'kube-dns',
  labels: KUBE_DNS_LABELS,
  ports: [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ],
};

export interface DnsBlocked {
  readonly workloadId: string;
  /** Protocols on which the workload's egress policies refuse port 53 towards kube-dns. */
  readonly protocols: readonly Protocol[];
  /** One verdict per blocked protocol, for the explanation. */
  readonly verdicts: readonly Verdict[];
}

/**
 * The workloads (of `workloadIds`, in that order) whose egress side refuses kube-dns on UDP or
 * TCP 53. Only the egress side counts: whether kube-dns accepts is the cluster's business.
 */
export function findDnsBlocked(model: ClusterModel, workloadIds: readonly string[]): DnsBlocked[] {
  const evaluator = createEvaluator(model);
  const out: DnsBlocked[] = [];
  for (const id of workloadIds) {
    if (!evaluator.resolve(id)) continue;
    const verdicts = (['UDP', 'TCP'] as const)
      .map((protocol) => evaluator.verdict(id, KUBE_DNS_POD, protocol, 53))
      .filter((v) => !v.egress.allowed);
    if (verdicts.length > 0) out.push({ workloadId: id, protocols: verdicts.map((v) => v.protocol), verdicts });
  }
  return out;
}
