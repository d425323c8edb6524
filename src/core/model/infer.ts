/**
 * Representative pods for a paste of policies alone (no pods, no workloads), so there is
 * something to evaluate and draw. One pod per distinct selector the policies use:
 * - each policy's podSelector, in the policy's namespace;
 * - each peer's podSelector, in the policy's namespace, or with a namespaceSelector in a
 *   namespace that matches it: an existing one, else a new one labelled to match (named after
 *   its `kubernetes.io/metadata.name` value when the selector fixes one);
 * - labels chosen so the selector matches (see infer-labels.ts); an existing inferred pod that
 *   already matches is reused; `{}` adds one generic pod (`pod-1`) to a namespace that has none.
 * Pods and their workloads (kind Pod) are marked `inferred`; the model gets `inferredPods`.
 */
import { namespaceLabels, compareIds } from './build-namespaces.ts';
import { LabelIndex } from './infer-index.ts';
import { labelsSatisfying, nameFromLabels, uniqueName } from './infer-labels.ts';
import { isEmptySelector, matchesSelector } from './selector.ts';
import {
  METADATA_NAME_LABEL,
  type ClusterModel,
  type LabelSelector,
  type Namespace,
  type NetworkPolicy,
  type Pod,
  type Workload,
} from './types.ts';

interface Request {
  readonly namespace: string;
  readonly selector: LabelSelector;
}

class Inference {
  readonly namespaces = new Map<string, Namespace>();
  readonly pods: Pod[] = [];
  readonly workloads: Workload[] = [];
  private readonly podNames = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  private readonly podsByNamespace = new Map<string, { readonly pods: Pod[]; readonly index: LabelIndex }>();

  /** Every namespace ever set, in order, and their labels indexed (an entry replaced later is stale). */
  private readonly namespaceEntries: Namespace[] = [];
  private readonly namespaceIndex = new LabelIndex();
  private sortedNamespaces: Namespace[] | undefined;

  constructor(model: ClusterModel) {
    for (const ns of model.namespaces) this.setNamespace(ns);
  }

  /** A namespace matching `selector`, made up if needed; undefined when none can match. */
  namespaceFor(selector: LabelSelector, policyNamespace: string): string | undefined {
    if (isEmptySelector(selector)) return policyNamespace;
    const existing = this.firstNamespaceMatching(selector);
    if (existing) return existing.name;
    const labels = labelsSatisfying(selector);
    if (!labels) return undefined;
    const fixed = labels[METADATA_NAME_LABEL];
    if (fixed !== undefined) {
      const current = this.namespaces.get(fixed);
      if (current?.declared) return undefined; // its labels are known, and they do not match
      const merged: Namespace = { kind: 'Namespace', name: fixed, labels: namespaceLabels(fixed, labels), declared: false };
      if (!matchesSelector(selector, merged.labels)) return undefined;
      this.setNamespace(merged);
      return fixed;
    }
    // A selector no namespace can satisfy whatever its name (`kubernetes.io/metadata.name` DoesNotExist).
    if (!matchesSelector(selector, namespaceLabels('\u0000', labels))) return undefined;
    const base = nameFromLabels(labels) ?? 'ns';
    const taken = (name: string): boolean =>
      this.namespaces.has(name) || !matchesSelector(selector, namespaceLabels(name, labels));
    const name = uniqueName(base, taken);
    this.setNamespace({ kind: 'Namespace', name, labels: namespaceLabels(name, labels), declared: false });
    return name;
  }

  private setNamespace(ns: Namespace): void {
    this.namespaces.set(ns.name, ns);
    this.namespaceEntries.push(ns);
    this.namespaceIndex.add(ns.labels);
    this.sortedNamespaces = undefined;
  }

  /** The first namespace by name whose labels match (replaced entries of the index are skipped). */
  private firstNamespaceMatching(selector: LabelSelector): Namespace | undefined {
    const candidates = this.namespaceIndex.candidates(selector);
    if (candidates === undefined) {
      this.sortedNamespaces ??= [...this.namespaces.values()].sort((a, b) => compareIds(a.name, b.name));
      return this.sortedNamespaces.find((ns) => matchesSelector(selector, ns.labels));
    }
    let first: Namespace | undefined;
    for (const i of candidates) {
      const ns = this.namespaceEntries[i]!;
      if (this.namespaces.get(ns.name) !== ns || !matchesSelector(selector, ns.labels)) continue;
      if (!first || compareIds(ns.name, first.name) < 0) first = ns;
    }
    return first;
  }

  private hasPodIn(namespace: string, selector?: LabelSelector): boolean {
    const inNamespace = this.podsByNamespace.get(namespace);
    if (!inNamespace) return false;
    if (!selector) return true;
    // Only the pods that carry what the selector needs (not every pod for every request).
    const candidates = inNamespace.index.candidates(selector);
    if (candidates === undefined) return inNamespace.pods.some((p) => matchesSelector(selector, p.labels));
    return candidates.some((i) => matchesSelector(selector, inNamespace.pods[i]!.labels));
  }

  /**
   * uniqueName, resuming where the last search for this base stopped: names are never given
   * back, so the ones it skipped are still taken (thousands of pods named alike stay linear).
   */
  private unusedName(namespace: string, base: string, taken: (name: string) => boolean): string {
    if (!taken(base)) return base;
    const key = `${namespace}/${base}`;
    const start = this.nextSuffix.get(key) ?? 2;
    const name = uniqueName(base, taken, start);
    this.nextSuffix.set(key, Number(name.slice(name.lastIndexOf('-') + 1)) + 1);
    return name;
  }

  addPod(namespace: string, labels: Record<string, string>, base: string | undefined): void {
    const taken = (n: string): boolean => this.podNames.has(`${namespace}/${n}`);
    let name = base === undefined ? undefined : this.unusedName(namespace, base, taken);
    for (let n = 1; name === undefined; n++) if (!taken(`pod-${n}`)) name = `pod-${n}`;
    const id = `${namespace}/${name}`;
    this.podNames.add(id);
    const pod: Pod = { id, namespace, name, labels, ports: [], ips: [], workloadId: id, inferred: true };
    this.pods.push(pod);
    let inNamespace = this.podsByNamespace.get(namespace);
    if (!inNamespace) this.podsByNamespace.set(namespace, (inNamespace = { pods: [], index: new LabelIndex() }));
    inNamespace.pods.push(pod);
    inNamespace.index.add(labels);
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

export function inferPods(model: ClusterModel): ClusterModel {
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

