/**
 * Flows gathered per namespace, read off a matrix's plain data: for every ordered pair of a
 * namespace and a unit (either way), and of two namespaces, how many ordered pairs of distinct
 * units it stands for, how many of them may connect, how many of those only because neither side
 * is isolated, and the union of the ports they may use. The canvas draws a collapsed namespace's
 * flows from these tables instead of asking the matrix about every pair of units (millions at
 * 2,000 workloads); one pass over the pairs with integer look-ups, in the analysis (a worker's,
 * for large inputs). The same answers as asking `matrixFromData(data)` pair by pair.
 *
 * A unit is isolated in a direction when policies select any of its classes (its pods) in that
 * direction, as `ReachabilityMatrix.sides` says.
 */
import type { PortSet } from '../model/portset.ts';
import { ALL_ID, EMPTY_ID, PortSetInterner } from './interner.ts';
import type { MatrixData, MatrixSideData } from './matrix-data.ts';

/** Gathered pairs, one entry per row of a table (see NamespacePairs for each table's indexing). */
export interface PairTotals {
  /** Ordered pairs of distinct units. */
  readonly pairs: Int32Array;
  /** Pairs with at least one allowed port. */
  readonly allowed: Int32Array;
  /** Allowed pairs whose source is not isolated for egress nor the destination for ingress. */
  readonly open: Int32Array;
  /** The union of the allowed ports, an id into `NamespacePairs.portSets`. */
  readonly ports: Int32Array;
}

export interface NamespacePairs {
  /** Namespaces in the order their first unit comes in the matrix. */
  readonly namespaces: readonly string[];
  /** Index into `namespaces` of every unit of the matrix. */
  readonly namespaceOf: Int32Array;
  /** Interned port sets: index = id (0 = none, 1 = all). */
  readonly portSets: readonly PortSet[];
  /** Every unit of namespace `a` to unit `d`: entry `a * units + d`. */
  readonly toUnit: PairTotals;
  /** Unit `s` to every unit of namespace `b`: entry `s * namespaces + b`. */
  readonly fromUnit: PairTotals;
  /** Every unit of namespace `a` to every unit of namespace `b`: entry `a * namespaces + b`. */
  readonly between: PairTotals;
}

/** `allowed` when every pair may connect, `partial` when some may, `denied` when none may (or there is no pair). */
export type PairCoverage = 'allowed' | 'partial' | 'denied';

export function pairCoverage(pairs: number, allowed: number): PairCoverage {
  if (allowed === 0) return 'denied';
  return allowed === pairs ? 'allowed' : 'partial';
}

/** One entry of a table, as plain values. */
export interface PairTotal {
  readonly pairs: number;
  readonly allowed: number;
  readonly open: number;
  readonly ports: PortSet;
  readonly coverage: PairCoverage;
}

export function pairTotalAt(gathered: NamespacePairs, table: PairTotals, index: number): PairTotal {
  const pairs = table.pairs[index] ?? 0;
  const allowed = table.allowed[index] ?? 0;
  return {
    pairs,
    allowed,
    open: table.open[index] ?? 0,
    ports: gathered.portSets[table.ports[index] ?? EMPTY_ID]!,
    coverage: pairCoverage(pairs, allowed),
  };
}

function totals(size: number): PairTotals {
  return { pairs: new Int32Array(size), allowed: new Int32Array(size), open: new Int32Array(size), ports: new Int32Array(size) };
}

/** Per unit: whether policies select any of its classes in the direction of `side`. */
function isolatedUnits(data: MatrixData, side: MatrixSideData): Uint8Array {
  const isolated = new Uint8Array(data.unitClasses.length);
  data.unitClasses.forEach((classes, u) => {
    isolated[u] = classes.some((c) => side.allowed[side.groupOf[c]!] !== null) ? 1 : 0;
  });
  return isolated;
}

export function gatherNamespacePairs(data: MatrixData): NamespacePairs {
  const units = data.units.length;
  const namespaceIndex = new Map<string, number>();
  const namespaceOf = new Int32Array(units);
  data.units.forEach((unit, u) => {
    let index = namespaceIndex.get(unit.namespace);
    if (index === undefined) {
      index = namespaceIndex.size;
      namespaceIndex.set(unit.namespace, index);
    }
    namespaceOf[u] = index;
  });
  const namespaces = [...namespaceIndex.keys()];
  const count = namespaces.length;
  const interner = new PortSetInterner(data.portSets);
  const n = data.classCount;
  const { cells, unitClasses } = data;
  // Most units have one class: their cell is a plain look-up.
  const single = new Int32Array(units).map((_, u) => (unitClasses[u]?.length === 1 ? unitClasses[u]![0]! : -1));
  const cell = (s: number, d: number): number => {
    const a = single[s]!;
    const b = single[d]!;
    if (a >= 0 && b >= 0) return cells[a * n + b]!;
    let id = EMPTY_ID;
    for (const x of unitClasses[s] ?? []) for (const y of unitClasses[d] ?? []) id = interner.union(id, cells[x * n + y]!);
    return id;
  };
  const egressIsolated = isolatedUnits(data, data.egress);
  const ingressIsolated = isolatedUnits(data, data.ingress);
  const toUnit = totals(count * units);
  const fromUnit = totals(units * count);
  const unionInto = (ports: Int32Array, at: number, id: number) => {
    const was = ports[at]!;
    if (was !== id && was !== ALL_ID) ports[at] = was === EMPTY_ID ? id : interner.union(was, id);
  };
  for (let s = 0; s < units; s++) {
    const a = namespaceOf[s]!;
    const sourceOpen = egressIsolated[s] === 0;
    for (let d = 0; d < units; d++) {
      if (s === d) continue;
      const b = namespaceOf[d]!;
      const to = a * units + d;
      const from = s * count + b;
      toUnit.pairs[to]!++;
      fromUnit.pairs[from]!++;
      const id = cell(s, d);
      if (id === EMPTY_ID) continue;
      toUnit.allowed[to]!++;
      fromUnit.allowed[from]!++;
      unionInto(toUnit.ports, to, id);
      unionInto(fromUnit.ports, from, id);
      if (sourceOpen && ingressIsolated[d] === 0) {
        toUnit.open[to]!++;
        fromUnit.open[from]!++;
      }
    }
  }
  // Namespace to namespace: the sum of its namespace-to-unit entries over the other namespace's units.
  const between = totals(count * count);
  for (let a = 0; a < count; a++) {
    for (let d = 0; d < units; d++) {
      const to = a * units + d;
      const at = a * count + namespaceOf[d]!;
      between.pairs[at]! += toUnit.pairs[to]!;
      between.allowed[at]! += toUnit.allowed[to]!;
      between.open[at]! += toUnit.open[to]!;
      unionInto(between.ports, at, toUnit.ports[to]!);
    }
  }
  return { namespaces, namespaceOf, portSets: interner.table(), toUnit, fromUnit, between };
}

/** The typed arrays of the tables, to transfer rather than copy in `postMessage`. */
export function namespacePairsBuffers(gathered: NamespacePairs): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const table of [gathered.toUnit, gathered.fromUnit, gathered.between]) {
    for (const array of [table.pairs, table.allowed, table.open, table.ports]) if (array.buffer instanceof ArrayBuffer) buffers.push(array.buffer);
  }
  if (gathered.namespaceOf.buffer instanceof ArrayBuffer) buffers.push(gathered.namespaceOf.buffer);
  return buffers;
}
