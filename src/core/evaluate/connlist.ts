/**
 * The connectivity list in netpol-analyzer's `list` text format: one line per ordered pair of
 * workloads (or workload and external range) with a non-empty allowed connection set.
 */
import { INGRESS_CONTROLLER_LABEL } from '../model/ingress-controller.ts';
import { formatRange } from '../model/ipset.ts';
import { formatPortSet, isEmptyPorts } from '../model/portset.ts';
import type { IpFamily, IpRange } from '../model/ipset.ts';
import type { IngressControllerFlow } from './ingress-controller.ts';
import type { MatrixUnit, ReachabilityMatrix } from './types.ts';

export interface ConnlistOptions {
  /** Address families of external ranges to list (netpol-analyzer knows IPv4 only). Default both. */
  readonly families?: readonly IpFamily[];
  /** Flows from the ingress controller (workload granularity), listed as `{ingress-controller} => …`. */
  readonly ingressController?: readonly IngressControllerFlow[];
}

export interface ConnlistEntry {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
}

export function unitLabel(unit: MatrixUnit): string {
  return `${unit.namespace}/${unit.name}[${unit.kind}]`;
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Neighbouring ranges with the same non-empty connections towards one unit, merged. */
function mergedRuns(sides: ReachabilityMatrix['ingressFromExternal'], unit: number): { range: IpRange; conn: string }[] {
  const runs: { range: IpRange; conn: string }[] = [];
  const pieces: { range: IpRange; conn: string }[] = [];
  for (const side of sides) {
    const conns = side.connections(unit);
    if (isEmptyPorts(conns)) continue;
    const conn = formatPortSet(conns);
    for (const range of side.range.set.ranges) pieces.push({ range, conn });
  }
  pieces.sort((a, b) => a.range.family - b.range.family || (a.range.start < b.range.start ? -1 : 1));
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    if (last && last.conn === piece.conn && last.range.family === piece.range.family && last.range.end + 1n === piece.range.start) {
      last.range = { ...last.range, end: piece.range.end };
    } else {
      runs.push({ ...piece });
    }
  }
  return runs;
}

export function connlistEntries(matrix: ReachabilityMatrix, options: ConnlistOptions = {}): ConnlistEntry[] {
  const families = options.families ?? [4, 6];
  const entries: ConnlistEntry[] = [];
  const labels = matrix.units.map(unitLabel);
  matrix.units.forEach((_, src) => {
    matrix.units.forEach((__, dst) => {
      if (src === dst || labels[src] === labels[dst]) return;
      const conns = matrix.connections(src, dst);
      if (!isEmptyPorts(conns)) entries.push({ src: labels[src]!, dst: labels[dst]!, conn: formatPortSet(conns) });
    });
  });
  const external = (sides: ReachabilityMatrix['ingressFromExternal'], inbound: boolean) => {
    labels.forEach((label, unit) => {
      for (const run of mergedRuns(sides.filter((e) => families.includes(e.range.family)), unit)) {
        const name = `${formatRange(run.range)}[External]`;
        entries.push(inbound ? { src: name, dst: label, conn: run.conn } : { src: label, dst: name, conn: run.conn });
      }
    });
  };
  external(matrix.ingressFromExternal, true);
  external(matrix.egressToExternal, false);
  const unitById = new Map(matrix.units.map((u) => [u.id, u]));
  for (const flow of options.ingressController ?? []) {
    const unit = unitById.get(flow.workloadId);
    if (unit && !isEmptyPorts(flow.ports)) entries.push({ src: INGRESS_CONTROLLER_LABEL, dst: unitLabel(unit), conn: formatPortSet(flow.ports) });
  }
  return entries.sort((a, b) => byteOrder(a.src, b.src) || byteOrder(a.dst, b.dst));
}

export function formatConnlist(entries: readonly ConnlistEntry[]): string {
  return entries.map((e) => `${e.src} => ${e.dst} : ${e.conn}\n`).join('');
}
