/** Walking the rules of a policy as written, with their field paths. */
import type { CompiledPolicy } from '../evaluate/compile.ts';
import type { Direction } from '../evaluate/types.ts';
import type { NetworkPolicyPeer, NetworkPolicyPort } from '../model/types.ts';

export interface WrittenRule {
  readonly direction: Direction;
  readonly index: number;
  /** `from` for ingress, `to` for egress. */
  readonly peerField: 'from' | 'to';
  /** As written (absent and `[]` both mean "every peer"). */
  readonly peers: readonly NetworkPolicyPeer[] | undefined;
  readonly ports: readonly NetworkPolicyPort[] | undefined;
  /** `spec.ingress[2]` */
  readonly path: string;
}

export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/** The written rules of one direction (whether or not policyTypes makes them count). */
export function writtenRules(policy: CompiledPolicy, direction: Direction): WrittenRule[] {
  const spec = policy.policy.spec;
  if (direction === 'ingress') {
    return (spec.ingress ?? []).map((rule, index) => ({
      direction,
      index,
      peerField: 'from',
      peers: rule.from,
      ports: rule.ports,
      path: `spec.ingress[${index}]`,
    }));
  }
  return (spec.egress ?? []).map((rule, index) => ({
    direction,
    index,
    peerField: 'to',
    peers: rule.to,
    ports: rule.ports,
    path: `spec.egress[${index}]`,
  }));
}

/** The rules that count: those of a direction the policy's effective policyTypes include. */
export function effectiveRules(policy: CompiledPolicy, direction: Direction): WrittenRule[] {
  const compiled = direction === 'ingress' ? policy.ingress : policy.egress;
  return compiled === undefined ? [] : writtenRules(policy, direction);
}

export function hasPeers(rule: WrittenRule): rule is WrittenRule & { peers: readonly NetworkPolicyPeer[] } {
  return rule.peers !== undefined && rule.peers.length > 0;
}

export function hasPorts(rule: WrittenRule): rule is WrittenRule & { ports: readonly NetworkPolicyPort[] } {
  return rule.ports !== undefined && rule.ports.length > 0;
}
