/**
 * What the policies actually allow for a drawn flow, from the workload matrix: one piece for a
 * workload pair, or one piece per set of addresses the policies treat alike when an end is
 * outside the cluster. Shared by the drawn-vs-actual check and flow removal.
 */
import type { Evaluator } from '../evaluate/evaluator.ts';
import type { ReachabilityMatrix } from '../evaluate/types.ts';
import { intersectIps, isEmptyIps, type IpSet } from '../model/ipset.ts';
import { formatIp } from '../model/iptext.ts';
import type { PortSet } from '../model/portset.ts';
import { PROTOCOLS, type Protocol } from '../model/types.ts';
import { ipSetOfEnd } from './ends.ts';
import type { ResolvedFlow } from './flows.ts';

export interface ReachPiece {
  /** The addresses of the external end this piece is about (undefined for a workload pair). */
  readonly ips?: IpSet;
  readonly allowed: PortSet;
}

export interface Reach {
  readonly evaluator: Evaluator;
  readonly matrix: ReachabilityMatrix;
  readonly unitOf: ReadonlyMap<string, number>;
}

export function createReach(evaluator: Evaluator): Reach {
  const matrix = evaluator.matrix({ granularity: 'workload' });
  return { evaluator, matrix, unitOf: new Map(matrix.units.map((u, i) => [u.id, i])) };
}

export function reachOf(reach: Reach, flow: ResolvedFlow): ReachPiece[] {
  const { source, destination } = flow;
  const { matrix, unitOf } = reach;
  if (source.kind === 'workload' && destination.kind === 'workload') {
    const i = unitOf.get(source.workload.id);
    const j = unitOf.get(destination.workload.id);
    return i === undefined || j === undefined ? [] : [{ allowed: matrix.connections(i, j) }];
  }
  const outward = source.kind === 'workload';
  const unit = unitOf.get(source.kind === 'workload' ? source.workload.id : destination.kind === 'workload' ? destination.workload.id : '');
  if (unit === undefined) return [];
  const drawnIps = ipSetOfEnd(outward ? destination : source);
  const pieces: ReachPiece[] = [];
  for (const side of outward ? matrix.egressToExternal : matrix.ingressFromExternal) {
    const ips = intersectIps(side.range.set, drawnIps);
    if (!isEmptyIps(ips)) pieces.push({ ips, allowed: side.connections(unit) });
  }
  return pieces;
}

/** One connection of a non-empty port set, to ask the evaluator about. */
export function samplePort(ports: PortSet): { protocol: Protocol; port: number } | undefined {
  for (const protocol of PROTOCOLS) {
    const first = ports[protocol][0];
    if (first) return { protocol, port: first[0] };
  }
  return undefined;
}

/** The first address of a non-empty set, as text. */
export function sampleIp(ips: IpSet): string {
  const r = ips.ranges[0]!;
  return formatIp(r.family, r.start);
}
