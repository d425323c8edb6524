/**
 * Pods inferred from pasted policies (docs/import.md, "Inference") have no manifest, so their
 * labels cannot be edited. Writing them out as Pod manifests (with the namespaces inference
 * labelled) gives the user real objects to change, and the same verdicts as before: inference
 * stops once pods exist, and the written pods carry exactly the labels inference gave them.
 */
import { METADATA_NAME_LABEL, type ClusterModel, type Labels } from '../model/types.ts';
import type { ClusterObject } from './cluster-docs.ts';

function withoutNameLabel(labels: Labels): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (k !== METADATA_NAME_LABEL) out[k] = v;
  return out;
}

/** Namespace and Pod objects standing for the model's inferred pods (none when nothing is inferred). */
export function inferredPodManifests(model: ClusterModel): ClusterObject[] {
  if (!model.inferredPods) return [];
  const pods = model.pods.filter((p) => p.inferred);
  const used = new Set(pods.map((p) => p.namespace));
  const namespaces: ClusterObject[] = model.namespaces
    .filter((ns) => !ns.declared && used.has(ns.name))
    .map((ns) => ({ kind: 'Namespace', name: ns.name, labels: withoutNameLabel(ns.labels) }));
  const workloads: ClusterObject[] = pods.map((p) => ({ kind: 'Pod', namespace: p.namespace, name: p.name, labels: { ...p.labels }, ports: [] }));
  return [...namespaces, ...workloads];
}
