/**
 * What every lint rule asks about a cluster, computed once and shared: pods grouped into classes
 * of identical namespace and labels (selectors cannot tell them apart, so a selector is matched
 * once per class, not once per pod), which classes a policy selects, which a peer admits.
 * Cost: O(pods) to build; each distinct selector is matched once against the classes that a
 * label index says could match it (those carrying its matchLabels, or the keys its In and Exists
 * need), so thousands of peers over thousands of classes do not cost their product.
 */
import type { CompiledPeer, CompiledPolicy } from '../evaluate/compile.ts';
import { IndexedLabels } from '../evaluate/classes.ts';
import type { Evaluator } from '../evaluate/evaluator.ts';
import { METADATA_NAME_LABEL, type ClusterModel, type Labels, type Pod } from '../model/types.ts';

/** Pods of one namespace that carry exactly the same labels. */
export interface LabelClass {
  readonly namespace: string;
  readonly labels: Labels;
  readonly pods: readonly Pod[];
}

export interface LintContext {
  readonly model: ClusterModel;
  readonly evaluator: Evaluator;
  readonly policies: readonly CompiledPolicy[];
  /**
   * Only policies were given (no pods or workloads): the pods are inferred from the selectors
   * (docs/import.md), so they say nothing about the real cluster. Rules that judge the cluster
   * (coverage, named ports) stay quiet, and "selects nothing" means "no labels can satisfy it".
   */
  readonly policyOnly: boolean;
  /** Every class, namespaces in model order. */
  readonly classes: readonly LabelClass[];
  classesIn(namespace: string): readonly LabelClass[];
  labelsOfNamespace(namespace: string): Labels;
  /** Classes the policy's podSelector selects (in its namespace). */
  selectedClasses(policy: CompiledPolicy): readonly LabelClass[];
  /** Classes a selector peer admits (none for an ipBlock peer). */
  peerClasses(peer: CompiledPeer): readonly LabelClass[];
  /** Namespaces (by name) whose labels a namespaceSelector peer matches. */
  peerNamespaces(peer: CompiledPeer): readonly string[];
  /** Namespaces with a pod the peer's podSelector matches, ignoring where the peer looks. */
  podSelectorNamespaces(peer: CompiledPeer): readonly string[];
}

function labelsKey(labels: Labels): string {
  return JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}

/** Sorted ids per class list: rules ask again for the same list (a policy's pods, per peer). */
const podIdsCache = new WeakMap<readonly LabelClass[], readonly string[]>();

/** The sorted ids of the classes' pods (a fresh array: findings own theirs). */
export function podIdsOf(classes: readonly LabelClass[]): string[] {
  let ids = podIdsCache.get(classes);
  if (!ids) {
    ids = classes.flatMap((c) => c.pods.map((p) => p.id)).sort();
    podIdsCache.set(classes, ids);
  }
  return ids.slice();
}

export function createLintContext(model: ClusterModel, evaluator: Evaluator): LintContext {
  const byNamespace = new Map<string, Map<string, { namespace: string; labels: Labels; pods: Pod[] }>>();
  for (const pod of model.pods) {
    let classes = byNamespace.get(pod.namespace);
    if (!classes) byNamespace.set(pod.namespace, (classes = new Map()));
    const key = labelsKey(pod.labels);
    const found = classes.get(key);
    if (found) found.pods.push(pod);
    else classes.set(key, { namespace: pod.namespace, labels: pod.labels, pods: [pod] });
  }
  const classesByNamespace = new Map<string, LabelClass[]>([...byNamespace].map(([ns, m]) => [ns, [...m.values()]]));
  const namespaceLabels = new Map(model.namespaces.map((ns) => [ns.name, ns.labels]));
  const namespaceNames = [...new Set([...model.namespaces.map((ns) => ns.name), ...classesByNamespace.keys()])];
  const labelsOfNamespace = (name: string): Labels => namespaceLabels.get(name) ?? { [METADATA_NAME_LABEL]: name };
  const classesIn = (namespace: string): readonly LabelClass[] => classesByNamespace.get(namespace) ?? [];
  // Selectors are checked only against the classes (and namespaces) that could match them.
  const indexes = new Map<string, IndexedLabels<LabelClass>>();
  const indexIn = (namespace: string): IndexedLabels<LabelClass> => {
    let index = indexes.get(namespace);
    if (!index) indexes.set(namespace, (index = new IndexedLabels(classesIn(namespace).map((c) => ({ item: c, labels: c.labels })))));
    return index;
  };
  const everyClass = new IndexedLabels([...classesByNamespace.values()].flat().map((c) => ({ item: c, labels: c.labels })));
  const namespaceIndex = new IndexedLabels(namespaceNames.map((name) => ({ item: name, labels: labelsOfNamespace(name) })));

  const selected = new Map<string, readonly LabelClass[]>();
  const peers = new Map<string, readonly LabelClass[]>();
  const peerNs = new Map<string, readonly string[]>();
  const anywhere = new Map<string, readonly string[]>();

  const peerNamespaces = (peer: CompiledPeer): readonly string[] => {
    if (peer.kind !== 'selector') return [];
    if (peer.sameNamespace !== undefined) return [peer.sameNamespace];
    let names = peerNs.get(peer.key);
    if (!names) {
      const match = peer.namespaceMatch;
      names = match ? namespaceIndex.matching(peer.namespaceSelector, match) : [];
      peerNs.set(peer.key, names);
    }
    return names;
  };

  return {
    model,
    evaluator,
    policies: evaluator.policies,
    policyOnly: model.inferredPods || model.workloads.length === 0,
    classes: namespaceNames.flatMap((ns) => classesIn(ns)),
    classesIn,
    labelsOfNamespace,
    selectedClasses(policy) {
      let found = selected.get(policy.id);
      if (!found) {
        found = indexIn(policy.namespace).matching(policy.policy.spec.podSelector, policy.selects);
        selected.set(policy.id, found);
      }
      return found;
    },
    peerClasses(peer) {
      if (peer.kind !== 'selector') return [];
      let found = peers.get(peer.key);
      if (!found) {
        found = peerNamespaces(peer).flatMap((ns) => indexIn(ns).matching(peer.podSelector, peer.podMatch));
        peers.set(peer.key, found);
      }
      return found;
    },
    peerNamespaces,
    podSelectorNamespaces(peer) {
      if (peer.kind !== 'selector') return [];
      const key = peer.key.slice(peer.key.indexOf('|pod:'));
      let names = anywhere.get(key);
      if (!names) {
        const found = new Set<string>();
        for (const c of everyClass.matching(peer.podSelector, peer.podMatch)) found.add(c.namespace);
        names = [...found];
        anywhere.set(key, names);
      }
      return names;
    },
  };
}
