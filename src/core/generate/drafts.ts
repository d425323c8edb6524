/**
 * Policies before they have names: what each generated policy selects, its rules in output
 * order and the comment of each rule. Built by the generator, named, then turned into
 * NetworkPolicy values with their comments.
 */
import type { LabelSelector, NetworkPolicy, NetworkPolicyPeer, Workload } from '../model/types.ts';
import type { PolicyComments } from './intent.ts';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from './managed.ts';
import type { PolicyDirection } from './defaults.ts';
import { describeEnd, endOrder, peersOf, type ResolvedEnd } from './ends.ts';
import { describePorts, mergePorts, type RulePorts } from './ports.ts';
import { DNS_PORTS, DNS_RULE_COMMENT, KUBE_DNS_PEER } from './dns.ts';

export interface DraftRule {
  readonly peers: readonly NetworkPolicyPeer[];
  readonly ports: RulePorts;
  readonly comment: string;
  readonly order: string;
}

export interface Draft {
  readonly namespace: string;
  /** 0 default deny ingress, 1 default deny egress, 2 DNS, 3 a workload's policy. */
  readonly rank: number;
  readonly order: string;
  readonly base: string;
  readonly header: string;
  readonly direction: PolicyDirection;
  readonly podSelector: LabelSelector;
  /** Undefined for a default-deny policy (no rules field at all). */
  readonly rules?: DraftRule[];
}

export function compareDrafts(a: Draft, b: Draft): number {
  if (a.namespace !== b.namespace) return a.namespace < b.namespace ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
}

export function denyDraft(namespace: string, direction: PolicyDirection): Draft {
  const what = direction === 'ingress' ? 'accept no connection' : 'open no connection';
  return {
    namespace,
    rank: direction === 'ingress' ? 0 : 1,
    order: '',
    base: `default-deny-${direction}`,
    header: `Default deny: pods of ${namespace} ${what} that another policy does not allow.`,
    direction,
    podSelector: {},
  };
}

export const dnsRule: DraftRule = { peers: [KUBE_DNS_PEER], ports: DNS_PORTS, comment: DNS_RULE_COMMENT, order: '\uffff' };

export function dnsDraft(namespace: string): Draft {
  return {
    namespace,
    rank: 2,
    order: '',
    base: 'allow-dns-egress',
    header: `Every pod of ${namespace} may look up names with kube-dns.`,
    direction: 'egress',
    podSelector: {},
    rules: [dnsRule],
  };
}

/** A workload's ingress or egress policy, one rule per other end (ports of all its flows merged). */
export class WorkloadDraft {
  private readonly rules = new Map<string, { end: ResolvedEnd; ports: RulePorts }>();
  dns = false;

  constructor(
    readonly workload: Workload,
    readonly selector: LabelSelector,
    readonly direction: PolicyDirection,
  ) {}

  add(key: string, end: ResolvedEnd, ports: RulePorts): void {
    const rule = this.rules.get(key);
    this.rules.set(key, { end, ports: rule ? mergePorts(rule.ports, ports) : ports });
  }

  toDraft(base: string): Draft {
    const ns = this.workload.namespace;
    const word = this.direction === 'ingress' ? 'from' : 'to';
    const rules: DraftRule[] = [...this.rules.values()].map(({ end, ports }) => ({
      peers: peersOf(end, ns),
      ports,
      comment: `allows connections ${word} ${describeEnd(end, ns)} on ${describePorts(ports)}`,
      order: endOrder(end, ns),
    }));
    rules.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    if (this.dns) rules.push(dnsRule);
    const into = this.direction === 'ingress' ? 'into' : 'out of';
    return {
      namespace: ns,
      rank: 3,
      order: `${this.workload.name}\u0000${this.workload.id}\u0000${this.direction === 'ingress' ? 0 : 1}`,
      base,
      header: `The flows drawn ${into} ${this.workload.id}.`,
      direction: this.direction,
      podSelector: this.selector,
      rules,
    };
  }
}

export function draftToPolicy(draft: Draft, name: string): { policy: NetworkPolicy; comments: PolicyComments } {
  const type = draft.direction === 'ingress' ? 'Ingress' : 'Egress';
  const peersKey = draft.direction === 'ingress' ? 'from' : 'to';
  const rules = draft.rules?.map((r) => ({ [peersKey]: r.peers, ...(r.ports && r.ports.length > 0 ? { ports: r.ports } : {}) }));
  const policy: NetworkPolicy = {
    kind: 'NetworkPolicy',
    name,
    namespace: draft.namespace,
    labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    spec: { podSelector: draft.podSelector, policyTypes: [type], ...(rules ? { [draft.direction]: rules } : {}) },
  };
  const comments = draft.rules?.map((r) => r.comment);
  return { policy, comments: { header: draft.header, ...(comments ? { [draft.direction]: comments } : {}) } };
}
