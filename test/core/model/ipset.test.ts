import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ALL_IPS,
  ALL_IPV4,
  ALL_IPV6,
  EMPTY_IPS,
  MAX_IPV4,
  MAX_IPV6,
  atomsOf,
  complementIps,
  containsIp,
  containsIpText,
  equalIps,
  familyOfRange,
  formatIpRangeLabel,
  formatRange,
  intersectIps,
  ipSetKey,
  ipSetOfCidr,
  ipSetOfIp,
  ipSetOfIpBlock,
  ipSetOfRange,
  isEmptyIps,
  parseCidr,
  parseIp,
  rangeToCidrs,
  subtractIps,
  unionIps,
  type IpFamily,
  type IpRange,
  type IpSet,
  type ParsedCidr,
} from '../../../src/core/model/ipset.ts';

const cidr = (t: string) => ipSetOfCidr(parseCidr(t) as ParsedCidr);
const block = (c: string, except?: string[]) => ipSetOfIpBlock(c, except) as IpSet;
const union = (...sets: IpSet[]) => sets.reduce(unionIps, EMPTY_IPS);
const range = (family: IpFamily, first: string, last: string): IpRange => ({
  family,
  start: parseIp(first)!.value,
  end: parseIp(last)!.value,
});
const labels = (s: IpSet) => s.ranges.map(formatIpRangeLabel);

// ---- generators and a brute-force model: CIDRs of prefix >= /26 under 10.0.0.0/24 ----

const BASE = 0x0a000000n;
const smallCidrArb = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 26, max: 32 }))
  .map(([x, p]) => cidr(`10.0.0.${x}/${p}`));
const smallSetArb = fc
  .tuple(fc.array(smallCidrArb, { maxLength: 5 }), fc.array(smallCidrArb, { maxLength: 3 }))
  .map(([ins, outs]) => subtractIps(union(...ins), union(...outs)));

/** Members among 10.0.0.0/24 and one address on each side of it. */
function model(s: IpSet): Set<bigint> {
  const out = new Set<bigint>();
  for (let v = BASE - 1n; v <= BASE + 256n; v++) if (containsIp(s, { family: 4, value: v })) out.add(v);
  return out;
}

/** Arbitrary sets over both families, with ranges near interesting edges. */
function rangeArb(family: IpFamily) {
  const max = family === 4 ? MAX_IPV4 : MAX_IPV6;
  const point = fc.oneof(fc.bigInt({ min: 0n, max }), fc.bigInt({ min: 0n, max: 300n }), fc.bigInt({ min: max - 300n, max }));
  return fc.tuple(point, point).map(([a, b]): IpRange => ({ family, start: a < b ? a : b, end: a < b ? b : a }));
}
const wideSetArb = fc
  .array(fc.oneof(rangeArb(4), rangeArb(6)), { maxLength: 6 })
  .map((rs) => union(...rs.map(ipSetOfRange)));

function isCanonical(s: IpSet): boolean {
  return s.ranges.every((r, i) => {
    const prev = s.ranges[i - 1];
    const max = r.family === 4 ? MAX_IPV4 : MAX_IPV6;
    const ordered =
      prev === undefined || prev.family < r.family || (prev.family === r.family && prev.end + 1n < r.start);
    return 0n <= r.start && r.start <= r.end && r.end <= max && ordered;
  });
}

describe('constants', () => {
  it('ALL_IPS is both families whole; the others are frozen too', () => {
    expect(ALL_IPS.ranges).toEqual([
      { family: 4, start: 0n, end: MAX_IPV4 },
      { family: 6, start: 0n, end: MAX_IPV6 },
    ]);
    expect(equalIps(union(ALL_IPV4, ALL_IPV6), ALL_IPS)).toBe(true);
    for (const s of [EMPTY_IPS, ALL_IPV4, ALL_IPV6, ALL_IPS]) expect(Object.isFrozen(s)).toBe(true);
  });
});

