import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { cidrContains, formatIp, parseCidr, parseIp, type ParsedCidr } from '../../../src/core/model/ipset.ts';

const v4 = (text: string) => parseIp(text)?.value;

describe('parseIp: IPv4', () => {
  it.each([
    ['0.0.0.0', 0n],
    ['1.2.3.4', 0x01020304n],
    ['255.255.255.255', 0xffffffffn],
    ['10.0.0.10', 0x0a00000an],
  ])('parses %s', (text, value) => {
    expect(parseIp(text)).toEqual({ family: 4, value });
  });

  it.each([
    '010.1.1.1', // leading zero (Go rejects: ambiguous octal)
    '1.2.3.04',
    '00.1.1.1',
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4.5',
    '1.2.3.',
    '.1.2.3',
    '1..2.3',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '0x1.2.3.4',
    '+1.2.3.4',
    '1.2.3.4/32',
    '',
    '1234.1.1.1',
  ])('rejects %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe('parseIp: IPv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['1::', 1n << 112n],
    ['2001:db8::1', 0x20010db8000000000000000000000001n],
    ['2001:DB8::1', 0x20010db8000000000000000000000001n],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', 0x20010db8000000000000000000000001n],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n],
    ['1:2:3:4:5:6::8', 0x00010002000300040005000600000008n],
    ['::2:3:4:5:6:7:8', 0x00000002000300040005000600070008n],
    ['1:2:3:4:5:6:7::', 0x00010002000300040005000600070000n],
    ['::ffff:1.2.3.4', 0xffff01020304n],
    ['::1.2.3.4', 0x01020304n],
    ['1:2:3:4:5:6:1.2.3.4', 0x00010002000300040005000601020304n],
    ['fe80::1:2:3.4.5.6', 0xfe800000000000000001000203040506n],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', (1n << 128n) - 1n],
  ])('parses %s', (text, value) => {
    expect(parseIp(text)).toEqual({ family: 6, value });
  });

  it.each([
    ':',
    ':::',
    '1:::2',
    '1::2::3',
    ':1::2',
    '1::2:',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7:8::', // `::` must stand for at least one group
    '::1:2:3:4:5:6:7:8',
    '12345::',
    'g::1',
    '::ffff:01.2.3.4',
    '::ffff:1.2.3',
    '1.2.3.4::',
    '::1.2.3.4:1',
    '1:2:3:4:5:6:7:1.2.3.4',
    'fe80::1%eth0',
    '[::1]',
    ' ::1',
  ])('rejects %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });
});

describe('formatIp', () => {
  it.each([
    [4, 0n, '0.0.0.0'],
    [4, 0x31320408n, '49.50.4.8'],
    [6, 0n, '::'],
    [6, 1n, '::1'],
    [6, 1n << 112n, '1::'],
    [6, 0x20010db8000000000000000000000001n, '2001:db8::1'],
    [6, 0x20010db8000000010000000000000001n, '2001:db8:0:1::1'], // longest run wins
    [6, 0x20010db8000000000001000000000001n, '2001:db8::1:0:0:1'], // first run on a tie
    [6, 0x20010db8000100010001000100010001n, '2001:db8:1:1:1:1:1:1'],
    [6, 0x20010000000100010001000100010001n, '2001:0:1:1:1:1:1:1'], // a single zero group is not compressed
    [6, 0xabcd0000000000000000000000000000n, 'abcd::'],
    [6, 0xffff01020304n, '::ffff:1.2.3.4'],
  ] as const)('formats family %i %s as %s', (family, value, text) => {
    expect(formatIp(family, value)).toBe(text);
  });

  it('round-trips through parseIp (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }), fc.bigInt({ min: 0n, max: (1n << 32n) - 1n }), (v6, v4v) => {
        expect(parseIp(formatIp(6, v6))).toEqual({ family: 6, value: v6 });
        expect(parseIp(formatIp(4, v4v))).toEqual({ family: 4, value: v4v });
      }),
    );
  });

  it('round-trips addresses with runs of zero groups (property)', () => {
    const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        const value = groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
        const text = formatIp(6, value);
        expect(parseIp(text)).toEqual({ family: 6, value });
        if (value >> 32n !== 0xffffn) expect(text).toBe(ipaddr.IPv6.parse(text).toRFC5952String());
      }),
    );
  });
});

describe('parseCidr', () => {
  it('parses an IPv4 CIDR', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ family: 4, prefix: 8, start: 0x0a000000n, end: 0x0affffffn, hostBitsSet: false });
  });

  it('accepts host bits, clears them and flags them', () => {
    expect(parseCidr('10.1.0.1/4')).toEqual({ family: 4, prefix: 4, start: 0n, end: 0x0fffffffn, hostBitsSet: true });
  });

  it('parses /0 and /32, /128', () => {
    expect(parseCidr('0.0.0.0/0')).toMatchObject({ start: 0n, end: 0xffffffffn });
    expect(parseCidr('8.8.8.8/32')).toMatchObject({ start: 0x08080808n, end: 0x08080808n, hostBitsSet: false });
    expect(parseCidr('::1/128')).toMatchObject({ family: 6, start: 1n, end: 1n });
  });

  it('parses IPv6 CIDRs', () => {
    expect(parseCidr('2001:db8::/32')).toEqual({
      family: 6,
      prefix: 32,
      start: 0x20010db8n << 96n,
      end: (0x20010db8n << 96n) | ((1n << 96n) - 1n),
      hostBitsSet: false,
    });
    expect(parseCidr('::/0')).toMatchObject({ start: 0n, end: (1n << 128n) - 1n });
  });

  it.each([
    '10.0.0.0', // a prefix is required
    '10.0.0.0/',
    '10.0.0.0/33',
    '::/129',
    '10.0.0.0/08',
    '10.0.0.0/-1',
    '10.0.0.0/8/8',
    '/8',
    '010.0.0.0/8',
    '10.0.0.0/ 8',
    '10.0.0.0/8 ',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeNull();
  });
});

describe('cidrContains', () => {
  const c = (t: string) => parseCidr(t) as ParsedCidr;

  it('is true for a sub-CIDR and for itself', () => {
    expect(cidrContains(c('10.0.0.0/8'), c('10.1.0.0/16'))).toBe(true);
    expect(cidrContains(c('10.0.0.0/8'), c('10.0.0.0/8'))).toBe(true);
    expect(cidrContains(c('::/0'), c('2001:db8::/32'))).toBe(true);
  });

  it('is false for a larger, disjoint or other-family CIDR', () => {
    expect(cidrContains(c('10.1.0.0/16'), c('10.0.0.0/8'))).toBe(false);
    expect(cidrContains(c('10.0.0.0/8'), c('11.0.0.0/8'))).toBe(false);
    expect(cidrContains(c('0.0.0.0/0'), c('::/0'))).toBe(false);
  });

  it('agrees with address membership (property)', () => {
    const cidrArb = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 32 }))
      .map(([x, p]) => c(`10.0.0.${x}/${p}`));
    fc.assert(
      fc.property(cidrArb, cidrArb, (a, b) => {
        let all = true;
        for (let v = b.start; v <= b.end; v++) all &&= a.start <= v && v <= a.end;
        expect(cidrContains(a, b)).toBe(all);
      }),
    );
  });
});
