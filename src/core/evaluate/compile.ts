/**
 * Compile NetworkPolicies into matchers once, so that every verdict and the whole matrix
 * reuse them. Nothing here knows about pods yet: it is the policy side only.
 */
import type {
  LabelSelector,
  Labels,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  PolicyType,
  Protocol,
} from '../model/types.ts';
import { compileSelector, isEmptySelector } from '../model/selector.ts';
import { ipSetOfIpBlock, EMPTY_IPS, type IpSet } from '../model/ipset.ts';
import type { Direction } from './types.ts';

export type LabelMatcher = (labels: Labels) => boolean;

/** A selector peer: pods chosen by labels, in the policy's namespace or in namespaces chosen by labels. */
export interface CompiledSelectorPeer {
  readonly kind: 'selector';
  /** Set for a peer without namespaceSelector: only pods of this namespace. */
  readonly sameNamespace?: string;
  /** Set for a peer with a namespaceSelector. */
  readonly namespaceMatch?: LabelMatcher;
  /** Always set: `{}` or an absent podSelector match every pod. */
  readonly podMatch: LabelMatcher;
  /** Stable key of what this peer selects, to share work between identical peers. */
  readonly key: string;
  /** The selectors as written, for label indexes to narrow the candidates (matching uses the matchers). */
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
}

export interface CompiledIpBlockPeer {
  readonly kind: 'ipBlock';
  readonly ips: IpSet;
  readonly key: string;
}

export type CompiledPeer = CompiledSelectorPeer | CompiledIpBlockPeer;

export type CompiledPort =
  | { readonly kind: 'range'; readonly protocol: Protocol; readonly from: number; readonly to: number }
  | { readonly kind: 'named'; readonly protocol: Protocol; readonly name: string };

export interface CompiledRule {
  /** Index of the rule within its direction (0-based), as written. */
  readonly index: number;
  /** `undefined`: no `from`/`to` (or empty): every pod and every address. */
  readonly peers?: readonly CompiledPeer[];
  /** `undefined`: no `ports` (or empty): every port and protocol. */
  readonly ports?: readonly CompiledPort[];
  /** Whether any port entry is named (its port set then depends on the destination). */
  readonly hasNamedPorts: boolean;
  /**
   * The rule admits every pod of every namespace (no peers, or a peer with an empty
   * namespaceSelector and podSelector): it does not single out the other end of a flow.
   */
  readonly admitsEveryPod: boolean;
}

export interface CompiledPolicy {
  /** `<namespace>/<name>` */
  readonly id: string;
  readonly namespace: string;
  readonly policy: NetworkPolicy;
  readonly selects: LabelMatcher;
  /** Present iff the effective policyTypes include Ingress (an empty array denies all ingress). */
  readonly ingress?: readonly CompiledRule[];
  /** Present iff the effective policyTypes include Egress. */
  readonly egress?: readonly CompiledRule[];
}

/** The API server's defaulting of `policyTypes` (semantics.md section 2). */
export function effectivePolicyTypes(policy: NetworkPolicy): readonly PolicyType[] {
  const written = policy.spec.policyTypes;
  if (written && written.length > 0) return written;
  return policy.spec.egress && policy.spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

export function policyId(policy: NetworkPolicy): string {
  return `${policy.namespace}/${policy.name}`;
}

function selectorKey(selector: LabelSelector | undefined): string {
  if (!selector) return '*';
  const labels = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const exprs = (selector.matchExpressions ?? []).map((e) => [e.key, e.operator, [...(e.values ?? [])].sort()]);
  exprs.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return JSON.stringify([labels, exprs]);
}

const matcherCache = new Map<string, LabelMatcher>();
const MATCH_ALL: LabelMatcher = () => true;

function matcherFor(selector: LabelSelector | undefined): LabelMatcher {
  if (!selector) return MATCH_ALL;
  const key = selectorKey(selector);
  let matcher = matcherCache.get(key);
  if (!matcher) {
    matcher = compileSelector(selector);
    if (matcherCache.size > 10_000) matcherCache.clear();
    matcherCache.set(key, matcher);
  }
  return matcher;
}

function compilePeer(peer: NetworkPolicyPeer, namespace: string): CompiledPeer {
  if (peer.ipBlock) {
    const ips = ipSetOfIpBlock(peer.ipBlock.cidr, peer.ipBlock.except) ?? EMPTY_IPS;
    return { kind: 'ipBlock', ips, key: `ip:${peer.ipBlock.cidr}-${(peer.ipBlock.except ?? []).join(',')}` };
  }
  const podMatch = matcherFor(peer.podSelector);
  const podKey = selectorKey(peer.podSelector);
  if (peer.namespaceSelector) {
    return {
      kind: 'selector',
      namespaceMatch: matcherFor(peer.namespaceSelector),
      podMatch,
      key: `ns:${selectorKey(peer.namespaceSelector)}|pod:${podKey}`,
      ...(peer.podSelector ? { podSelector: peer.podSelector } : {}),
      namespaceSelector: peer.namespaceSelector,
    };
  }
  return {
    kind: 'selector',
    sameNamespace: namespace,
    podMatch,
    key: `in:${namespace}|pod:${podKey}`,
    ...(peer.podSelector ? { podSelector: peer.podSelector } : {}),
  };
}

function compilePort(port: NetworkPolicyPort): CompiledPort {
  const protocol = port.protocol ?? 'TCP';
  if (typeof port.port === 'string') return { kind: 'named', protocol, name: port.port };
  if (port.port === undefined) return { kind: 'range', protocol, from: 1, to: 65535 };
  return { kind: 'range', protocol, from: port.port, to: port.endPort ?? port.port };
}

function compileRules(
  rules: readonly { from?: readonly NetworkPolicyPeer[]; to?: readonly NetworkPolicyPeer[]; ports?: readonly NetworkPolicyPort[] }[] | undefined,
  direction: Direction,
  namespace: string,
): CompiledRule[] {
  return (rules ?? []).map((rule, index) => {
    const peerList = direction === 'ingress' ? rule.from : rule.to;
    const peers = peerList && peerList.length > 0 ? peerList.map((p) => compilePeer(p, namespace)) : undefined;
    const ports = rule.ports && rule.ports.length > 0 ? rule.ports.map(compilePort) : undefined;
    const admitsEveryPod =
      peers === undefined ||
      (peerList ?? []).some(
        (p) => p.namespaceSelector !== undefined && isEmptySelector(p.namespaceSelector) && (!p.podSelector || isEmptySelector(p.podSelector)),
      );
    return { index, peers, ports, hasNamedPorts: (ports ?? []).some((p) => p.kind === 'named'), admitsEveryPod };
  });
}

export function compilePolicy(policy: NetworkPolicy): CompiledPolicy {
  const types = effectivePolicyTypes(policy);
  const namespace = policy.namespace;
  return {
    id: policyId(policy),
    namespace,
    policy,
    selects: matcherFor(policy.spec.podSelector),
    ingress: types.includes('Ingress') ? compileRules(policy.spec.ingress, 'ingress', namespace) : undefined,
    egress: types.includes('Egress') ? compileRules(policy.spec.egress, 'egress', namespace) : undefined,
  };
}

export function compilePolicies(policies: readonly NetworkPolicy[]): CompiledPolicy[] {
  return policies.map(compilePolicy);
}
