/**
 * The connectivity list in netpol-analyzer's `list` text format: one line per ordered pair of
 * workloads (or workload and external range) with a non-empty allowed connection set.
 */
import { formatRange } from '../model/ipset.ts';
import { formatPortSet, isEmptyPorts } from '../model/portset.ts';
import type { IpFamily } from '../model/ipset.ts';
import type { MatrixUnit, ReachabilityMatrix } from './types.ts';

export interface ConnlistOptions {
  /** Address families of external ranges to list (netpol-analyzer knows IPv4 only). Default both. */
  readonly families?: readonly IpFamily[];
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
  for (const ext of matrix.ingressFromExternal) {
    if (!families.includes(ext.range.range.family)) continue;
    const name = `${formatRange(ext.range.range)}[External]`;
    labels.forEach((label, dst) => {
      const conns = ext.connections(dst);
      if (!isEmptyPorts(conns)) entries.push({ src: name, dst: label, conn: formatPortSet(conns) });
    });
  }
  for (const ext of matrix.egressToExternal) {
    if (!families.includes(ext.range.range.family)) continue;
    const name = `${formatRange(ext.range.range)}[External]`;
    labels.forEach((label, src) => {
      const conns = ext.connections(src);
      if (!isEmptyPorts(conns)) entries.push({ src: label, dst: name, conn: formatPortSet(conns) });
    });
  }
  return entries.sort((a, b) => byteOrder(a.src, b.src) || byteOrder(a.dst, b.dst));
}

export function formatConnlist(entries: readonly ConnlistEntry[]): string {
  return entries.map((e) => `${e.src} => ${e.dst} : ${e.conn}\n`).join('');
}
