/**
 * Unions of many port sets at once (what keeps 300 rules of 100 ports linear, issue #6) are the
 * sets that folding the pairwise union gives, slot by slot, whatever the order of the additions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_ID, PortSetInterner, UnionsBySlot } from '../../../src/core/evaluate/interner.ts';
import { ALL_PORTS, EMPTY_PORTS, equalPorts, portSetOf, unionPorts, type PortSet } from '../../../src/core/model/portset.ts';
import type { Protocol } from '../../../src/core/model/types.ts';

const rangeArb = fc
  .tuple(fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP'), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 20 }))
  .map(([protocol, from, width]) => portSetOf(protocol, from, from + width));

/** A port set of a few ranges, sometimes none or all. */
const portSetArb: fc.Arbitrary<PortSet> = fc.oneof(
  { weight: 8, arbitrary: fc.array(rangeArb, { maxLength: 5 }).map((sets) => sets.reduce(unionPorts, EMPTY_PORTS)) },
  { weight: 1, arbitrary: fc.constant(EMPTY_PORTS) },
  { weight: 1, arbitrary: fc.constant(ALL_PORTS) },
);

const fold = (sets: readonly PortSet[]): PortSet => sets.reduce(unionPorts, EMPTY_PORTS);

describe('PortSetInterner.unionAll and UnionsBySlot', () => {
  it('unionAll is the fold of the pairwise union, interned like it', () => {
    fc.assert(
      fc.property(fc.array(portSetArb, { maxLength: 12 }), (sets) => {
        const interner = new PortSetInterner();
        const ids = sets.map((s) => interner.intern(s));
        const id = interner.unionAll(ids);
        expect(equalPorts(interner.get(id), fold(sets))).toBe(true);
        expect(id).toBe(interner.intern(fold(sets)));
        // Asked again (in another order), the same id.
        expect(interner.unionAll([...ids].reverse())).toBe(id);
      }),
      { numRuns: 500 },
    );
  });

  it('gathers per slot the union of everything added there', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((slots) =>
          fc.tuple(fc.constant(slots), fc.array(fc.tuple(fc.integer({ min: 0, max: slots - 1 }), portSetArb), { maxLength: 40 })),
        ),
        ([slots, additions]) => {
          const interner = new PortSetInterner();
          const unions = new UnionsBySlot(slots);
          const folded = Array.from({ length: slots }, () => interner.intern(EMPTY_PORTS));
          for (const [slot, set] of additions) {
            const id = interner.intern(set);
            unions.add(slot, id);
            folded[slot] = interner.union(folded[slot]!, id);
          }
          const result = unions.result(interner);
          expect([...result]).toEqual(folded);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a slot that reached every port stays all ports', () => {
    const interner = new PortSetInterner();
    const unions = new UnionsBySlot(1);
    unions.add(0, ALL_ID);
    unions.add(0, interner.intern(portSetOf('TCP', 80)));
    expect([...unions.result(interner)]).toEqual([ALL_ID]);
  });
});
