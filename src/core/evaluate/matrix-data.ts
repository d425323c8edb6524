/**
 * The reachability matrix as plain data: typed arrays of interned port-set ids plus the table
 * of port sets. Structured clone keeps it whole (no functions, no classes), so a Web Worker can
 * compute it and the page rebuild the matrix's methods with `matrixFromData`, answering exactly
 * as the matrix computed in place.
 */
import { ALL_PORTS, EMPTY_PORTS, containsPort, type PortSet } from '../model/portset.ts';
import { ALL_ID, EMPTY_ID, PortSetInterner } from './interner.ts';
import type { ExternalRange, Granularity, MatrixUnit, PortClass, ReachabilityMatrix, SideAllowance } from './types.ts';

/** One direction's policies, per group of classes the same policies select. */
export interface MatrixSideData {
  /** Group of every class. */
  readonly groupOf: Int32Array;
  /** Per group, per other class: the interned set its policies allow; null when the group is not isolated. */
  readonly allowed: readonly (Int32Array | null)[];
  /** Per group, per other class: what rules singling out that class allow; null when not isolated. */
  readonly targeted: readonly (Int32Array | null)[];
}

/** External addresses sharing their answers, with the interned set per unit. */
export interface ExternalSideData {
  readonly range: ExternalRange;
  readonly units: Int32Array;
}

export interface MatrixData {
  readonly granularity: Granularity;
  readonly units: readonly MatrixUnit[];
  readonly portClasses: readonly PortClass[];
  /** Interned port sets: index = id (0 = none, 1 = all). */
  readonly portSets: readonly PortSet[];
  readonly classCount: number;
  /** Allowed set between classes, `src * classCount + dst`. */
  readonly cells: Int32Array;
  /** Classes of each unit's pods. */
  readonly unitClasses: readonly (readonly number[])[];
  readonly egress: MatrixSideData;
  readonly ingress: MatrixSideData;
  readonly ingressFromExternal: readonly ExternalSideData[];
  readonly egressToExternal: readonly ExternalSideData[];
}

interface SideSums {
  isolated: boolean;
  allowed: number;
  targeted: number;
}

function addSide(sums: SideSums, side: MatrixSideData, subject: number, other: number, interner: PortSetInterner): void {
  const group = side.groupOf[subject]!;
  const allowed = side.allowed[group];
  if (!allowed) {
    sums.allowed = ALL_ID;
    return;
  }
  sums.isolated = true;
  sums.allowed = interner.union(sums.allowed, allowed[other]!);
  sums.targeted = interner.union(sums.targeted, side.targeted[group]![other]!);
}

function allowanceOf(sums: SideSums, interner: PortSetInterner): SideAllowance {
  return { isolated: sums.isolated, ports: interner.get(sums.allowed), targeted: interner.get(sums.targeted) };
}

/** The matrix, with its methods, over plain data (from `Evaluator.matrixData` or a worker). */
export function matrixFromData(data: MatrixData): ReachabilityMatrix {
  const interner = new PortSetInterner(data.portSets);
  const n = data.classCount;
  const { granularity, unitClasses, portClasses } = data;
  const unitCell = (src: number, dst: number): number => {
    if (granularity === 'pod' && src === dst) return ALL_ID;
    let id = EMPTY_ID;
    for (const a of unitClasses[src] ?? []) for (const b of unitClasses[dst] ?? []) id = interner.union(id, data.cells[a * n + b]!);
    return id;
  };
  const external = (sides: readonly ExternalSideData[]) =>
    sides.map(({ range, units }) => ({ range, connections: (unit: number) => interner.get(units[unit] ?? EMPTY_ID) }));
  return {
    granularity,
    units: data.units,
    portClasses,
    connections: (src, dst): PortSet => interner.get(unitCell(src, dst)),
    allowed(src, dst, cls) {
      const probe = portClasses[cls]?.probe;
      return probe !== undefined && containsPort(interner.get(unitCell(src, dst)), probe.protocol, probe.port);
    },
    sides(src, dst) {
      if (granularity === 'pod' && src === dst) {
        const open = { isolated: false, ports: ALL_PORTS, targeted: EMPTY_PORTS };
        return { egress: open, ingress: open };
      }
      const egress: SideSums = { isolated: false, allowed: EMPTY_ID, targeted: EMPTY_ID };
      const ingress: SideSums = { isolated: false, allowed: EMPTY_ID, targeted: EMPTY_ID };
      for (const a of unitClasses[src] ?? []) {
        for (const b of unitClasses[dst] ?? []) {
          addSide(egress, data.egress, a, b, interner);
          addSide(ingress, data.ingress, b, a, interner);
        }
      }
      return { egress: allowanceOf(egress, interner), ingress: allowanceOf(ingress, interner) };
    },
    ingressFromExternal: external(data.ingressFromExternal),
    egressToExternal: external(data.egressToExternal),
  };
}

/** The typed arrays of the data, to transfer rather than copy in `postMessage`. */
export function matrixDataBuffers(data: MatrixData): ArrayBuffer[] {
  const arrays: Int32Array[] = [data.cells, data.egress.groupOf, data.ingress.groupOf];
  for (const side of [data.egress, data.ingress]) {
    for (const a of [...side.allowed, ...side.targeted]) if (a) arrays.push(a);
  }
  for (const e of [...data.ingressFromExternal, ...data.egressToExternal]) arrays.push(e.units);
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}
