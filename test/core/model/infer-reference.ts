/**
 * The straightforward inference (as it was before the label indexes): every request scans every
 * inferred pod, every namespace selector sorts and scans every namespace, every taken name is
 * tried from -2. The property tests check that inferPods gives exactly the same model.
 */
import { namespaceLabels, compareIds } from '../../../src/core/model/build-namespaces.ts';
import { labelsSatisfying, nameFromLabels, uniqueName } from '../../../src/core/model/infer-labels.ts';
import { isEmptySelector, matchesSelector } from '../../../src/core/model/selector.ts';
import {
  METADATA_NAME_LABEL,
  type ClusterModel,
  type LabelSelector,
  type Namespace,
  type NetworkPolicy,
  type Pod,
  type Workload,
} from '../../../src/core/model/types.ts';

interface Request {
  readonly namespace: string;
  readonly selector: LabelSelector;
}

class Inference {
  readonly namespaces = new Map<string, Namespace>();
  readonly pods: Pod[] = [];
  readonly workloads: Workload[] = [];
  private readonly podNames = new Set<string>();

  constructor(model: ClusterModel) {
    for (const ns of model.namespaces) this.namespaces.set(ns.name, ns);
  }

  /** A namespace matching `selector`, made up if needed; undefined when none can match. */
  namespaceFor(selector: LabelSelector, policyNamespace: string): string | undefined {
    if (isEmptySelector(selector)) return policyNamespace;
    const sorted = [...this.namespaces.values()].sort((a, b) => compareIds(a.name, b.name));
    const existing = sorted.find((ns) => matchesSelector(selector, ns.labels));
    if (existing) return existing.name;
    const labels = labelsSatisfying(selector);
    if (!labels) return undefined;
    const fixed = labels[METADATA_NAME_LABEL];
    if (fixed !== undefined) {
      const current = this.namespaces.get(fixed);
      if (current?.declared) return undefined; // its labels are known, and they do not match
      const merged: Namespace = { kind: 'Namespace', name: fixed, labels: namespaceLabels(fixed, labels), declared: false };
      if (!matchesSelector(selector, merged.labels)) return undefined;
      this.namespaces.set(fixed, merged);
      return fixed;
    }
    // A selector no namespace can satisfy whatever its name (`kubernetes.io/metadata.name` DoesNotExist).
    if (!matchesSelector(selector, namespaceLabels('\u0000', labels))) return undefined;
    const base = nameFromLabels(labels) ?? 'ns';
    const taken = (name: string): boolean =>
      this.namespaces.has(name) || !matchesSelector(selector, namespaceLabels(name, labels));
    const name = uniqueName(base, taken);
    this.namespaces.set(name, { kind: 'Namespace', name, labels: namespaceLabels(name, labels), declared: false });
    return name;
  }

  private hasPodIn(namespace: string, selector?: LabelSelector): boolean {
    return this.pods.some((p) => p.namespace === namespace && (!selector || matchesSelector(selector, p.labels)));
  }

  addPod(namespace: string, labels: Record<string, string>, base: string | undefined): void {
    const taken = (n: string): boolean => this.podNames.has(`${namespace}/${n}`);
    let name = base === undefined ? undefined : uniqueName(base, taken);
    for (let n = 1; name === undefined; n++) if (!taken(`pod-${n}`)) name = `pod-${n}`;
    const id = `${namespace}/${name}`;
    this.podNames.add(id);
    this.pods.push({ id, namespace, name, labels, ports: [], ips: [], workloadId: id, inferred: true });
    this.workloads.push({ id, kind: 'Pod', namespace, name, labels, ports: [], replicas: 1, podIds: [id], inferred: true });
  }

  addFor(req: Request): void {
    if (isEmptySelector(req.selector) || this.hasPodIn(req.namespace, req.selector)) return;
    const labels = labelsSatisfying(req.selector);
    if (!labels) return;
    this.addPod(req.namespace, { ...labels }, nameFromLabels(labels));
  }

  addGeneric(namespace: string): void {
    if (!this.hasPodIn(namespace)) this.addPod(namespace, {}, undefined);
  }
}

function requestsOf(policy: NetworkPolicy, inference: Inference): Request[] {
  const ns = policy.namespace;
  const out: Request[] = [{ namespace: ns, selector: policy.spec.podSelector }];
  const peerLists = [
    ...(policy.spec.ingress ?? []).map((r) => r.from),
    ...(policy.spec.egress ?? []).map((r) => r.to),
  ];
  for (const peers of peerLists) {
    for (const peer of peers ?? []) {
      if (peer.ipBlock) continue;
      if (peer.namespaceSelector) {
        const target = inference.namespaceFor(peer.namespaceSelector, ns);
        if (target !== undefined) out.push({ namespace: target, selector: peer.podSelector ?? {} });
      } else if (peer.podSelector) {
        out.push({ namespace: ns, selector: peer.podSelector });
      }
    }
  }
  return out;
}

export function inferPodsReference(model: ClusterModel): ClusterModel {
  const inference = new Inference(model);
  const requests = model.policies.flatMap((p) => requestsOf(p, inference));
  for (const req of requests) inference.addFor(req);
  for (const req of requests) if (isEmptySelector(req.selector)) inference.addGeneric(req.namespace);
  if (inference.pods.length === 0) return model;
  return {
    ...model,
    namespaces: [...inference.namespaces.values()].sort((a, b) => compareIds(a.name, b.name)),
    pods: inference.pods.sort((a, b) => compareIds(a.id, b.id)),
    workloads: inference.workloads.sort((a, b) => compareIds(a.id, b.id)),
    inferredPods: true,
  };
}

