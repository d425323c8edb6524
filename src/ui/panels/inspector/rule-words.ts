/**
 * Policies in words, from the parsed objects as written: selectors (`app=api, env in (prod)`),
 * peers ("pods app=api in this namespace (default)"), ports ("TCP 8000-8080", "TCP port named
 * \"http\""), rules and the effective policyTypes. Pure, so it is tested without a browser.
 */
import {
  effectivePolicyTypes,
  type Direction,
  type LabelSelector,
  type LabelSelectorRequirement,
  type NetworkPolicy,
  type NetworkPolicyPeer,
  type NetworkPolicyPort,
  type PolicyType,
} from '../../../core/index.ts';

function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

function describeRequirement(req: LabelSelectorRequirement): string {
  const values = `(${(req.values ?? []).join(', ')})`;
  switch (req.operator) {
    case 'In':
      return `${req.key} in ${values}`;
    case 'NotIn':
      return `${req.key} not in ${values}`;
    case 'Exists':
      return `${req.key} exists`;
    case 'DoesNotExist':
      return `no ${req.key} label`;
  }
}

/** `app=api, tier in (web, edge)`; empty for `{}` (which selects everything in its scope). */
export function describeSelector(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const exprs = (selector.matchExpressions ?? []).map(describeRequirement);
  return [...labels, ...exprs].join(', ');
}

/** One peer of a rule, in the scope of the policy's namespace. */
export function describePeer(peer: NetworkPolicyPeer, policyNamespace: string): string {
  if (peer.ipBlock) {
    const except = peer.ipBlock.except ?? [];
    return except.length > 0 ? `${peer.ipBlock.cidr} except ${except.join(', ')}` : peer.ipBlock.cidr;
  }
  const pods = peer.podSelector && !isEmptySelector(peer.podSelector) ? describeSelector(peer.podSelector) : undefined;
  if (!peer.namespaceSelector) {
    const where = `in this namespace (${policyNamespace})`;
    return pods === undefined ? `all pods ${where}` : `pods ${pods} ${where}`;
  }
  const namespaces = isEmptySelector(peer.namespaceSelector)
    ? 'all namespaces'
    : `namespaces ${describeSelector(peer.namespaceSelector)}`;
  return pods === undefined ? `all pods in ${namespaces}` : `pods ${pods} in ${namespaces}`;
}

/** One port entry: `TCP 3306`, `UDP 53-60`, `all SCTP ports`, `TCP port named "http"`. */
export function describePort(port: NetworkPolicyPort): string {
  const protocol = port.protocol ?? 'TCP';
  if (port.port === undefined) return `all ${protocol} ports`;
  if (typeof port.port === 'string') return `${protocol} port named "${port.port}"`;
  if (port.endPort !== undefined && port.endPort !== port.port) return `${protocol} ${port.port}-${port.endPort}`;
  return `${protocol} ${port.port}`;
}

export interface RuleInWords {
  readonly direction: Direction;
  /** 0-based, as in `spec.ingress[i]`; people read `rule #{index + 1}`. */
  readonly index: number;
  /** Each peer in words; empty means every pod in every namespace and every address. */
  readonly peers: readonly string[];
  /** Each port entry in words; empty means every port and protocol. */
  readonly ports: readonly string[];
  /** `From pods app=api in this namespace (default), on TCP 8080.` */
  readonly sentence: string;
}

export const ANYWHERE = 'anywhere (every pod in every namespace, and every address)';
export const EVERY_PORT = 'every port and protocol';

function sentenceOf(direction: Direction, peers: readonly string[], ports: readonly string[]): string {
  const who = peers.length === 0 ? ANYWHERE : peers.join(', or ');
  const on = ports.length === 0 ? EVERY_PORT : ports.join(', ');
  return `${direction === 'ingress' ? 'From' : 'To'} ${who}; on ${on}.`;
}

/**
 * The rules of one direction, or undefined when the policy's effective policyTypes leave that
 * direction alone. An empty list means: isolates and allows nothing in that direction.
 */
export function describeRules(policy: NetworkPolicy, direction: Direction): RuleInWords[] | undefined {
  const type: PolicyType = direction === 'ingress' ? 'Ingress' : 'Egress';
  if (!effectivePolicyTypes(policy).includes(type)) return undefined;
  const rules =
    direction === 'ingress'
      ? (policy.spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
      : (policy.spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
  return rules.map((rule, index) => {
    const peerList = rule.peers ?? [];
    const peers = peerList.map((p) => describePeer(p, policy.namespace));
    const ports = (rule.ports ?? []).map(describePort);
    return { direction, index, peers, ports, sentence: sentenceOf(direction, peers, ports) };
  });
}

export interface PolicyTypesInWords {
  readonly types: readonly PolicyType[];
  /** True when `policyTypes` is not written and the API server's defaulting decided. */
  readonly defaulted: boolean;
  /** Why, when defaulted. */
  readonly note?: string;
}

export function describePolicyTypes(policy: NetworkPolicy): PolicyTypesInWords {
  const types = effectivePolicyTypes(policy);
  const written = policy.spec.policyTypes;
  if (written && written.length > 0) return { types, defaulted: false };
  const note = types.includes('Egress')
    ? 'policyTypes is not written: Ingress, plus Egress because spec.egress has rules.'
    : 'policyTypes is not written: Ingress only (spec.egress has no rules, so egress is left open).';
  return { types, defaulted: true, note };
}

/** `app=frontend` or `every pod in default` for the policy's spec.podSelector. */
export function describePodSelector(policy: NetworkPolicy): string {
  return isEmptySelector(policy.spec.podSelector)
    ? `every pod in ${policy.namespace}`
    : `pods ${describeSelector(policy.spec.podSelector)} in ${policy.namespace}`;
}
