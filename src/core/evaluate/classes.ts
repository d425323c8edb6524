/**
 * Pods that every policy must treat alike are grouped into classes: same namespace, same labels,
 * same named ports and (when ipBlocks match pods) the same ipBlocks containing their IPs.
 * The matrix is computed per class, so work grows with distinct workloads, not pods.
 */
import { LabelIndex } from '../model/infer-index.ts';
import { containsIp } from '../model/ipset.ts';
import type { LabelSelector, Labels } from '../model/types.ts';
import type { CompiledIpBlockPeer, CompiledPolicy, CompiledRule } from './compile.ts';
import type { MatchOptions, PodEndpoint } from './match.ts';

export interface PodClasses {
  /** One representative endpoint per class. */
  readonly representatives: readonly PodEndpoint[];
  /** Class index of every pod, in the order given. */
  readonly classOfPod: Int32Array;
  /** Class indices per namespace name. */
  readonly classesByNamespace: ReadonlyMap<string, readonly number[]>;
}

function labelsKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function namedPortsKey(pod: PodEndpoint): string {
  return pod.ports
    .filter((p) => p.name !== undefined)
    .map((p) => `${p.name}/${p.protocol}/${p.containerPort}`)
    .sort()
    .join(',');
}

export function distinctIpBlockPeers(policies: readonly CompiledPolicy[]): CompiledIpBlockPeer[] {
  const seen = new Map<string, CompiledIpBlockPeer>();
  for (const policy of policies) {
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind === 'ipBlock' && !seen.has(peer.key)) seen.set(peer.key, peer);
      }
    }
  }
  return [...seen.values()];
}

export function groupPodClasses(
  pods: readonly PodEndpoint[],
  policies: readonly CompiledPolicy[],
  options: MatchOptions,
): PodClasses {
  const ipPeers = options.ipBlockMatchesPods ? distinctIpBlockPeers(policies) : [];
  const byKey = new Map<string, number>();
  const representatives: PodEndpoint[] = [];
  const classOfPod = new Int32Array(pods.length);
  const classesByNamespace = new Map<string, number[]>();
  pods.forEach((pod, i) => {
    let ipSignature = '';
    if (ipPeers.length > 0 && pod.ips.length > 0) {
      ipSignature = ipPeers.map((peer) => (pod.ips.some((ip) => containsIp(peer.ips, ip)) ? '1' : '0')).join('');
    }
    const key = `${pod.namespace}\u0000${labelsKey(pod.labels)}\u0000${namedPortsKey(pod)}\u0000${ipSignature}`;
    let cls = byKey.get(key);
    if (cls === undefined) {
      cls = representatives.length;
      byKey.set(key, cls);
      representatives.push(pod);
      const list = classesByNamespace.get(pod.namespace) ?? [];
      list.push(cls);
      classesByNamespace.set(pod.namespace, list);
    }
    classOfPod[i] = cls;
  });
  return { representatives, classOfPod, classesByNamespace };
}

/** Which classes each rule's peers admit, shared between identical peers. */
export class RuleTargets {
  private readonly byPeer = new Map<string, readonly number[]>();
  private readonly byRule = new Map<CompiledRule, readonly number[]>();
  private readonly all: readonly number[];
  private namespaces: IndexedLabels<string> | undefined;
  private readonly podsByNamespace = new Map<string, IndexedLabels<number>>();

  constructor(
    private readonly classes: PodClasses,
    private readonly options: MatchOptions,
  ) {
    this.all = classes.representatives.map((_, i) => i);
  }

  /** Namespaces (by name, in class order) indexed by their labels. */
  private namespaceIndex(): IndexedLabels<string> {
    const reps = this.classes.representatives;
    this.namespaces ??= new IndexedLabels(
      [...this.classes.classesByNamespace].map(([ns, members]) => ({ item: ns, labels: reps[members[0]!]!.namespaceLabels })),
    );
    return this.namespaces;
  }

  /** The classes of one namespace indexed by their labels. */
  private podIndex(namespace: string): IndexedLabels<number> | undefined {
    let index = this.podsByNamespace.get(namespace);
    if (!index) {
      const members = this.classes.classesByNamespace.get(namespace);
      if (!members) return undefined;
      const reps = this.classes.representatives;
      index = new IndexedLabels(members.map((c) => ({ item: c, labels: reps[c]!.labels })));
      this.podsByNamespace.set(namespace, index);
    }
    return index;
  }

  /** Classes of the policy's namespace that its podSelector selects, ascending. */
  selectedBy(policy: CompiledPolicy): number[] {
    return this.podIndex(policy.namespace)?.matching(policy.policy.spec.podSelector, policy.selects) ?? [];
  }

  /** Class indices admitted by the rule's peers, ascending. */
  classesOf(rule: CompiledRule): readonly number[] {
    if (!rule.peers) return this.all;
    let result = this.byRule.get(rule);
    if (result) return result;
    if (rule.peers.length === 1) {
      result = this.peerClasses(rule.peers[0]!);
    } else {
      const seen = new Set<number>();
      for (const peer of rule.peers) for (const c of this.peerClasses(peer)) seen.add(c);
      result = [...seen].sort((a, b) => a - b);
    }
    this.byRule.set(rule, result);
    return result;
  }

  private peerClasses(peer: NonNullable<CompiledRule['peers']>[number]): readonly number[] {
    const cached = this.byPeer.get(peer.key);
    if (cached) return cached;
    const reps = this.classes.representatives;
    let result: number[] = [];
    if (peer.kind === 'ipBlock') {
      if (this.options.ipBlockMatchesPods) {
        result = this.all.filter((c) => reps[c]!.ips.some((ip) => containsIp(peer.ips, ip)));
      }
    } else {
      const namespaces =
        peer.sameNamespace !== undefined
          ? [peer.sameNamespace]
          : this.namespaceIndex().matching(peer.namespaceSelector, (labels) => peer.namespaceMatch!(labels));
      for (const ns of namespaces) {
        const members = this.podIndex(ns);
        for (const c of members?.matching(peer.podSelector, (labels) => peer.podMatch(labels)) ?? []) result.push(c);
      }
      result.sort((a, b) => a - b);
    }
    this.byPeer.set(peer.key, result);
    return result;
  }
}

/** Items with labels, and the items a selector matches, checked only among the index's candidates. */
export class IndexedLabels<T> {
  private readonly index = new LabelIndex();

  constructor(private readonly entries: readonly { readonly item: T; readonly labels: Labels }[]) {
    for (const e of entries) this.index.add(e.labels);
  }

  /** Items whose labels `match` accepts, in entry order; `selector` (what `match` checks) narrows the candidates. */
  matching(selector: LabelSelector | undefined, match: (labels: Labels) => boolean): T[] {
    const candidates = this.index.candidates(selector);
    const out: T[] = [];
    if (candidates === undefined) {
      for (const e of this.entries) if (match(e.labels)) out.push(e.item);
    } else {
      for (const i of candidates) {
        const e = this.entries[i]!;
        if (match(e.labels)) out.push(e.item);
      }
    }
    return out;
  }
}
