import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PROTOCOLS, type Protocol } from '../../../src/core/model/types.ts';
import {
  ALL_PORTS,
  EMPTY_PORTS,
  MAX_PORT,
  MIN_PORT,
  complementPorts,
  containsPort,
  equalPorts,
  formatPortSet,
  formatPortSetShort,
  intersectPorts,
  isAllPorts,
  isEmptyPorts,
  parsePortSet,
  portSetFromRanges,
  portSetKey,
  portSetOf,
  subtractPorts,
  unionPorts,
  type PortSet,
} from '../../../src/core/model/portset.ts';

const tcp = (from?: number, to?: number) => portSetOf('TCP', from, to);
const udp = (from?: number, to?: number) => portSetOf('UDP', from, to);
const sctp = (from?: number, to?: number) => portSetOf('SCTP', from, to);
const union = (...sets: PortSet[]) => sets.reduce(unionPorts, EMPTY_PORTS);

// ---- generators and a brute-force model over a small universe (ports 1..SMALL) ----

const SMALL = 64;
const protocolArb = fc.constantFrom<Protocol>(...PROTOCOLS);

function spanArb(max: number) {
  return fc
    .tuple(protocolArb, fc.integer({ min: MIN_PORT, max }), fc.integer({ min: MIN_PORT, max }))
    .map(([p, a, b]) => portSetOf(p, Math.min(a, b), Math.max(a, b)));
}

function portSetArb(max: number) {
  return fc.array(fc.oneof(spanArb(max), protocolArb.map((p) => portSetOf(p))), { maxLength: 6 }).map((xs) => union(...xs));
}

const smallArb = fc.array(spanArb(SMALL), { maxLength: 6 }).map((xs) => union(...xs));
const wideArb = portSetArb(MAX_PORT);

/** Every (protocol, port) in the small universe, plus the ports just past it. */
function model(a: PortSet): Set<string> {
  const out = new Set<string>();
  for (const p of PROTOCOLS) {
    for (let port = 0; port <= SMALL + 2; port++) if (containsPort(a, p, port)) out.add(`${p}:${port}`);
  }
  return out;
}

function isCanonical(a: PortSet): boolean {
  return PROTOCOLS.every((p) =>
    a[p].every(([from, to], i) => {
      const prev = a[p][i - 1];
      return (
        Number.isInteger(from) &&
        Number.isInteger(to) &&
        MIN_PORT <= from &&
        from <= to &&
        to <= MAX_PORT &&
        (prev === undefined || prev[1] + 1 < from)
      );
    }),
  );
}

describe('portSetOf', () => {
  it('covers the whole protocol when no port is given', () => {
    expect(tcp().TCP).toEqual([[1, 65535]]);
    expect(tcp().UDP).toEqual([]);
  });

  it('is a single port when only `from` is given', () => {
    expect(udp(53)).toEqual({ TCP: [], UDP: [[53, 53]], SCTP: [] });
  });

  it('is an inclusive range with `to`', () => {
    expect(sctp(8080, 8090).SCTP).toEqual([[8080, 8090]]);
  });

  it('clamps bounds to 1..65535', () => {
    expect(tcp(0, 10).TCP).toEqual([[1, 10]]);
    expect(tcp(65000, 70000).TCP).toEqual([[65000, 65535]]);
  });

  it('is empty for inverted, out-of-range or non-integer spans', () => {
    expect(tcp(90, 80)).toBe(EMPTY_PORTS);
    expect(tcp(0)).toBe(EMPTY_PORTS);
    expect(tcp(70000)).toBe(EMPTY_PORTS);
    expect(tcp(80.5)).toBe(EMPTY_PORTS);
    expect(tcp(Number.NaN)).toBe(EMPTY_PORTS);
  });
});

describe('portSetFromRanges', () => {
  it('sorts, merges and clamps arbitrary ranges', () => {
    expect(portSetFromRanges('UDP', [[10, 20], [5, 9], [30, 30], [15, 25], [0, 2], [9, 1]]).UDP).toEqual([
      [1, 2],
      [5, 25],
      [30, 30],
    ]);
  });

  it('agrees with a union of portSetOf', () => {
    const rangeArb = fc.tuple(fc.integer({ min: -5, max: 70 }), fc.integer({ min: -5, max: 70 }));
    fc.assert(
      fc.property(protocolArb, fc.array(rangeArb, { maxLength: 8 }), (p, rs) => {
        const expected = union(...rs.map(([a, b]) => portSetOf(p, a, b)));
        expect(equalPorts(portSetFromRanges(p, rs), expected)).toBe(true);
      }),
    );
  });
});