describe('ipSetOfIpBlock', () => {
  it('is the CIDR when there are no excepts', () => {
    expect(block('10.0.0.0/8').ranges).toEqual([range(4, '10.0.0.0', '10.255.255.255')]);
  });

  it('subtracts the excepts', () => {
    expect(block('10.0.0.0/8', ['10.1.0.0/16', '10.3.0.0/16']).ranges.map(formatRange)).toEqual([
      '10.0.0.0-10.0.255.255',
      '10.2.0.0-10.2.255.255',
      '10.4.0.0-10.255.255.255',
    ]);
  });

  it('treats host bits as Kubernetes does', () => {
    expect(equalIps(block('10.1.0.1/4'), cidr('0.0.0.0/4'))).toBe(true);
  });

  it('ignores excepts of the other family', () => {
    expect(equalIps(block('0.0.0.0/0', ['::/0']), ALL_IPV4)).toBe(true);
  });

  it('is null when any text is invalid', () => {
    expect(ipSetOfIpBlock('10.0.0.0')).toBeNull();
    expect(ipSetOfIpBlock('10.0.0.0/8', ['10.1.0.0/16', '010.2.0.0/16'])).toBeNull();
  });
});

describe('unionIps, intersectIps, subtractIps', () => {
  it('merge adjacent ranges', () => {
    expect(union(cidr('10.0.0.0/25'), cidr('10.0.0.128/25')).ranges).toEqual([range(4, '10.0.0.0', '10.0.0.255')]);
  });

  it('do not merge the end of IPv4 with the start of IPv6', () => {
    expect(union(ALL_IPV6, ALL_IPV4).ranges).toHaveLength(2);
  });

  it('keep families apart', () => {
    expect(isEmptyIps(intersectIps(ALL_IPV4, ALL_IPV6))).toBe(true);
    expect(equalIps(subtractIps(ALL_IPS, ALL_IPV4), ALL_IPV6)).toBe(true);
    expect(equalIps(complementIps(ALL_IPV4), ALL_IPV6)).toBe(true);
    expect(equalIps(complementIps(EMPTY_IPS, [6]), ALL_IPV6)).toBe(true);
  });

  it('intersect overlapping CIDRs', () => {
    const s = intersectIps(union(cidr('10.0.0.0/8'), cidr('2001:db8::/32')), union(cidr('10.5.0.0/16'), cidr('2001:db8:1::/48')));
    expect(labels(s)).toEqual(['10.5.0.0/16', '2001:db8:1::/48']);
  });
});

describe('set algebra (property, against a brute-force model on 10.0.0.0/24)', () => {
  it('union, intersection and difference match the model', () => {
    fc.assert(
      fc.property(smallSetArb, smallSetArb, (a, b) => {
        const ma = model(a);
        const mb = model(b);
        expect(model(unionIps(a, b))).toEqual(new Set([...ma, ...mb]));
        expect(model(intersectIps(a, b))).toEqual(new Set([...ma].filter((x) => mb.has(x))));
        expect(model(subtractIps(a, b))).toEqual(new Set([...ma].filter((x) => !mb.has(x))));
      }),
    );
  });

  it('equalIps and ipSetKey agree with the model', () => {
    fc.assert(
      fc.property(smallSetArb, smallSetArb, (a, b) => {
        const same = [...model(a)].join() === [...model(b)].join();
        expect(equalIps(a, b)).toBe(same);
        expect(ipSetKey(a) === ipSetKey(b)).toBe(same);
      }),
    );
  });

  it('results are canonical over both families', () => {
    fc.assert(
      fc.property(wideSetArb, wideSetArb, (a, b) => {
        for (const r of [a, b, unionIps(a, b), intersectIps(a, b), subtractIps(a, b), complementIps(a)]) {
          expect(isCanonical(r)).toBe(true);
        }
      }),
    );
  });

  it('obeys the usual laws over both families', () => {
    fc.assert(
      fc.property(wideSetArb, wideSetArb, wideSetArb, (a, b, c) => {
        expect(equalIps(unionIps(a, b), unionIps(b, a))).toBe(true);
        expect(equalIps(intersectIps(a, b), intersectIps(b, a))).toBe(true);
        expect(equalIps(intersectIps(a, unionIps(b, c)), unionIps(intersectIps(a, b), intersectIps(a, c)))).toBe(true);
        expect(equalIps(subtractIps(a, b), intersectIps(a, complementIps(b)))).toBe(true);
        expect(equalIps(unionIps(subtractIps(a, b), intersectIps(a, b)), a)).toBe(true);
        expect(equalIps(unionIps(a, complementIps(a)), ALL_IPS)).toBe(true);
      }),
    );
  });
});

