/**
 * The faster address-set code that 4,000 IPv6 ipBlocks needed (issue #6) answers exactly as the
 * straightforward code it replaced: rangeToCidrs (one step per CIDR, not one trial per bit, and
 * stopping at a limit), atomsOf (cuts deduplicated by sorting: V8 hashes a bigint by its low 64
 * bits, so a Set of IPv6 cuts is quadratic), formatIpSetLabel (counts CIDRs only up to what the
 * label needs).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atomsOf,
  bitsOf,
  formatCidr,
  formatRange,
  maxOf,
  rangeToCidrs,
  subtractIps,
  unionIps,
  type IpFamily,
  type IpRange,
  type IpSet,
} from '../../../src/core/model/ipset.ts';
import { formatIpSetLabel } from '../../../src/core/model/ipset-label.ts';

/** The loop rangeToCidrs had: grow each block one bit at a time while it is aligned and fits. */
function rangeToCidrsReference(r: IpRange): string[] {
  const bits = bitsOf(r.family);
  const out: string[] = [];
  let start = r.start;
  while (start <= r.end) {
    let host = 0;
    while (host < bits) {
      const size = 1n << BigInt(host + 1);
      if ((start & (size - 1n)) !== 0n || start + size - 1n > r.end) break;
      host++;
    }
    out.push(formatCidr(r.family, start, bits - host));
    start += 1n << BigInt(host);
  }
  return out;
}

function atomsOfReference(sets: readonly IpSet[], families: readonly IpFamily[]): IpRange[] {
  const out: IpRange[] = [];
  for (const family of [4, 6] as const) {
    if (!families.includes(family)) continue;
    const max = maxOf(family);
    const cuts = new Map<string, bigint>([['0', 0n]]);
    for (const s of sets) {
      for (const r of s.ranges) {
        if (r.family !== family) continue;
        cuts.set(r.start.toString(), r.start);
        if (r.end < max) cuts.set((r.end + 1n).toString(), r.end + 1n);
      }
    }
    const sorted = [...cuts.values()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    sorted.forEach((start, i) => out.push({ family, start, end: i + 1 < sorted.length ? sorted[i + 1]! - 1n : max }));
  }
  return out;
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** formatIpSetLabel as it was: every CIDR of every range, then decide. */
function labelReference(set: IpSet): string {
  const ranges = set.ranges;
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return 'no address';
  const exact = ranges.flatMap(rangeToCidrsReference);
  if (exact.length === 1) return exact[0]!;
  const host = bitLength(first.start ^ last.end);
  const start = (first.start >> BigInt(host)) << BigInt(host);
  const enclosing = { family: first.family, start, end: start + (1n << BigInt(host)) - 1n };
  const holes = subtractIps({ ranges: [enclosing] }, set).ranges.flatMap(rangeToCidrsReference);
  if (holes.length <= 4 && holes.length < exact.length) return `${formatCidr(first.family, start, bitsOf(first.family) - host)} except ${holes.join(', ')}`;
  if (exact.length <= 4) return exact.join(', ');
  const shown = ranges.slice(0, 2).map(formatRange).join(', ');
  return ranges.length > 2 ? `${shown}, … (${ranges.length} ranges)` : shown;
}

/** A value near interesting boundaries: small, aligned with a random block, or anywhere. */
const valueArb = (family: IpFamily): fc.Arbitrary<bigint> => {
  const max = maxOf(family);
  const bits = bitsOf(family);
  return fc.oneof(
    fc.bigInt({ min: 0n, max: 300n }),
    fc.tuple(fc.bigInt({ min: 0n, max }), fc.integer({ min: 0, max: bits })).map(([v, host]) => (v >> BigInt(host)) << BigInt(host)),
    fc.tuple(fc.bigInt({ min: 0n, max }), fc.integer({ min: 0, max: bits })).map(([v, host]) => v | ((1n << BigInt(host)) - 1n)),
    fc.bigInt({ min: 0n, max }),
    fc.constant(max),
  );
};

const rangeArb: fc.Arbitrary<IpRange> = fc
  .constantFrom<IpFamily>(4, 6)
  .chain((family) => fc.tuple(fc.constant(family), valueArb(family), valueArb(family)))
  .map(([family, a, b]) => (a <= b ? { family, start: a, end: b } : { family, start: b, end: a }));

const setArb = (family: IpFamily): fc.Arbitrary<IpSet> =>
  fc
    .array(fc.tuple(valueArb(family), valueArb(family)), { minLength: 1, maxLength: 8 })
    .map((pairs) => pairs.reduce<IpSet>((acc, [a, b]) => unionIps(acc, { ranges: [{ family, start: a < b ? a : b, end: a < b ? b : a }] }), { ranges: [] }));

describe('address sets at scale, against the straightforward code', () => {
  it('rangeToCidrs gives the same CIDRs, and a limit keeps the first ones', () => {
    fc.assert(
      fc.property(rangeArb, fc.integer({ min: 1, max: 6 }), (range, limit) => {
        const expected = rangeToCidrsReference(range);
        expect(rangeToCidrs(range)).toEqual(expected);
        expect(rangeToCidrs(range, limit)).toEqual(expected.slice(0, limit));
      }),
      { numRuns: 1000 },
    );
  });

  it('atomsOf gives the same atoms', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<IpFamily>(4, 6).chain(setArb), { maxLength: 6 }),
        fc.constantFrom<IpFamily[]>([4, 6], [4], [6]),
        (sets, families) => {
          expect(atomsOf(sets, families)).toEqual(atomsOfReference(sets, families));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('atomsOf of thousands of IPv6 blocks that differ only in high bits is the reference', () => {
    const sets = Array.from({ length: 3000 }, (_, i): IpSet => {
      const start = (0x20010db8n << 96n) | (BigInt(i) << 80n);
      return { ranges: [{ family: 6, start, end: start + (1n << 80n) - 1n }] };
    });
    expect(atomsOf(sets)).toEqual(atomsOfReference(sets, [4, 6]));
  });

  it('formatIpSetLabel gives the same label', () => {
    fc.assert(
      fc.property(fc.constantFrom<IpFamily>(4, 6).chain(setArb), (set) => {
        expect(formatIpSetLabel(set)).toBe(labelReference(set));
      }),
      { numRuns: 1000 },
    );
  });
});
