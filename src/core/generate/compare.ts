/**
 * What you drew vs what you get, checked with the shared evaluator after every change:
 * - a drawn flow the policies still deny (a pasted egress policy on the source, a named port
 *   the destination does not declare...), with the evaluator's reasons;
 * - a flow the policies allow that was never drawn (a broad pasted rule, an ipBlock that also
 *   matches pod IPs...). Only explicit allowances count: a pair where no policy isolates either
 *   side is open by default, which the canvas already says, and is not listed.
 */
import { createEvaluator } from '../evaluate/evaluator.ts';
import { explainVerdict } from '../evaluate/explain.ts';
import type { Verdict } from '../evaluate/types.ts';
import { intersectIps, isEmptyIps, subtractIps, type IpSet } from '../model/ipset.ts';
import { formatIpSetLabel } from '../model/ipset-label.ts';
import { EMPTY_PORTS, isEmptyPorts, subtractPorts, unionPorts, type PortSet } from '../model/portset.ts';
import type { ClusterModel } from '../model/types.ts';
import { ipSetOfEnd } from './ends.ts';
import { createFlowResolver, type ResolvedFlow } from './flows.ts';
import type { FlowIntent } from './intent.ts';
import { createReach, reachOf, sampleIp, samplePort, type Reach } from './reach.ts';

/** An end as the check reports it: a workload, or a set of addresses outside the cluster. */
export type ActualEnd =
  | { readonly kind: 'workload'; readonly id: string }
  | { readonly kind: 'addresses'; readonly set: IpSet; readonly label: string };

export interface DrawnButDenied {
  readonly intentIndex: number;
  readonly intent: FlowIntent;
  /** For a flow with an external end: the addresses this entry is about. */
  readonly addresses?: string;
  /** The drawn connections the policies refuse (empty when the drawn ports resolve to none). */
  readonly denied: PortSet;
  /** The evaluator's verdict on one denied connection. */
  readonly verdict?: Verdict;
  readonly reasons: readonly string[];
}

export interface AllowedButNotDrawn {
  readonly source: ActualEnd;
  readonly destination: ActualEnd;
  readonly ports: PortSet;
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
}

export interface DrawnVsActual {
  readonly drawnButDenied: readonly DrawnButDenied[];
  readonly allowedButNotDrawn: readonly AllowedButNotDrawn[];
}

function ask(reach: Reach, source: string, destination: string, ports: PortSet): { verdict: Verdict; reasons: string[] } {
  const { protocol, port } = samplePort(ports)!;
  // Between replicas of one workload: ask about two of its pods, not a pod and itself (loopback).
  const pods = source === destination ? reach.evaluator.model.workloads.find((w) => w.id === source)?.podIds : undefined;
  const [from, to] = pods && pods.length > 1 ? [pods[0]!, pods[1]!] : [source, destination];
  const verdict = reach.evaluator.verdict(from, to, protocol, port);
  return { verdict, reasons: explainVerdict(verdict) };
}

const endText = (flow: ResolvedFlow, which: 'source' | 'destination', ips?: IpSet): string => {
  const end = flow[which];
  return end.kind === 'workload' ? end.workload.id : sampleIp(ips ?? ipSetOfEnd(end));
};

/** A flow from a single-pod workload to itself: a pod connecting to itself, outside policy. */
function isLoopback(flow: ResolvedFlow): boolean {
  const { source: s, destination: d } = flow;
  return s.kind === 'workload' && d.kind === 'workload' && s.workload.id === d.workload.id && s.workload.podIds.length <= 1;
}

function deniedOf(reach: Reach, flow: ResolvedFlow): DrawnButDenied[] {
  const base = { intentIndex: flow.index, intent: flow.intent };
  if (isEmptyPorts(flow.portSet)) {
    const reason = 'The drawn ports name no port the destination declares, so the flow allows nothing.';
    return [{ ...base, denied: EMPTY_PORTS, reasons: [reason] }];
  }
  const out: DrawnButDenied[] = [];
  if (isLoopback(flow)) return out;
  for (const piece of reachOf(reach, flow)) {
    const denied = subtractPorts(flow.portSet, piece.allowed);
    if (isEmptyPorts(denied)) continue;
    const { verdict, reasons } = ask(reach, endText(flow, 'source', piece.ips), endText(flow, 'destination', piece.ips), denied);
    out.push({ ...base, ...(piece.ips ? { addresses: formatIpSetLabel(piece.ips) } : {}), denied, verdict, reasons });
  }
  return out;
}

