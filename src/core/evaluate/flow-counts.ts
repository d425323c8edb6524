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

// Read once: under a CommonJS transform (the CLI's), every use of an imported binding is a
// property read, and the pair loop below runs millions of times.
const EMPTY = EMPTY_ID;
const ALL = ALL_ID;

interface Side {
  allowed: number;
  targeted: number;
}

function addSide(sums: Side, side: MatrixSideData, subject: number, other: number, interner: PortSetInterner): void {
  const group = side.groupOf[subject]!;
  const allowed = side.allowed[group];
  if (!allowed) {
    sums.allowed = ALL;
    return;
  }
  const targeted = side.targeted[group]![other]!;
  sums.allowed = sums.allowed === EMPTY ? allowed[other]! : interner.union(sums.allowed, allowed[other]!);
  sums.targeted = sums.targeted === EMPTY ? targeted : interner.union(sums.targeted, targeted);
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
  /** Those of `pairs` that are half-open (one side allows a port the other side denies), likewise. */
  readonly halfOpenPairs: Uint32Array;
}

export function countMatrixFlows(data: MatrixData): FlowCounts {
  return scanMatrixFlows(data).counts;
}

/** Sums of one side for a pair of class lists; the common case of one class each needs no union. */
function sideOf(sums: Side, side: MatrixSideData, subjects: readonly number[], others: readonly number[], interner: PortSetInterner): void {
  sums.allowed = sums.targeted = EMPTY;
  for (const a of subjects) for (const b of others) addSide(sums, side, a, b, interner);
}

export function scanMatrixFlows(data: MatrixData): MatrixFlowScan {
  const interner = new PortSetInterner(data.portSets);
  const n = data.classCount;
  const { cells } = data;
  /** Whether `a` minus `b` keeps some port, per pair of ids. */
  const leftovers = new Map<number, boolean>();
  const leaves = (a: number, b: number): boolean => {
    if (a === EMPTY || b === ALL || a === b) return false;
    const key = a * 0x200000 + b;
    let left = leftovers.get(key);
    if (left === undefined) {
      left = !isEmptyPorts(subtractPorts(interner.get(a), interner.get(b)));
      leftovers.set(key, left);
    }
    return left;
  };
  const groups = unitGroups(data.unitClasses);
  // The one class of each group, or -1: most units have one, and a pair of them is read directly.
  const only = Int32Array.from(groups, (g) => (g.classes.length === 1 ? g.classes[0]! : -1));
  // Per class, its side's row (null: not isolated), looked up once rather than per pair.
  const rowsOf = (side: MatrixSideData, rows: readonly (Int32Array | null)[]) => Array.from(side.groupOf, (g) => rows[g] ?? null);
  const egressAllowed = rowsOf(data.egress, data.egress.allowed);
  const egressTargeted = rowsOf(data.egress, data.egress.targeted);
  const ingressAllowed = rowsOf(data.ingress, data.ingress.allowed);
  const ingressTargeted = rowsOf(data.ingress, data.ingress.targeted);
  const egress: Side = { allowed: EMPTY, targeted: EMPTY };
  const ingress: Side = { allowed: EMPTY, targeted: EMPTY };
  let allowed = 0;
  let halfOpen = 0;
  /** Group pairs drawn, `from * groups + to`, in a typed array doubled when full; the half-open ones too. */
  const drawn = new GroupPairs();
  const halfDrawn = new GroupPairs();
  let drawnPairs = 0;
  for (let f = 0; f < groups.length; f++) {
    const from = groups[f]!;
    const a = only[f]!;
    for (let t = 0; t < groups.length; t++) {
      const to = groups[t]!;
      const weight = f === t ? from.members.length * (from.members.length - 1) : from.members.length * to.members.length;
      if (weight === 0) continue;
      const b = only[t]!;
      let connections = EMPTY;
      if (a >= 0 && b >= 0) {
        // One class each way: the sums are the cells themselves (what addSide gives from nothing).
        connections = cells[a * n + b]!;
        const egressRow = egressAllowed[a]!;
        const ingressColumn = ingressAllowed[b]!;
        egress.allowed = egressRow ? egressRow[b]! : ALL;
        egress.targeted = egressRow ? egressTargeted[a]![b]! : EMPTY;
        ingress.allowed = ingressColumn ? ingressColumn[a]! : ALL;
        ingress.targeted = ingressColumn ? ingressTargeted[b]![a]! : EMPTY;
      } else {
        for (const x of from.classes) {
          // A union with nothing is the other set: one class each way (most units) needs no union.
          for (const y of to.classes) connections = connections === EMPTY ? cells[x * n + y]! : interner.union(connections, cells[x * n + y]!);
        }
        sideOf(egress, data.egress, from.classes, to.classes, interner);
        sideOf(ingress, data.ingress, to.classes, from.classes, interner);
      }
      const half = leaves(egress.targeted, ingress.allowed) || leaves(ingress.targeted, egress.allowed);
      if (connections !== EMPTY) allowed += weight;
      if (half) {
        halfOpen += weight;
        halfDrawn.push(f * groups.length + t);
      }
      if (connections !== EMPTY || half) {
        drawn.push(f * groups.length + t);
        drawnPairs += weight;
      }
    }
  }
  const units = data.unitClasses.length;
  const pairs = units > 1 ? units * (units - 1) : 0;
  return {
    counts: { pairs, allowed, denied: pairs - allowed, halfOpen },
    pairs: pairList(groups, drawn.keys(), drawnPairs, units),
    halfOpenPairs: pairList(groups, halfDrawn.keys(), halfOpen, units),
  };
}

/** Keys of group pairs, in a typed array doubled when full. */
class GroupPairs {
  private list = new Float64Array(1024);
  private count = 0;

  push(key: number): void {
    if (this.count === this.list.length) {
      const grown = new Float64Array(this.list.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.count++] = key;
  }

  keys(): Float64Array {
    return this.list.subarray(0, this.count);
  }
}

function pairList(groups: readonly UnitGroup[], drawn: Float64Array, size: number, units: number): Uint32Array {
  const list = new Uint32Array(size);
  let at = 0;
  let sorted = true;
  const g = groups.length;
  for (let k = 0; k < drawn.length; k++) {
    const key = drawn[k]!;
    const from = groups[Math.floor(key / g)]!.members;
    const to = groups[key % g]!.members;
    for (let i = 0; i < from.length; i++) {
      const s = from[i]!;
      for (let j = 0; j < to.length; j++) {
        const d = to[j]!;
        if (s === d) continue;
        const pair = s * units + d;
        if (at > 0 && pair < list[at - 1]!) sorted = false;
        list[at++] = pair;
      }
    }
  }
  // Units of one class each come out in order already: sort only when groups interleave.
  return sorted ? list : list.sort();
}
