/**
 * A deliberately naive reference evaluator, written straight from semantics.md and sharing no
 * code with src/core: it re-reads every policy for every question. The real evaluator must agree
 * with it on random clusters; the benchmark uses it as the per-pair baseline peers use.
 */
import type {
  ClusterModel,
  LabelSelector,
  Labels,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Pod,
  Protocol,
} from '../../../src/core/model/types.ts';

type End = { pod: Pod } | { ip: string };

function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== v) return false;
  }
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    if (e.operator === 'In' && !(has && (e.values ?? []).includes(value!))) return false;
    if (e.operator === 'NotIn' && has && (e.values ?? []).includes(value!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** IPv4 and IPv6 text to [family, bigint]. */
function ipValue(text: string): [number, bigint] | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(text)) {
    return [4, text.split('.').reduce((acc, part) => acc * 256n + BigInt(Number(part)), 0n)];
  }
  if (!text.includes(':')) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = [...headParts, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailParts];
  return [6, parts.reduce((acc, part) => acc * 65536n + BigInt(parseInt(part, 16)), 0n)];
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, prefixText] = cidr.split('/');
  const a = ipValue(ip);
  const b = ipValue(base!);
  if (!a || !b || a[0] !== b[0]) return false;
  const bits = a[0] === 4 ? 32n : 128n;
  const shift = bits - BigInt(Number(prefixText));
  return a[1] >> shift === b[1] >> shift;
}

function namespaceLabels(model: ClusterModel, name: string): Labels {
  return model.namespaces.find((n) => n.name === name)?.labels ?? { 'kubernetes.io/metadata.name': name };
}

function peerMatches(model: ClusterModel, policy: NetworkPolicy, peer: NetworkPolicyPeer, end: End, ipBlockMatchesPods: boolean): boolean {
  if (peer.ipBlock) {
    const ips = 'ip' in end ? [end.ip] : ipBlockMatchesPods ? end.pod.ips : [];
    return ips.some((ip) => inCidr(ip, peer.ipBlock!.cidr) && !(peer.ipBlock!.except ?? []).some((x) => inCidr(ip, x)));
  }
  if ('ip' in end) return false;
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, namespaceLabels(model, end.pod.namespace))) return false;
  } else if (end.pod.namespace !== policy.namespace) {
    return false;
  }
  return selectorMatches(peer.podSelector ?? {}, end.pod.labels);
}

function portMatches(entry: NetworkPolicyPort, destination: End, protocol: Protocol, port: number): boolean {
  if ((entry.protocol ?? 'TCP') !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') return port >= entry.port && port <= (entry.endPort ?? entry.port);
  if ('ip' in destination) return false;
  return destination.pod.ports.some((p) => p.name === entry.port && p.protocol === protocol && p.containerPort === port);
}

function types(policy: NetworkPolicy): string[] {
  if (policy.spec.policyTypes && policy.spec.policyTypes.length > 0) return [...policy.spec.policyTypes];
  return policy.spec.egress && policy.spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function sideAllows(model: ClusterModel, subject: Pod, direction: 'Ingress' | 'Egress', other: End, destination: End, protocol: Protocol, port: number, ipBlockMatchesPods: boolean): boolean {
  const selecting = model.policies.filter(
    (p) => p.namespace === subject.namespace && types(p).includes(direction) && selectorMatches(p.spec.podSelector, subject.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) =>
    ((direction === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? []).some((rule) => {
      const peers = 'from' in rule ? rule.from : (rule as { to?: readonly NetworkPolicyPeer[] }).to;
      const peerOk = !peers || peers.length === 0 || peers.some((peer) => peerMatches(model, policy, peer, other, ipBlockMatchesPods));
      const portOk = !rule.ports || rule.ports.length === 0 || rule.ports.some((e) => portMatches(e, destination, protocol, port));
      return peerOk && portOk;
    }),
  );
}

function toEnd(model: ClusterModel, id: string): End {
  const pod = model.pods.find((p) => p.id === id);
  return pod ? { pod } : { ip: id };
}

export function naiveAllowed(model: ClusterModel, from: string, to: string, protocol: Protocol, port: number, ipBlockMatchesPods = true): boolean {
  const source = toEnd(model, from);
  const destination = toEnd(model, to);
  if ('pod' in source && 'pod' in destination && source.pod.id === destination.pod.id) return true;
  const egress = 'ip' in source || sideAllows(model, source.pod, 'Egress', destination, destination, protocol, port, ipBlockMatchesPods);
  const ingress = 'ip' in destination || sideAllows(model, destination.pod, 'Ingress', source, destination, protocol, port, ipBlockMatchesPods);
  return egress && ingress;
}
