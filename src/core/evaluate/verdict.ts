/**
 * One connection, decided with its reasons (semantics.md section 3): the egress side of the
 * source and the ingress side of the destination must both allow it.
 */
import type { Protocol } from '../model/types.ts';
import type { CompiledPolicy, CompiledRule } from './compile.ts';
import {
  rulePeersMatch,
  rulePortsMatch,
  unresolvedNamedPorts,
  type Endpoint,
  type MatchOptions,
  type PodEndpoint,
} from './match.ts';
import type { Direction, DirectionVerdict, EndpointRef, PolicyMiss, RuleRef, Verdict } from './types.ts';

export interface SideQuestion {
  readonly direction: Direction;
  /** The pod whose policies decide this side (source for egress, destination for ingress). */
  readonly subject: PodEndpoint;
  /** Policies of the subject's namespace that select it and have this direction. */
  readonly policies: readonly CompiledPolicy[];
  /** The other end of the connection. */
  readonly peer: Endpoint;
  /** The destination (named ports resolve against it). */
  readonly destination: Endpoint;
  readonly protocol: Protocol;
  readonly port: number;
}

export function notApplicable(direction: Direction): DirectionVerdict {
  return { direction, applies: false, isolated: false, isolatingPolicies: [], allowed: true, allowedBy: [], misses: [] };
}

function rulesOf(policy: CompiledPolicy, direction: Direction): readonly CompiledRule[] {
  return (direction === 'ingress' ? policy.ingress : policy.egress) ?? [];
}

function missOf(policy: CompiledPolicy, question: SideQuestion, options: MatchOptions): PolicyMiss {
  const rules = rulesOf(policy, question.direction);
  if (rules.length === 0) return { policy: policy.id, reason: 'no-rules' };
  for (const rule of rules) {
    if (!rulePeersMatch(rule, question.peer, options)) continue;
    const missing = unresolvedNamedPorts(rule, question.destination);
    if (missing.length > 0) {
      return { policy: policy.id, reason: 'named-port', ruleIndex: rule.index, portName: missing[0] };
    }
    return { policy: policy.id, reason: 'port', ruleIndex: rule.index };
  }
  return { policy: policy.id, reason: 'peer' };
}

export function decideSide(question: SideQuestion, options: MatchOptions): DirectionVerdict {
  const { direction, policies, peer, destination, protocol, port } = question;
  if (policies.length === 0) {
    return { direction, applies: true, isolated: false, isolatingPolicies: [], allowed: true, allowedBy: [], misses: [] };
  }
  const allowedBy: RuleRef[] = [];
  for (const policy of policies) {
    for (const rule of rulesOf(policy, direction)) {
      if (rulePeersMatch(rule, peer, options) && rulePortsMatch(rule, destination, protocol, port)) {
        allowedBy.push({ policy: policy.id, direction, ruleIndex: rule.index });
      }
    }
  }
  const isolatingPolicies = policies.map((p) => p.id).sort();
  const allowed = allowedBy.length > 0;
  const misses = allowed ? [] : policies.map((p) => missOf(p, question, options)).sort((a, b) => (a.policy < b.policy ? -1 : 1));
  return { direction, applies: true, isolated: true, isolatingPolicies, allowed, allowedBy, misses };
}

export function endpointRef(end: Endpoint): EndpointRef {
  return end.kind === 'ip'
    ? { kind: 'ip', ip: end.ip }
    : { kind: 'pod', id: end.id, namespace: end.namespace, workloadId: end.workloadId };
}

export interface ConnectionQuestion {
  readonly source: Endpoint;
  readonly destination: Endpoint;
  readonly protocol: Protocol;
  readonly port: number;
  readonly egressPolicies: readonly CompiledPolicy[];
  readonly ingressPolicies: readonly CompiledPolicy[];
}

export function decideConnection(q: ConnectionQuestion, options: MatchOptions): Verdict {
  const { source, destination, protocol, port } = q;
  const loopback = source.kind === 'pod' && destination.kind === 'pod' && source.id === destination.id;
  const egress =
    source.kind === 'pod'
      ? decideSide({ direction: 'egress', subject: source, policies: q.egressPolicies, peer: destination, destination, protocol, port }, options)
      : notApplicable('egress');
  const ingress =
    destination.kind === 'pod'
      ? decideSide({ direction: 'ingress', subject: destination, policies: q.ingressPolicies, peer: source, destination, protocol, port }, options)
      : notApplicable('ingress');
  return {
    source: endpointRef(source),
    destination: endpointRef(destination),
    protocol,
    port,
    allowed: loopback || (egress.allowed && ingress.allowed),
    loopback,
    egress,
    ingress,
  };
}
