/**
 * Changes between workloads and addresses outside the cluster. The two matrices cut the address
 * space differently (each by its own ipBlocks), so both cuts are laid over each other; for every
 * piece and workload the ports before and after are compared, and pieces with the same change
 * are gathered into one address set (one family each, labelled like the matrix's ranges).
 */
import { formatIpSetLabel } from '../model/ipset-label.ts';
import { atomsOf, containsIp, type IpRange, type IpSet } from '../model/ipset.ts';
import { EMPTY_PORTS, portSetKey, type PortSet } from '../model/portset.ts';
import type { ReachabilityMatrix } from '../evaluate/types.ts';
import type { PairChange } from './changes.ts';

type Sides = ReachabilityMatrix['ingressFromExternal'];

export interface ExternalInput {
  readonly sides: Sides;
  /** Unit index by workload id. */
  readonly unitOf: ReadonlyMap<string, number>;
}

/** The side containing each atom (sides partition the address space). */
function sideOfAtoms(sides: Sides, atoms: readonly IpRange[]): (Sides[number] | undefined)[] {
  return atoms.map((atom) => sides.find((side) => containsIp(side.range.set, { family: atom.family, value: atom.start })));
}

function portsAt(side: Sides[number] | undefined, unit: number | undefined): PortSet {
  return side === undefined || unit === undefined ? EMPTY_PORTS : side.connections(unit);
}

/**
 * One PairChange per workload and set of addresses whose ports changed alike, for one direction:
 * `inbound` (addresses → workload) or outbound (workload → addresses).
 */
export function externalPairChanges(before: ExternalInput, after: ExternalInput, workloads: readonly string[], inbound: boolean): PairChange[] {
  const atoms = atomsOf([...before.sides, ...after.sides].map((side) => side.range.set));
  const beforeSides = sideOfAtoms(before.sides, atoms);
  const afterSides = sideOfAtoms(after.sides, atoms);
  const changes: PairChange[] = [];
  for (const workload of workloads) {
    const b = before.unitOf.get(workload);
    const a = after.unitOf.get(workload);
    const groups = new Map<string, { ranges: IpRange[]; before: PortSet; after: PortSet }>();
    atoms.forEach((atom, i) => {
      const was = portsAt(beforeSides[i], b);
      const is = portsAt(afterSides[i], a);
      if (was === is || portSetKey(was) === portSetKey(is)) return;
      const key = `${atom.family}|${portSetKey(was)}|${portSetKey(is)}`;
      const group = groups.get(key);
      if (!group) {
        groups.set(key, { ranges: [atom], before: was, after: is });
        return;
      }
      const last = group.ranges[group.ranges.length - 1]!;
      if (last.end + 1n === atom.start) group.ranges[group.ranges.length - 1] = { ...last, end: atom.end };
      else group.ranges.push(atom);
    });
    for (const group of groups.values()) {
      const addresses: IpSet = { ranges: group.ranges };
      const label = formatIpSetLabel(addresses);
      const [from, to] = inbound ? [label, workload] : [workload, label];
      changes.push({ from, to, before: group.before, after: group.after, external: { end: inbound ? 'from' : 'to', addresses } });
    }
  }
  return changes;
}
