/**
 * The kinds the model uses, the apiVersion each must have, and List kinds.
 */
import { TEMPLATE_WORKLOAD_KINDS, type TemplateWorkloadKind } from '../model/build-input.ts';
import { editDistance } from './suggest.ts';

export type ModelKind = 'NetworkPolicy' | 'Namespace' | 'Pod' | TemplateWorkloadKind;

/** The one apiVersion a current API server serves each kind at. */
export const API_VERSIONS: Readonly<Record<ModelKind, string>> = {
  NetworkPolicy: 'networking.k8s.io/v1',
  Namespace: 'v1',
  Pod: 'v1',
  ReplicationController: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

/** Versions that once served these kinds and were removed: why the API server refuses them. */
export const REMOVED_API_VERSIONS: Readonly<Record<string, string>> = {
  'extensions/v1beta1': 'removed in Kubernetes 1.16',
  'apps/v1beta1': 'removed in Kubernetes 1.16',
  'apps/v1beta2': 'removed in Kubernetes 1.16',
  'batch/v1beta1': 'removed in Kubernetes 1.25',
  'batch/v2alpha1': 'removed in Kubernetes 1.21',
};

export const MODEL_KINDS: readonly ModelKind[] = Object.keys(API_VERSIONS) as ModelKind[];

export function isModelKind(kind: string): kind is ModelKind {
  return Object.prototype.hasOwnProperty.call(API_VERSIONS, kind);
}

export function isWorkloadKind(kind: ModelKind): kind is TemplateWorkloadKind {
  return (TEMPLATE_WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/**
 * Kinds the simulation ignores but `connlist --compat npguard` reads for the ingress controller
 * (parse/read-ingress-objects.ts): they stay "ignored" objects, never errors.
 */
export const INGRESS_OBJECT_KINDS: readonly string[] = ['Service', 'Route', 'Ingress'];

export function isIngressObjectKind(kind: string): boolean {
  return INGRESS_OBJECT_KINDS.includes(kind);
}

/** `List`, or a typed list such as `PodList` (then items may omit their kind). */
export function isListKind(kind: string, items: unknown): boolean {
  if (kind === 'List') return true;
  return kind.length > 4 && kind.endsWith('List') && (items === undefined || items === null || Array.isArray(items));
}

/** The kind of the items of a typed list (`PodList` → `Pod`); undefined for `List`. */
export function itemKindOf(listKind: string): string | undefined {
  return listKind === 'List' ? undefined : listKind.slice(0, -4);
}

function plural(kind: string): string {
  return kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

/** The model kind a misspelt kind most likely means (`networkpolicy`, `Deployments`). */
export function guessModelKind(kind: string): ModelKind | undefined {
  const lower = kind.toLowerCase();
  return MODEL_KINDS.find((k) => {
    const kl = k.toLowerCase();
    if (lower === kl || lower === plural(k).toLowerCase()) return true;
    return kind.length >= 6 && editDistance(lower, kl) <= 1;
  });
}