describe('containsIp and containsIpText', () => {
  const s = union(block('10.0.0.0/8', ['10.1.0.0/16']), cidr('2001:db8::/32'), cidr('::ffff:0:0/96'));

  it.each([
    ['10.0.0.1', true],
    ['10.1.2.3', false],
    ['10.255.255.255', true],
    ['11.0.0.0', false],
    ['2001:db8::42', true],
    ['2001:db9::', false],
    ['::ffff:10.1.2.3', true], // IPv4-mapped addresses are IPv6 values
    ['not-an-ip', false],
    ['010.0.0.1', false],
  ] as const)('%s -> %s', (ip, expected) => {
    expect(containsIpText(s, ip)).toBe(expected);
  });

  it('does not confuse families with equal values', () => {
    expect(containsIp(ALL_IPV4, { family: 6, value: 1n })).toBe(false);
    expect(containsIp(ipSetOfIp({ family: 6, value: 1n }), { family: 4, value: 1n })).toBe(false);
  });
});

describe('formatRange and familyOfRange', () => {
  it('formats first-last', () => {
    expect(formatRange(range(4, '49.50.4.8', '49.50.4.8'))).toBe('49.50.4.8-49.50.4.8');
    expect(formatRange(range(6, '2001:db8::', '2001:db8::ff'))).toBe('2001:db8::-2001:db8::ff');
    expect(familyOfRange(range(6, '::', '::1'))).toBe(6);
  });
});

describe('rangeToCidrs', () => {
  it.each([
    [4, '10.0.0.0', '10.0.0.255', ['10.0.0.0/24']],
    [4, '10.0.0.1', '10.0.0.6', ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']],
    [4, '0.0.0.0', '255.255.255.255', ['0.0.0.0/0']],
    [4, '0.0.0.0', '9.255.255.255', ['0.0.0.0/5', '8.0.0.0/7']],
    [6, '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', ['::/0']],
    [6, '2001:db8::', '2001:db8::2', ['2001:db8::/127', '2001:db8::2/128']],
  ] as const)('splits IPv%i %s-%s', (family, first, last, expected) => {
    expect(rangeToCidrs(range(family, first, last))).toEqual(expected);
  });

  it('covers exactly the range with aligned, unmergeable blocks (property)', () => {
    fc.assert(
      fc.property(fc.oneof(rangeArb(4), rangeArb(6)), (r) => {
        const cs = rangeToCidrs(r).map((t) => parseCidr(t) as ParsedCidr);
        expect(cs[0]?.start).toBe(r.start);
        expect(cs[cs.length - 1]?.end).toBe(r.end);
        cs.forEach((c, i) => {
          expect(c.family).toBe(r.family);
          expect(c.hostBitsSet).toBe(false);
          const next = cs[i + 1];
          if (next === undefined) return;
          expect(next.start).toBe(c.end + 1n);
          // Minimality: two equal sibling blocks would have been one block.
          const parentHostBits = BigInt((r.family === 4 ? 32 : 128) - c.prefix + 1);
          const siblings = next.prefix === c.prefix && c.start >> parentHostBits === next.start >> parentHostBits;
          expect(siblings).toBe(false);
        });
      }),
    );
  });

  it('produces the same addresses as the range on the small universe (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (x, y) => {
        const r: IpRange = { family: 4, start: BASE + BigInt(Math.min(x, y)), end: BASE + BigInt(Math.max(x, y)) };
        const s = union(...rangeToCidrs(r).map(cidr));
        expect(model(s)).toEqual(model(ipSetOfRange(r)));
      }),
    );
  });
});

