/**
 * The flow counts of a whole matrix (how many ordered pairs of distinct units may connect, how
 * many are half-open), read off its plain data with integer look-ups: one pass over the pairs,
 * no port set built per pair, units with the same classes counted once. The same counts as
 * asking `matrixFromData(data)` pair by pair (connections, then halfOpenOf(sides)); the same
 * pass lists those pairs (scanMatrixFlows), for the canvas.
 */
import { isEmptyPorts, subtractPorts } from '../model/portset.ts';
import { ALL_ID, EMPTY_ID, PortSetInterner } from './interner.ts';
import type { MatrixData, MatrixSideData } from './matrix-data.ts';

export interface FlowCounts {
  /** Ordered pairs of distinct units. */
  readonly pairs: number;
  /** Pairs with at least one allowed port. */
  readonly allowed: number;
  /** Pairs with no allowed port. */
  readonly denied: number;
  /** Pairs where one side explicitly allows some port that the other side denies. */
  readonly halfOpen: number;
}

interface Side {
  allowed: number;
  targeted: number;
}

function addSide(sums: Side, side: MatrixSideData, subject: number, other: number, interner: PortSetInterner): void {
  const group = side.groupOf[subject]!;
  const allowed = side.allowed[group];
  if (!allowed) {
    sums.allowed = ALL_ID;
    return;
  }
  const targeted = side.targeted[group]![other]!;
  sums.allowed = sums.allowed === EMPTY_ID ? allowed[other]! : interner.union(sums.allowed, allowed[other]!);
  sums.targeted = sums.targeted === EMPTY_ID ? targeted : interner.union(sums.targeted, targeted);
}

interface UnitGroup {
  readonly classes: readonly number[];
  /** Indices of the units with these classes. */
  readonly members: number[];
}

/** Distinct class lists of the units, with the units that have each. */
function unitGroups(unitClasses: readonly (readonly number[])[]): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  unitClasses.forEach((classes, unit) => {
    const key = classes.join(',');
    const group = groups.get(key);
    if (group) group.members.push(unit);
    else groups.set(key, { classes, members: [unit] });
  });
  return [...groups.values()];
}

export interface MatrixFlowScan {
  readonly counts: FlowCounts;
  /**
   * Every ordered pair of distinct units that is allowed on some port or half-open, as
   * `from * units + to`, in increasing order: the pairs a canvas draws by default, found without
   * asking each of the others.
   */
  readonly pairs: Uint32Array;
}

export function countMatrixFlows(data: MatrixData): FlowCounts {
  return scanMatrixFlows(data).counts;
}

export function scanMatrixFlows(data: MatrixData): MatrixFlowScan {
  const interner = new PortSetInterner(data.portSets);
  const n = data.classCount;
  /** Whether `a` minus `b` keeps some port, per pair of ids. */
  const leftovers = new Map<number, boolean>();
  const leaves = (a: number, b: number): boolean => {
    if (a === EMPTY_ID || b === ALL_ID || a === b) return false;
    const key = a * 0x200000 + b;
    let left = leftovers.get(key);
    if (left === undefined) {
      left = !isEmptyPorts(subtractPorts(interner.get(a), interner.get(b)));
      leftovers.set(key, left);
    }
    return left;
  };
  const groups = unitGroups(data.unitClasses);
  const egress: Side = { allowed: EMPTY_ID, targeted: EMPTY_ID };
  const ingress: Side = { allowed: EMPTY_ID, targeted: EMPTY_ID };
  let allowed = 0;
  let halfOpen = 0;
  const drawn: [UnitGroup, UnitGroup][] = [];
  let drawnPairs = 0;
  for (const from of groups) {
    for (const to of groups) {
      const weight = from === to ? from.members.length * (from.members.length - 1) : from.members.length * to.members.length;
      if (weight === 0) continue;
      let connections = EMPTY_ID;
      egress.allowed = egress.targeted = ingress.allowed = ingress.targeted = EMPTY_ID;
      for (const a of from.classes) {
        for (const b of to.classes) {
          // A union with nothing is the other set: one class each way (most units) needs no union.
          connections = connections === EMPTY_ID ? data.cells[a * n + b]! : interner.union(connections, data.cells[a * n + b]!);
          addSide(egress, data.egress, a, b, interner);
          addSide(ingress, data.ingress, b, a, interner);
        }
      }
      const half = leaves(egress.targeted, ingress.allowed) || leaves(ingress.targeted, egress.allowed);
      if (connections !== EMPTY_ID) allowed += weight;
      if (half) halfOpen += weight;
      if (connections !== EMPTY_ID || half) {
        drawn.push([from, to]);
        drawnPairs += weight;
      }
    }
  }
  const units = data.unitClasses.length;
  const pairs = units > 1 ? units * (units - 1) : 0;
  return { counts: { pairs, allowed, denied: pairs - allowed, halfOpen }, pairs: pairList(drawn, drawnPairs, units) };
}

function pairList(drawn: readonly (readonly [UnitGroup, UnitGroup])[], size: number, units: number): Uint32Array {
  const list = new Uint32Array(size);
  let at = 0;
  for (const [from, to] of drawn) {
    for (const s of from.members) for (const d of to.members) if (s !== d) list[at++] = s * units + d;
  }
  return list.sort();
}