describe('EMPTY_PORTS and ALL_PORTS', () => {
  it('are frozen', () => {
    expect(Object.isFrozen(EMPTY_PORTS)).toBe(true);
    expect(Object.isFrozen(ALL_PORTS)).toBe(true);
    expect(Object.isFrozen(ALL_PORTS.TCP)).toBe(true);
  });

  it('are what the operations return for empty and full results', () => {
    expect(union(tcp(), udp(), sctp())).toBe(ALL_PORTS);
    expect(intersectPorts(tcp(80), udp(80))).toBe(EMPTY_PORTS);
    expect(subtractPorts(tcp(80), tcp(1, 100))).toBe(EMPTY_PORTS);
    expect(union(tcp(1, 100), tcp(101, 65535), udp(), sctp())).toBe(ALL_PORTS);
  });
});

describe('unionPorts', () => {
  it('merges adjacent ranges', () => {
    expect(union(tcp(80), tcp(81), tcp(82, 90)).TCP).toEqual([[80, 90]]);
  });

  it('merges overlapping ranges and keeps gaps', () => {
    expect(union(tcp(10, 20), tcp(15, 30), tcp(40)).TCP).toEqual([
      [10, 30],
      [40, 40],
    ]);
  });

  it('keeps protocols apart', () => {
    expect(unionPorts(tcp(53), udp(53))).toEqual({ TCP: [[53, 53]], UDP: [[53, 53]], SCTP: [] });
  });
});

describe('intersectPorts', () => {
  it('keeps the common part of overlapping ranges', () => {
    expect(intersectPorts(union(tcp(1, 10), tcp(20, 30)), tcp(5, 25)).TCP).toEqual([
      [5, 10],
      [20, 25],
    ]);
  });
});

describe('subtractPorts', () => {
  it('punches holes into ranges', () => {
    expect(subtractPorts(tcp(), union(tcp(80), tcp(443))).TCP).toEqual([
      [1, 79],
      [81, 442],
      [444, 65535],
    ]);
  });

  it('complements against ALL_PORTS', () => {
    expect(complementPorts(sctp(9003))).toEqual({ TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 9002], [9004, 65535]] });
  });
});

describe('predicates', () => {
  it('isEmptyPorts and isAllPorts recognise non-shared values', () => {
    expect(isEmptyPorts({ TCP: [], UDP: [], SCTP: [] })).toBe(true);
    expect(isAllPorts({ TCP: [[1, 65535]], UDP: [[1, 65535]], SCTP: [[1, 65535]] })).toBe(true);
    expect(isAllPorts(union(tcp(), udp()))).toBe(false);
  });

  it('containsPort checks protocol and port', () => {
    const s = union(tcp(80), tcp(8080, 8090), udp(53));
    expect(containsPort(s, 'TCP', 80)).toBe(true);
    expect(containsPort(s, 'TCP', 8085)).toBe(true);
    expect(containsPort(s, 'TCP', 81)).toBe(false);
    expect(containsPort(s, 'UDP', 80)).toBe(false);
    expect(containsPort(s, 'UDP', 53)).toBe(true);
  });
});

describe('set algebra (property, against a brute-force model on ports 1..64)', () => {
  const binary = fc.tuple(smallArb, smallArb);

  it('union, intersection and difference match the model', () => {
    fc.assert(
      fc.property(binary, ([a, b]) => {
        const ma = model(a);
        const mb = model(b);
        expect(model(unionPorts(a, b))).toEqual(new Set([...ma, ...mb]));
        expect(model(intersectPorts(a, b))).toEqual(new Set([...ma].filter((x) => mb.has(x))));
        expect(model(subtractPorts(a, b))).toEqual(new Set([...ma].filter((x) => !mb.has(x))));
      }),
    );
  });

  it('results are canonical', () => {
    fc.assert(
      fc.property(fc.tuple(wideArb, wideArb), ([a, b]) => {
        for (const r of [a, b, unionPorts(a, b), intersectPorts(a, b), subtractPorts(a, b), complementPorts(a)]) {
          expect(isCanonical(r)).toBe(true);
        }
      }),
    );
  });

  it('equalPorts and portSetKey agree with the model', () => {
    fc.assert(
      fc.property(binary, ([a, b]) => {
        const same = [...model(a)].sort().join() === [...model(b)].sort().join();
        expect(equalPorts(a, b)).toBe(same);
        expect(portSetKey(a) === portSetKey(b)).toBe(same);
      }),
    );
  });

  it('obeys the usual laws', () => {
    fc.assert(
      fc.property(fc.tuple(wideArb, wideArb, wideArb), ([a, b, c]) => {
        expect(equalPorts(unionPorts(a, b), unionPorts(b, a))).toBe(true);
        expect(equalPorts(intersectPorts(a, b), intersectPorts(b, a))).toBe(true);
        expect(equalPorts(unionPorts(a, unionPorts(b, c)), unionPorts(unionPorts(a, b), c))).toBe(true);
        expect(
          equalPorts(intersectPorts(a, unionPorts(b, c)), unionPorts(intersectPorts(a, b), intersectPorts(a, c))),
        ).toBe(true);
        expect(equalPorts(subtractPorts(a, b), intersectPorts(a, complementPorts(b)))).toBe(true);
        expect(equalPorts(unionPorts(subtractPorts(a, b), intersectPorts(a, b)), a)).toBe(true);
        expect(isAllPorts(unionPorts(a, complementPorts(a)))).toBe(true);
        expect(isEmptyPorts(intersectPorts(a, complementPorts(a)))).toBe(true);
      }),
    );
  });
});