/** Address pieces of `set`, each with the ports drawn towards (or from) it. */
function splitByDrawn(set: IpSet, drawn: readonly { ips: IpSet; ports: PortSet }[]): { ips: IpSet; ports: PortSet }[] {
  let pieces = [{ ips: set, ports: EMPTY_PORTS }];
  for (const d of drawn) {
    pieces = pieces.flatMap((p) =>
      [
        { ips: intersectIps(p.ips, d.ips), ports: unionPorts(p.ports, d.ports) },
        { ips: subtractIps(p.ips, d.ips), ports: p.ports },
      ].filter((x) => !isEmptyIps(x.ips)),
    );
  }
  return pieces;
}

function undrawnOf(reach: Reach, flows: readonly ResolvedFlow[], model: ClusterModel): AllowedButNotDrawn[] {
  const { matrix, evaluator } = reach;
  const units = matrix.units;
  const drawn = new Map<string, PortSet>();
  const drawnExternal = new Map<string, { ips: IpSet; ports: PortSet }[]>();
  for (const f of flows) {
    const { source: s, destination: d } = f;
    if (s.kind === 'workload' && d.kind === 'workload') {
      const key = `${s.workload.id}\u0000${d.workload.id}`;
      drawn.set(key, unionPorts(drawn.get(key) ?? EMPTY_PORTS, f.portSet));
    } else {
      const key = s.kind === 'workload' ? `out\u0000${s.workload.id}` : `in\u0000${d.kind === 'workload' ? d.workload.id : ''}`;
      drawnExternal.set(key, [...(drawnExternal.get(key) ?? []), { ips: ipSetOfEnd(s.kind === 'workload' ? d : s), ports: f.portSet }]);
    }
  }
  const isolated = (id: string, direction: 'ingress' | 'egress'): boolean => {
    const end = evaluator.resolve(id);
    return end?.kind === 'pod' && evaluator.selectingPolicies(end, direction).length > 0;
  };
  const egressIsolated = units.map((u) => isolated(u.id, 'egress'));
  const ingressIsolated = units.map((u) => isolated(u.id, 'ingress'));
  const single = new Set(model.workloads.filter((w) => w.podIds.length <= 1).map((w) => w.id));
  const out: AllowedButNotDrawn[] = [];
  units.forEach((src, i) => {
    units.forEach((dst, j) => {
      if ((i === j && single.has(src.id)) || (!egressIsolated[i] && !ingressIsolated[j])) return;
      const extra = subtractPorts(matrix.connections(i, j), drawn.get(`${src.id}\u0000${dst.id}`) ?? EMPTY_PORTS);
      if (isEmptyPorts(extra)) return;
      const ends = { source: { kind: 'workload', id: src.id }, destination: { kind: 'workload', id: dst.id } } as const;
      out.push({ ...ends, ports: extra, ...ask(reach, src.id, dst.id, extra) });
    });
  });
  for (const [direction, sides] of [['egress', matrix.egressToExternal], ['ingress', matrix.ingressFromExternal]] as const) {
    units.forEach((unit, u) => {
      if (!(direction === 'egress' ? egressIsolated : ingressIsolated)[u]) return;
      const drawnHere = drawnExternal.get(`${direction === 'egress' ? 'out' : 'in'}\u0000${unit.id}`) ?? [];
      for (const side of sides) {
        for (const piece of splitByDrawn(side.range.set, drawnHere)) {
          const extra = subtractPorts(side.connections(u), piece.ports);
          if (isEmptyPorts(extra)) continue;
          const addresses: ActualEnd = { kind: 'addresses', set: piece.ips, label: formatIpSetLabel(piece.ips) };
          const workload: ActualEnd = { kind: 'workload', id: unit.id };
          const [source, destination] = direction === 'egress' ? [workload, addresses] : [addresses, workload];
          const ip = sampleIp(piece.ips);
          const [from, to] = direction === 'egress' ? [unit.id, ip] : [ip, unit.id];
          out.push({ source, destination, ports: extra, ...ask(reach, from, to, extra) });
        }
      }
    });
  }
  return out;
}

export function compareDrawnWithActual(model: ClusterModel, intents: readonly FlowIntent[]): DrawnVsActual {
  const { flows } = createFlowResolver(model, { singleOut: false }).resolve(intents);
  const reach = createReach(createEvaluator(model));
  return { drawnButDenied: flows.flatMap((f) => deniedOf(reach, f)), allowedButNotDrawn: undrawnOf(reach, flows, model) };
}
