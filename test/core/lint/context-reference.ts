/**
 * The lint context as it was before the label indexes (every selector checked against every
 * class of the namespaces it looks in). lint-scale.property.test.ts runs every rule on it and on
 * createLintContext, and the warnings must be the same.
 */
import type { CompiledPeer, CompiledPolicy } from '../../../src/core/evaluate/compile.ts';
import type { Evaluator } from '../../../src/core/evaluate/evaluator.ts';
import { METADATA_NAME_LABEL, type ClusterModel, type Labels, type Pod } from '../../../src/core/model/types.ts';
import type { LabelClass, LintContext } from '../../../src/core/lint/context.ts';

function labelsKey(labels: Labels): string {
  return JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}

export function createLintContextReference(model: ClusterModel, evaluator: Evaluator): LintContext {
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
      names = match ? namespaceNames.filter((name) => match(labelsOfNamespace(name))) : [];
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
        found = classesIn(policy.namespace).filter((c) => policy.selects(c.labels));
        selected.set(policy.id, found);
      }
      return found;
    },
    peerClasses(peer) {
      if (peer.kind !== 'selector') return [];
      let found = peers.get(peer.key);
      if (!found) {
        found = peerNamespaces(peer).flatMap((ns) => classesIn(ns).filter((c) => peer.podMatch(c.labels)));
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
        for (const [ns, classes] of classesByNamespace) if (classes.some((c) => peer.podMatch(c.labels))) found.add(ns);
        names = [...found];
        anywhere.set(key, names);
      }
      return names;
    },
  };
}
