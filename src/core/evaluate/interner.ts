/**
 * Port sets interned to small integers, with memoised union and intersection: the matrix
 * stores one integer per cell and combines sets by table look-up.
 */
import {
  ALL_PORTS,
  EMPTY_PORTS,
  intersectPorts,
  portSetKey,
  unionPorts,
  type PortSet,
} from '../model/portset.ts';

export const EMPTY_ID = 0;
export const ALL_ID = 1;

export class PortSetInterner {
  private readonly ids = new Map<string, number>();
  private readonly sets: PortSet[] = [];
  private readonly unions = new Map<number, number>();
  private readonly intersections = new Map<number, number>();

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
