/**
 * From a reachability diff (core, keyed by workload ids and address sets) to what the canvas
 * marks: the ids of edges that gained connections, and "ghosts" for flows that lost some.
 * Addresses outside the cluster are mapped to the canvas's external nodes of the `after`
 * matrix whose address sets overlap the changed addresses (see canvas/external.ts).
 */
import {
  intersectIps,
  isEmptyIps,
  type FlowChange,
  type IpSet,
  type ReachabilityDiff,
  type ReachabilityMatrix,
} from '../../core/index.ts';
import { ANYWHERE_ID, externalNodeId, externalSides } from '../canvas/external.ts';
import { flowEdgeId } from '../canvas/flows.ts';

/** A flow that lost connections: drawn as a dashed ghost when the canvas no longer draws it. */
export interface FlowGhost {
  /** The edge id, `<source>-><target>`. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The ports it lost: `TCP 8080`, `all ports`, `TCP 80; UDP 53`. */
  readonly ports: string;
}

export interface FlowChanges {
  /** Ids of edges (`<source>-><target>`) that gained connections. */
  readonly added: readonly string[];
  readonly removed: readonly FlowGhost[];
}

type Sides = ReachabilityMatrix['ingressFromExternal'];

/** Canvas node ids of the external sets (of one direction of `matrix`) overlapping `addresses`. */
function externalNodeIds(sides: Sides, unitCount: number, addresses: IpSet): string[] {
  const shown = externalSides(sides, unitCount);
  if (shown.length === 1 && shown[0]?.set.id === ANYWHERE_ID) return [ANYWHERE_ID];
  return sides.filter((side) => !isEmptyIps(intersectIps(side.range.set, addresses))).map((side) => externalNodeId(side.range.label));
}

/** The canvas node ids standing for each end of a change. */
export function changeEnds(change: FlowChange, after: ReachabilityMatrix): { sources: string[]; targets: string[] } {
  const external = change.external;
  if (!external) return { sources: [change.from], targets: [change.to] };
  const inbound = external.end === 'from';
  const ids = externalNodeIds(inbound ? after.ingressFromExternal : after.egressToExternal, after.units.length, external.addresses);
  return inbound ? { sources: ids, targets: [change.to] } : { sources: [change.from], targets: ids };
}

function edgesOf(change: FlowChange, after: ReachabilityMatrix): { source: string; target: string }[] {
  const { sources, targets } = changeEnds(change, after);
  return sources.flatMap((source) => targets.map((target) => ({ source, target })));
}

/** The first canvas flow a change stands for (to select it), or undefined. */
export function flowOfChange(change: FlowChange, after: ReachabilityMatrix): { source: string; target: string } | undefined {
  return edgesOf(change, after)[0];
}

/** `after` must be the workload-granularity matrix the canvas draws. */
export function flowChangesOf(diff: ReachabilityDiff, after: ReachabilityMatrix): FlowChanges {
  const added = new Set<string>();
  for (const change of diff.added) for (const { source, target } of edgesOf(change, after)) added.add(flowEdgeId(source, target));
  const removed = new Map<string, { source: string; target: string; ports: string[] }>();
  for (const change of diff.removed) {
    for (const { source, target } of edgesOf(change, after)) {
      const id = flowEdgeId(source, target);
      const ghost = removed.get(id) ?? { source, target, ports: [] };
      if (!ghost.ports.includes(change.ports)) ghost.ports.push(change.ports);
      removed.set(id, ghost);
    }
  }
  return {
    added: [...added],
    removed: [...removed].map(([id, g]) => ({ id, source: g.source, target: g.target, ports: g.ports.join('; ') })),
  };
}