describe('formatPortSet (netpol-analyzer format)', () => {
  it.each([
    [ALL_PORTS, 'All Connections'],
    [EMPTY_PORTS, 'No Connections'],
    [union(tcp(10053), udp(10053)), 'TCP 10053,UDP 10053'],
    [union(tcp(), udp(), sctp(1, 9002), sctp(9004, 65535)), 'SCTP 1-9002,9004-65535,TCP 1-65535,UDP 1-65535'],
    [union(tcp(8081, 8082), tcp(80)), 'TCP 80,8081-8082'],
    [tcp(), 'TCP 1-65535'],
    [union(udp(53), sctp(9)), 'SCTP 9,UDP 53'],
  ])('formats %j as %s', (set, text) => {
    expect(formatPortSet(set)).toBe(text);
  });
});

describe('parsePortSet', () => {
  it.each([
    'All Connections',
    'No Connections',
    'TCP 10053,UDP 10053',
    'SCTP 1-9002,9004-65535,TCP 1-65535,UDP 1-65535',
    'TCP 80,8081-8082',
  ])('reads back %s', (text) => {
    const parsed = parsePortSet(text);
    expect(parsed).not.toBeNull();
    expect(formatPortSet(parsed as PortSet)).toBe(text);
  });

  it('normalises unsorted, overlapping and spaced input', () => {
    expect(parsePortSet('UDP 53, TCP 90,80-85,84-89')).toEqual({ TCP: [[80, 90]], UDP: [[53, 53]], SCTP: [] });
    expect(parsePortSet('TCP 1-65535,UDP 1-65535,SCTP 1-65535')).toBe(ALL_PORTS);
  });

  it.each(['', 'TCP', 'TCP ', '80', 'ICMP 1', 'TCP 0', 'TCP 65536', 'TCP 90-80', 'TCP 80,', 'TCP 8a', 'tcp 80', 'TCP 1-2-3'])(
    'rejects %j',
    (text) => {
      expect(parsePortSet(text)).toBeNull();
    },
  );

  it('round-trips formatPortSet (property)', () => {
    fc.assert(
      fc.property(wideArb, (a) => {
        const back = parsePortSet(formatPortSet(a));
        expect(back).not.toBeNull();
        expect(equalPorts(back as PortSet, a)).toBe(true);
      }),
    );
  });
});

describe('portSetKey', () => {
  it('is the same for equal sets built differently', () => {
    expect(portSetKey(union(tcp(1, 5), tcp(6, 10)))).toBe(portSetKey(tcp(1, 10)));
    expect(portSetKey(tcp(80))).not.toBe(portSetKey(udp(80)));
  });
});

describe('formatPortSetShort', () => {
  it.each([
    [ALL_PORTS, 'all ports'],
    [EMPTY_PORTS, 'none'],
    [tcp(5432), 'TCP 5432'],
    [union(tcp(80), tcp(443), udp(53)), 'TCP 80, 443; UDP 53'],
    [tcp(), 'TCP (all ports)'],
    [union(tcp(8080, 8090), sctp(9)), 'TCP 8080-8090; SCTP 9'],
    [subtractPorts(union(tcp(), udp()), tcp(80)), 'TCP (all except 80); UDP (all ports)'],
  ])('formats %j as %s', (set, text) => {
    expect(formatPortSetShort(set)).toBe(text);
  });
});
