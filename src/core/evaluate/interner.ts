/**
 * Port sets interned to small integers, with memoised union and intersection: the matrix
 * stores one integer per cell and combines sets by table look-up.
 */
import {
  ALL_PORTS,
  EMPTY_PORTS,
  intersectPorts,
  portSetFromRanges,
  portSetKey,
  unionPorts,
  type PortRange,
  type PortSet,
} from '../model/portset.ts';
import { PROTOCOLS } from '../model/types.ts';

export const EMPTY_ID = 0;
export const ALL_ID = 1;

export class PortSetInterner {
  private readonly ids = new Map<string, number>();
  private readonly sets: PortSet[] = [];
  private readonly unions = new Map<number, number>();
  private readonly intersections = new Map<number, number>();
  private readonly unionsOfMany = new Map<string, number>();

  /** `table`: the sets of another interner (its `table()`), so ids carry over unchanged. */
  constructor(table: readonly PortSet[] = []) {
    this.intern(EMPTY_PORTS);
    this.intern(ALL_PORTS);
    for (const set of table) this.intern(set);
  }

  /** Every set interned so far, indexed by id. */
  table(): readonly PortSet[] {
    return this.sets.slice();
  }

  intern(set: PortSet): number {
    const key = portSetKey(set);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(set);
      this.ids.set(key, id);
    }
    return id;
  }

  get(id: number): PortSet {
    const set = this.sets[id];
    if (set === undefined) throw new Error(`no port set ${id}`);
    return set;
  }

  union(a: number, b: number): number {
    if (a === b || b === EMPTY_ID || a === ALL_ID) return a;
    if (a === EMPTY_ID || b === ALL_ID) return b;
    const key = a < b ? a * 0x200000 + b : b * 0x200000 + a;
    let id = this.unions.get(key);
    if (id === undefined) {
      id = this.intern(unionPorts(this.get(a), this.get(b)));
      this.unions.set(key, id);
    }
    return id;
  }

  /**
   * The union of many sets at once: their ranges merged in one sort, O(r log r) in the ranges r
   * of all the sets. Folding `union` over k sets instead costs up to k times the size of the
   * result (300 rules of 100 ports each: 300 merges of up to 30,000 ranges, each interned).
   */
  unionAll(ids: readonly number[]): number {
    const distinct = [...new Set(ids)].filter((id) => id !== EMPTY_ID);
    if (distinct.length === 0) return EMPTY_ID;
    if (distinct.includes(ALL_ID)) return ALL_ID;
    if (distinct.length === 1) return distinct[0]!;
    if (distinct.length === 2) return this.union(distinct[0]!, distinct[1]!);
    distinct.sort((a, b) => a - b);
    const key = distinct.join(',');
    let id = this.unionsOfMany.get(key);
    if (id === undefined) {
      let set = EMPTY_PORTS;
      for (const protocol of PROTOCOLS) {
        const ranges: PortRange[] = [];
        for (const member of distinct) for (const range of this.get(member)[protocol]) ranges.push(range);
        if (ranges.length > 0) set = unionPorts(set, portSetFromRanges(protocol, ranges));
      }
      id = this.intern(set);
      this.unionsOfMany.set(key, id);
    }
    return id;
  }

  intersect(a: number, b: number): number {
    if (a === b || b === ALL_ID || a === EMPTY_ID) return a;
    if (a === ALL_ID || b === EMPTY_ID) return b;
    const key = a < b ? a * 0x200000 + b : b * 0x200000 + a;
    let id = this.intersections.get(key);
    if (id === undefined) {
      id = this.intern(intersectPorts(this.get(a), this.get(b)));
      this.intersections.set(key, id);
    }
    return id;
  }
}

/**
 * Unions gathered per slot (a row or column of the matrix, an address atom) and computed once
 * per slot with `unionAll`, so a slot reached by many rules costs one merge, not one per rule.
 */
export class UnionsBySlot {
  private readonly first: Int32Array;
  private readonly more = new Map<number, number[]>();

  constructor(size: number) {
    this.first = new Int32Array(size).fill(EMPTY_ID);
  }

  add(slot: number, id: number): void {
    if (id === EMPTY_ID) return;
    const first = this.first[slot]!;
    if (first === EMPTY_ID) this.first[slot] = id;
    else if (first !== id && first !== ALL_ID) {
      const list = this.more.get(slot);
      if (list) list.push(id);
      else this.more.set(slot, [id]);
    }
  }

  /** The union per slot (EMPTY_ID where nothing was added). */
  result(interner: PortSetInterner): Int32Array {
    const out = this.first;
    for (const [slot, list] of this.more) {
      list.push(out[slot]!);
      out[slot] = interner.unionAll(list);
    }
    return out;
  }
}
