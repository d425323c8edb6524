/**
 * What `buildModel` consumes: the typed, validated objects of a paste. The parser (core/parse)
 * produces them; the model builder turns them into one ClusterModel. Namespaces default to
 * `default` before they get here.
 */
import type {
  ContainerPort,
  Labels,
  NetworkPolicy,
  OwnerReference,
  SourceRef,
  WorkloadKind,
} from './types.ts';

/** A declared Namespace (its labels as written: the builder adds `kubernetes.io/metadata.name`). */
export interface NamespaceManifest {
  readonly kind: 'Namespace';
  readonly name: string;
  readonly labels: Labels;
  readonly source?: SourceRef;
}

/** A declared Pod. */
export interface PodManifest {
  readonly kind: 'Pod';
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  /** Ports of every container (protocol already defaulted to TCP). */
  readonly ports: readonly ContainerPort[];
  /** `status.podIP` and `status.podIPs[].ip`, deduplicated. */
  readonly ips: readonly string[];
  readonly ownerReferences?: readonly OwnerReference[];
  readonly source?: SourceRef;
}

export type TemplateWorkloadKind = Exclude<WorkloadKind, 'Pod'>;

/** A workload manifest (Deployment, ..., CronJob): its pod template stands for its pods. */
export interface WorkloadManifest {
  readonly kind: TemplateWorkloadKind;
  readonly name: string;
  readonly namespace: string;
  /** Labels of the pod template (`spec.template.metadata.labels`). */
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  /** spec.replicas, Job parallelism, ... (already defaulted). */
  readonly replicas: number;
  readonly source?: SourceRef;
}

/** One object the model is built from. */
export type ManifestResource = NetworkPolicy | NamespaceManifest | PodManifest | WorkloadManifest;

export const TEMPLATE_WORKLOAD_KINDS: readonly TemplateWorkloadKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
];
