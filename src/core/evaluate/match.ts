/**
 * Matching compiled rules against the two ends of a connection: peers (who) and ports (on what).
 */
import { PROTOCOLS, type ContainerPort, type Labels, type Protocol } from '../model/types.ts';
import { containsIp, type IpFamily } from '../model/ipset.ts';
import { portSetFromRanges, unionPorts, EMPTY_PORTS, ALL_PORTS, type PortRange, type PortSet } from '../model/portset.ts';
import type { CompiledPeer, CompiledPort, CompiledRule } from './compile.ts';

export interface ParsedIp {
  readonly family: IpFamily;
  readonly value: bigint;
}

/** A pod (or a workload's template) as the evaluator sees it. */
export interface PodEndpoint {
  readonly kind: 'pod';
  readonly id: string;
  readonly namespace: string;
  readonly workloadId: string;
  readonly labels: Labels;
  readonly namespaceLabels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly ips: readonly ParsedIp[];
}

export interface IpEndpoint {
  readonly kind: 'ip';
  readonly ip: string;
  readonly parsed: ParsedIp;
}

export type Endpoint = PodEndpoint | IpEndpoint;

export interface MatchOptions {
  readonly ipBlockMatchesPods: boolean;
}

export function peerMatches(peer: CompiledPeer, end: Endpoint, options: MatchOptions): boolean {
  if (peer.kind === 'ipBlock') {
    if (end.kind === 'ip') return containsIp(peer.ips, end.parsed);
    return options.ipBlockMatchesPods && end.ips.some((ip) => containsIp(peer.ips, ip));
  }
  if (end.kind === 'ip') return false;
  if (peer.sameNamespace !== undefined && peer.sameNamespace !== end.namespace) return false;
  if (peer.namespaceMatch && !peer.namespaceMatch(end.namespaceLabels)) return false;
  return peer.podMatch(end.labels);
}

/** Whether the rule's peers admit this end (a rule without peers admits everything). */
export function rulePeersMatch(rule: CompiledRule, end: Endpoint, options: MatchOptions): boolean {
  return rule.peers === undefined || rule.peers.some((peer) => peerMatches(peer, end, options));
}

/** Resolve a named port against the destination's container ports (name and protocol). */
export function resolveNamedPort(destination: Endpoint, name: string, protocol: Protocol): number | undefined {
  if (destination.kind === 'ip') return undefined;
  return destination.ports.find((p) => p.name === name && p.protocol === protocol)?.containerPort;
}

export function portEntryMatches(entry: CompiledPort, destination: Endpoint, protocol: Protocol, port: number): boolean {
  if (entry.protocol !== protocol) return false;
  if (entry.kind === 'range') return port >= entry.from && port <= entry.to;
  return resolveNamedPort(destination, entry.name, entry.protocol) === port;
}

export function rulePortsMatch(rule: CompiledRule, destination: Endpoint, protocol: Protocol, port: number): boolean {
  return rule.ports === undefined || rule.ports.some((entry) => portEntryMatches(entry, destination, protocol, port));
}

/** Named ports of the rule that the destination does not declare (with that protocol). */
export function unresolvedNamedPorts(rule: CompiledRule, destination: Endpoint): string[] {
  if (!rule.hasNamedPorts || !rule.ports) return [];
  return rule.ports
    .filter((e): e is Extract<CompiledPort, { kind: 'named' }> => e.kind === 'named')
    .filter((e) => resolveNamedPort(destination, e.name, e.protocol) === undefined)
    .map((e) => e.name);
}

/** Every (protocol, port) the rule allows towards this destination. */
export function rulePortSet(rule: CompiledRule, destination: Endpoint): PortSet {
  if (rule.ports === undefined) return ALL_PORTS;
  // Ranges are gathered per protocol and merged once: a union per entry is quadratic in the
  // rule's entries (a hostile rule with 30,000 ports took half a minute).
  const ranges: Record<Protocol, PortRange[]> = { TCP: [], UDP: [], SCTP: [] };
  for (const entry of rule.ports) {
    if (entry.kind === 'range') {
      ranges[entry.protocol].push([entry.from, entry.to]);
    } else {
      const resolved = resolveNamedPort(destination, entry.name, entry.protocol);
      if (resolved !== undefined) ranges[entry.protocol].push([resolved, resolved]);
    }
  }
  let set = EMPTY_PORTS;
  for (const protocol of PROTOCOLS) if (ranges[protocol].length > 0) set = unionPorts(set, portSetFromRanges(protocol, ranges[protocol]));
  return set;
}
