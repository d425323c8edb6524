/**
 * Who can reach whom, read off the matrix: a unit's inbound and outbound peers (with the ports),
 * flow counts for the whole model, and the flows one policy allows. Pure.
 */
import {
  containsPort,
  halfOpenOf,
  isEmptyPorts,
  unionPorts,
  type Evaluator,
  type PortSet,
  type ReachabilityMatrix,
} from '../../../core/index.ts';
import { externalNodeId, representativeAddress } from './endpoints.ts';

export interface PeerPorts {
  /** Unit id, or `ext:<label>` for an external range. */
  readonly id: string;
  readonly ports: PortSet;
}

export interface UnitPeers {
  readonly inbound: readonly PeerPorts[];
  readonly outbound: readonly PeerPorts[];
  /** Other units that may not open any connection to it / it may not open any to. */
  readonly deniedInbound: number;
  readonly deniedOutbound: number;
  readonly externalInbound: readonly PeerPorts[];
  readonly externalOutbound: readonly PeerPorts[];
  /** Half-open pairs (ports: where one side explicitly allows and the other denies). */
  readonly halfOpenInbound: readonly PeerPorts[];
  readonly halfOpenOutbound: readonly PeerPorts[];
}

function halfOpenPorts(matrix: ReachabilityMatrix, src: number, dst: number): PortSet {
  const half = halfOpenOf(matrix.sides(src, dst));
  return unionPorts(half.egressOnly, half.ingressOnly);
}

/** Inbound and outbound allowed peers of units[index] (itself excluded). */
export function peersOfUnit(matrix: ReachabilityMatrix, index: number): UnitPeers {
  const inbound: PeerPorts[] = [];
  const outbound: PeerPorts[] = [];
  const halfOpenInbound: PeerPorts[] = [];
  const halfOpenOutbound: PeerPorts[] = [];
  let deniedInbound = 0;
  let deniedOutbound = 0;
  matrix.units.forEach((unit, other) => {
    if (other === index) return;
    const into = matrix.connections(other, index);
    if (isEmptyPorts(into)) deniedInbound++;
    else inbound.push({ id: unit.id, ports: into });
    const out = matrix.connections(index, other);
    if (isEmptyPorts(out)) deniedOutbound++;
    else outbound.push({ id: unit.id, ports: out });
    const halfIn = halfOpenPorts(matrix, other, index);
    if (!isEmptyPorts(halfIn)) halfOpenInbound.push({ id: unit.id, ports: halfIn });
    const halfOut = halfOpenPorts(matrix, index, other);
    if (!isEmptyPorts(halfOut)) halfOpenOutbound.push({ id: unit.id, ports: halfOut });
  });
  const externalInbound = matrix.ingressFromExternal
    .map((r) => ({ id: externalNodeId(r.range), ports: r.connections(index) }))
    .filter((p) => !isEmptyPorts(p.ports));
  const externalOutbound = matrix.egressToExternal
    .map((r) => ({ id: externalNodeId(r.range), ports: r.connections(index) }))
    .filter((p) => !isEmptyPorts(p.ports));
  return { inbound, outbound, deniedInbound, deniedOutbound, externalInbound, externalOutbound, halfOpenInbound, halfOpenOutbound };
}

export interface PolicyFlow {
  readonly source: string;
  readonly target: string;
  /** Labels of the port classes on which a rule of the policy admits the flow. */
  readonly classes: readonly string[];
  /** Whether the other side lets it through too on at least one of those classes. */
  readonly allowed: boolean;
}

/**
 * The flows a policy's rules admit on its side (egress rules for the pods it selects as
 * sources, ingress rules for them as destinations), as the evaluator's `allowedBy` records say,
 * with whether the other side agrees. External ranges are asked with one address of each.
 */
export function flowsAdmittedByPolicy(evaluator: Evaluator, matrix: ReachabilityMatrix, policyId: string): PolicyFlow[] {
  const compiled = evaluator.policies.find((p) => p.id === policyId);
  if (!compiled) return [];
  const n = matrix.units.length;
  const selected = matrix.units.map((u) => {
    const end = evaluator.resolve(u.id);
    return end?.kind === 'pod' && end.namespace === compiled.namespace && compiled.selects(end.labels);
  });
  const egress = compiled.egress !== undefined;
  const ingress = compiled.ingress !== undefined;

  /** Classes on which this policy's rules admit source → target on `side` (within what that side allows). */
  const admitted = (source: string, target: string, side: 'egress' | 'ingress', sidePorts: PortSet) => {
    const classes: string[] = [];
    let allowed = false;
    for (const cls of matrix.portClasses) {
      if (!containsPort(sidePorts, cls.probe.protocol, cls.probe.port)) continue;
      const v = evaluator.verdict(source, target, cls.probe.protocol, cls.probe.port);
      if (!v[side].allowedBy.some((r) => r.policy === policyId)) continue;
      classes.push(cls.label);
      allowed ||= v.allowed;
    }
    return { classes, allowed };
  };

  const flows: PolicyFlow[] = [];
  const push = (source: string, target: string, parts: readonly { classes: string[]; allowed: boolean }[]) => {
    const classes = [...new Set(parts.flatMap((p) => p.classes))];
    if (classes.length > 0) flows.push({ source, target, classes, allowed: parts.some((p) => p.allowed) });
  };
  for (let s = 0; s < n; s++) {
    for (let d = 0; d < n; d++) {
      const asSource = egress && selected[s];
      const asTarget = ingress && selected[d];
      if (s === d || (!asSource && !asTarget)) continue;
      const sides = matrix.sides(s, d);
      const source = matrix.units[s]!.id;
      const target = matrix.units[d]!.id;
      push(source, target, [
        ...(asSource ? [admitted(source, target, 'egress', sides.egress.ports)] : []),
        ...(asTarget ? [admitted(source, target, 'ingress', sides.ingress.ports)] : []),
      ]);
    }
  }
  for (const ext of egress ? matrix.egressToExternal : []) {
    const address = representativeAddress(ext.range.set);
    if (address === undefined) continue;
    for (let s = 0; s < n; s++) {
      if (!selected[s]) continue;
      push(matrix.units[s]!.id, externalNodeId(ext.range), [admitted(matrix.units[s]!.id, address, 'egress', ext.connections(s))]);
    }
  }
  for (const ext of ingress ? matrix.ingressFromExternal : []) {
    const address = representativeAddress(ext.range.set);
    if (address === undefined) continue;
    for (let d = 0; d < n; d++) {
      if (!selected[d]) continue;
      push(externalNodeId(ext.range), matrix.units[d]!.id, [admitted(address, matrix.units[d]!.id, 'ingress', ext.connections(d))]);
    }
  }
  return flows;
}
