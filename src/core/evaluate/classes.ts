/**
 * Pods that every policy must treat alike are grouped into classes: same namespace, same labels,
 * same named ports and (when ipBlocks match pods) the same ipBlocks containing their IPs.
 * The matrix is computed per class, so work grows with distinct workloads, not pods.
 */
import { containsIp } from '../model/ipset.ts';
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

  constructor(
    private readonly classes: PodClasses,
    private readonly options: MatchOptions,
  ) {
    this.all = classes.representatives.map((_, i) => i);
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
          : [...this.classes.classesByNamespace.entries()]
              .filter(([, members]) => peer.namespaceMatch!(reps[members[0]!]!.namespaceLabels))
              .map(([ns]) => ns);
      for (const ns of namespaces) {
        for (const c of this.classes.classesByNamespace.get(ns) ?? []) {
          if (peer.podMatch(reps[c]!.labels)) result.push(c);
        }
      }
      result.sort((a, b) => a - b);
    }
    this.byPeer.set(peer.key, result);
    return result;
  }
}
