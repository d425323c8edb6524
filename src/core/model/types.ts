/**
 * Kubernetes objects as readonly typed values: the vocabulary shared by parse, evaluate,
 * generate, lint, the CLI and the UI. Absent and empty are kept apart on purpose
 * (`ingress: undefined` and `ingress: []` mean different things in Kubernetes).
 */

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values?: readonly string[];
}

/** A Kubernetes label selector. `{}` (no fields) selects everything in its scope. */
export interface LabelSelector {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** Where an object or field came from in the user's text. Lines and columns are 1-based. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface SourceRef extends SourcePosition {
  /** 0-based index of the YAML document within its file. */
  readonly documentIndex: number;
  /** Path of the object inside a List (`items[3]`), empty for a top-level object. */
  readonly itemPath?: string;
}

export type PolicyType = 'Ingress' | 'Egress';

export interface IPBlock {
  readonly cidr: string;
  readonly except?: readonly string[];
}

/**
 * One peer of a rule. Exactly one shape, as the API server enforces:
 * selectors (pod, namespace or both: AND) or an ipBlock.
 */
export type NetworkPolicyPeer =
  | {
      readonly podSelector?: LabelSelector;
      readonly namespaceSelector?: LabelSelector;
      readonly ipBlock?: undefined;
    }
  | { readonly ipBlock: IPBlock; readonly podSelector?: undefined; readonly namespaceSelector?: undefined };

export interface NetworkPolicyPort {
  /** Defaults to TCP when absent. */
  readonly protocol?: Protocol;
  /** Absent: every port of the protocol. A string is a named container port. */
  readonly port?: number | string;
  readonly endPort?: number;
}

export interface NetworkPolicyIngressRule {
  readonly from?: readonly NetworkPolicyPeer[];
  readonly ports?: readonly NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  readonly to?: readonly NetworkPolicyPeer[];
  readonly ports?: readonly NetworkPolicyPort[];
}

export interface NetworkPolicySpec {
  readonly podSelector: LabelSelector;
  /** As written. Use `effectivePolicyTypes` for the API server's defaulting. */
  readonly policyTypes?: readonly PolicyType[];
  readonly ingress?: readonly NetworkPolicyIngressRule[];
  readonly egress?: readonly NetworkPolicyEgressRule[];
}

export interface NetworkPolicy {
  readonly kind: 'NetworkPolicy';
  readonly name: string;
  readonly namespace: string;
  readonly labels?: Labels;
  readonly spec: NetworkPolicySpec;
  readonly source?: SourceRef;
}

export interface Namespace {
  readonly kind: 'Namespace';
  readonly name: string;
  /** Always includes `kubernetes.io/metadata.name: <name>`. */
  readonly labels: Labels;
  /** False when the namespace was only referenced (by a pod, workload or policy), not declared. */
  readonly declared: boolean;
  readonly source?: SourceRef;
}

export interface ContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

export type WorkloadKind =
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'Job'
  | 'CronJob';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
];

export interface OwnerReference {
  readonly kind: string;
  readonly name: string;
  readonly controller?: boolean;
}

/**
 * A pod: either declared by a Pod manifest, or standing for the pods of a workload's template,
 * or inferred from the selectors of pasted policies. Id: `<namespace>/<name>`.
 */
export interface Pod {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  /** Pod IPs (status.podIP / status.podIPs), IPv4 or IPv6. */
  readonly ips: readonly string[];
  readonly ownerReferences?: readonly OwnerReference[];
  /** Id of the workload this pod belongs to. */
  readonly workloadId: string;
  /** True for a pod that stands for a workload's template rather than a declared Pod. */
  readonly fromTemplate?: boolean;
  /** True for a representative pod invented from a policy selector. */
  readonly inferred?: boolean;
  readonly source?: SourceRef;
}

/**
 * A workload: a Deployment (etc.) manifest, the controller owner of declared pods,
 * or a standalone Pod. Id: `<namespace>/<name>` (with `[Kind]` appended only on a clash).
 */
export interface Workload {
  readonly id: string;
  readonly kind: WorkloadKind;
  readonly namespace: string;
  readonly name: string;
  /** Template labels (or the labels of its first pod). */
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly replicas: number;
  /** Ids of the pods that stand for this workload (at least one). */
  readonly podIds: readonly string[];
  readonly inferred?: boolean;
  readonly source?: SourceRef;
}

export interface IgnoredObject {
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly source: SourceRef;
}

/** Everything the evaluator needs: one immutable snapshot of a cluster and its policies. */
export interface ClusterModel {
  readonly namespaces: readonly Namespace[];
  readonly pods: readonly Pod[];
  readonly workloads: readonly Workload[];
  readonly policies: readonly NetworkPolicy[];
  readonly ignored: readonly IgnoredObject[];
  /** True when pods were inferred from policy selectors (no workloads in the input). */
  readonly inferredPods: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

/** Errors are values: a stable code, a message, where it is, and which field. */
export interface Issue {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Field path inside the object, e.g. `spec.ingress[0].from[1].ipBlock.except[0]`. */
  readonly path?: string;
  /** 1-based line/column where the offending range ends, when known. */
  readonly endLine?: number;
  readonly endColumn?: number;
  /** How to fix it, in plain words (lint warnings always have one). */
  readonly fix?: string;
}

export const METADATA_NAME_LABEL = 'kubernetes.io/metadata.name';