describe('formatIpRangeLabel', () => {
  it.each([
    [4, '8.8.8.8', '8.8.8.8', '8.8.8.8/32'],
    [4, '0.0.0.0', '255.255.255.255', '0.0.0.0/0'],
    [6, '::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '::/0'],
    [4, '10.0.0.1', '10.0.0.255', '10.0.0.0/24 except 10.0.0.0/32'],
    [4, '10.0.0.0', '10.0.0.254', '10.0.0.0/24 except 10.0.0.255/32'],
    [4, '10.0.0.1', '10.0.0.254', '10.0.0.0/24 except 10.0.0.0/32, 10.0.0.255/32'],
    [4, '10.2.0.0', '10.255.255.255', '10.0.0.0/8 except 10.0.0.0/15'],
    [4, '10.0.0.3', '10.0.0.12', '10.0.0.0/28 except 10.0.0.0/31, 10.0.0.2/32, 10.0.0.13/32, 10.0.0.14/31'],
    [4, '10.0.0.3', '10.0.0.10', '10.0.0.0/28 except 10.0.0.0/31, 10.0.0.2/32, 10.0.0.11/32, 10.0.0.12/30'],
    [4, '10.0.0.5', '10.0.0.130', '10.0.0.5-10.0.0.130'], // would need 8 excepts
    [4, '49.50.4.7', '49.50.4.8', '49.50.4.7-49.50.4.8'],
    [6, '2001:db8::1', '2001:db8::ffff', '2001:db8::/112 except 2001:db8::/128'],
  ] as const)('labels IPv%i %s-%s as %s', (family, first, last, text) => {
    expect(formatIpRangeLabel(range(family, first, last))).toBe(text);
  });

  it('labels each range of an ipBlock with holes', () => {
    expect(labels(block('0.0.0.0/0', ['10.0.0.0/8']))).toEqual([
      '0.0.0.0/4 except 10.0.0.0/7, 12.0.0.0/6',
      '0.0.0.0/0 except 0.0.0.0/5, 8.0.0.0/7, 10.0.0.0/8',
    ]);
  });
});

describe('atomsOf', () => {
  it('is the whole space of each family when there are no sets', () => {
    expect(atomsOf([])).toEqual([
      { family: 4, start: 0n, end: MAX_IPV4 },
      { family: 6, start: 0n, end: MAX_IPV6 },
    ]);
    expect(atomsOf([cidr('10.0.0.0/8')], [6])).toEqual([{ family: 6, start: 0n, end: MAX_IPV6 }]);
  });

  it('cuts only at set boundaries', () => {
    const atoms = atomsOf([block('10.0.0.0/8', ['10.1.0.0/16']), cidr('10.1.0.0/16')], [4]);
    expect(atoms.map(formatRange)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.0.255.255',
      '10.1.0.0-10.1.255.255',
      '10.2.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.255',
    ]);
  });

  it('handles sets touching the ends of the space', () => {
    expect(atomsOf([ALL_IPS])).toEqual(ALL_IPS.ranges);
    expect(atomsOf([cidr('255.255.255.255/32'), cidr('::/128')]).map(formatRange)).toEqual([
      '0.0.0.0-255.255.255.254',
      '255.255.255.255-255.255.255.255',
      '::-::',
      '::1-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
  });

  it('partitions the space so that every set is a union of atoms, with no needless cuts (property)', () => {
    const familiesArb = fc.constantFrom<IpFamily[]>([4, 6], [4], [6], [6, 4]);
    fc.assert(
      fc.property(fc.array(wideSetArb, { maxLength: 4 }), familiesArb, (sets, families) => {
        const atoms = atomsOf(sets, families);
        const fams = ([4, 6] as const).filter((f) => families.includes(f));
        // Sorted, gap-free cover of each requested family.
        let k = 0;
        for (const f of fams) {
          let next = 0n;
          while (atoms[k]?.family === f) {
            const a = atoms[k] as IpRange;
            expect(a.start).toBe(next);
            expect(a.end >= a.start).toBe(true);
            next = a.end + 1n;
            k++;
          }
          expect(next).toBe((f === 4 ? MAX_IPV4 : MAX_IPV6) + 1n);
        }
        expect(k).toBe(atoms.length);
        // Each atom is entirely inside or entirely outside each set.
        for (const a of atoms) {
          for (const s of sets) {
            const inside = intersectIps(ipSetOfRange(a), s);
            expect(isEmptyIps(inside) || equalIps(inside, ipSetOfRange(a))).toBe(true);
          }
        }
        // Minimal: neighbouring atoms differ in membership of some set.
        atoms.forEach((a, i) => {
          const b = atoms[i + 1];
          if (b === undefined || b.family !== a.family) return;
          const sig = (r: IpRange) => sets.map((s) => containsIp(s, { family: r.family, value: r.start })).join();
          expect(sig(a)).not.toBe(sig(b));
        });
      }),
    );
  });
});
