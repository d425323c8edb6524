/**
 * Port classes: the pieces of the (protocol, port) space that policies mention, plus "any other
 * port". Every rule treats all ports of one class alike, so one probe per class decides it.
 */
import { PROTOCOLS, type Protocol } from '../model/types.ts';
import { EMPTY_PORTS, portSetFromRanges, portSetOf, subtractPorts, unionPorts, ALL_PORTS, isEmptyPorts, type PortSet } from '../model/portset.ts';
import type { CompiledPolicy } from './compile.ts';
import type { PodEndpoint } from './match.ts';
import type { PortClass } from './types.ts';

type Range = readonly [number, number];

function mentionedRanges(policies: readonly CompiledPolicy[], endpoints: readonly PodEndpoint[]): Map<Protocol, Range[]> {
  const byProtocol = new Map<Protocol, Range[]>(PROTOCOLS.map((p) => [p, []]));
  const named = new Map<string, Set<number>>();
  for (const ep of endpoints) {
    for (const port of ep.ports) {
      if (port.name === undefined) continue;
      const key = `${port.protocol}/${port.name}`;
      const set = named.get(key) ?? new Set<number>();
      set.add(port.containerPort);
      named.set(key, set);
    }
  }
  const seen = new Set<string>();
  for (const policy of policies) {
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      for (const entry of rule.ports ?? []) {
        const ranges: Range[] =
          entry.kind === 'range'
            ? [[entry.from, entry.to]]
            : [...(named.get(`${entry.protocol}/${entry.name}`) ?? [])].map((p): Range => [p, p]);
        for (const range of ranges) {
          const key = `${entry.protocol}/${range[0]}/${range[1]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          byProtocol.get(entry.protocol)!.push(range);
        }
      }
    }
  }
  return byProtocol;
}

function atomsOfRanges(ranges: readonly Range[]): Range[] {
  // One sweep over the cuts, counting the ranges open at each (not a scan of every range per
  // cut: that is quadratic in the ranges, and a hostile policy can mention 30,000 of them).
  const opens = new Map<number, number>();
  for (const [from, to] of ranges) {
    opens.set(from, (opens.get(from) ?? 0) + 1);
    opens.set(to + 1, (opens.get(to + 1) ?? 0) - 1);
  }
  const sorted = [...opens.keys()].sort((a, b) => a - b);
  const atoms: Range[] = [];
  let open = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const from = sorted[i]!;
    open += opens.get(from)!;
    if (open > 0) atoms.push([from, sorted[i + 1]! - 1]);
  }
  return atoms;
}

function labelOf(protocol: Protocol, [from, to]: Range): string {
  if (from === 1 && to === 65535) return `${protocol} (all ports)`;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from}-${to}`;
}

function firstPort(set: PortSet): { protocol: Protocol; port: number } | undefined {
  for (const protocol of PROTOCOLS) {
    const range = set[protocol][0];
    if (range) return { protocol, port: range[0] };
  }
  return undefined;
}

export function computePortClasses(policies: readonly CompiledPolicy[], endpoints: readonly PodEndpoint[]): PortClass[] {
  const classes: PortClass[] = [];
  let mentioned: PortSet = EMPTY_PORTS;
  for (const [protocol, ranges] of mentionedRanges(policies, endpoints)) {
    const atoms = atomsOfRanges(ranges);
    for (const atom of atoms) {
      const ports = portSetOf(protocol, atom[0], atom[1]);
      classes.push({ ports, probe: { protocol, port: atom[0] }, label: labelOf(protocol, atom), other: false });
    }
    // Merged once per protocol (a union per atom is quadratic in the atoms).
    mentioned = unionPorts(mentioned, portSetFromRanges(protocol, atoms));
  }
  const rest = subtractPorts(ALL_PORTS, mentioned);
  const probe = firstPort(rest);
  if (probe && !isEmptyPorts(rest)) {
    classes.push({ ports: rest, probe, label: classes.length === 0 ? 'all ports' : 'any other port', other: true });
  }
  return classes;
}
