/**
 * What `buildModel` consumes: the typed, validated objects of a paste. The parser (core/parse)
 * produces them; the model builder turns them into one ClusterModel. Namespaces default to
 * `default` before they get here.
 */
import type {
  ContainerPort,
  Labels,
  NetworkPolicy,
  Pod,
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
export interface PodManifest
  extends Pick<Pod, 'name' | 'namespace' | 'labels' | 'ports' | 'ips' | 'ownerReferences' | 'source'> {
  readonly kind: 'Pod';
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
