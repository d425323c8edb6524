/**
 * Text forms of IP addresses and CIDRs, as bigints. Parsing follows Go's `net.ParseIP` /
 * `net.ParseCIDR` (what Kubernetes uses) strictly: IPv4 is exactly four decimal parts without
 * leading zeros; IPv6 has at most one `::` (standing for at least one zero group), groups of
 * 1-4 hex digits and an optional trailing dotted IPv4; no zones, no surrounding whitespace.
 * `::ffff:1.2.3.4` parses as the IPv6 value 0::ffff:102:304 (family 6).
 * Formatting is canonical: RFC 5952 for IPv6 (lowercase, longest zero run compressed).
 */

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

export interface ParsedCidr {
  family: IpFamily;
  prefix: number;
  /** First address (host bits cleared). */
  start: bigint;
  /** Last address. */
  end: bigint;
  /** True when the text had host bits set (`10.1.0.1/4`): Kubernetes accepts it as `0.0.0.0/4`. */
  hostBitsSet: boolean;
}

export function bitsOf(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

export const MAX_IPV4 = (1n << 32n) - 1n;
export const MAX_IPV6 = (1n << 128n) - 1n;

export function maxOf(family: IpFamily): bigint {
  return family === 4 ? MAX_IPV4 : MAX_IPV6;
}

const V4_PART = /^(?:0|[1-9][0-9]{0,2})$/;
const V6_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,2})$/;

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let v = 0;
  for (const p of parts) {
    if (!V4_PART.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = v * 256 + n;
  }
  return BigInt(v);
}

/** 16-bit words of `:`-separated parts; `v4Last` lets the last part be a dotted IPv4 (two words). */
function words(parts: readonly string[], v4Last: boolean): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    if (v4Last && i === parts.length - 1 && p.includes('.')) {
      const v4 = parseV4(p);
      if (v4 === null) return null;
      out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (V6_GROUP.test(p)) {
      out.push(parseInt(p, 16));
    } else {
      return null;
    }
  }
  return out;
}

function parseV6(text: string): bigint | null {
  const gap = text.indexOf('::');
  let head: number[] | null;
  let tail: number[] | null;
  if (gap < 0) {
    head = words(text.split(':'), true);
    tail = [];
    if (head === null || head.length !== 8) return null;
  } else {
    if (text.indexOf('::', gap + 1) >= 0) return null;
    const left = text.slice(0, gap);
    const right = text.slice(gap + 2);
    head = left === '' ? [] : words(left.split(':'), false);
    tail = right === '' ? [] : words(right.split(':'), true);
    // `::` must stand for at least one zero group.
    if (head === null || tail === null || head.length + tail.length > 7) return null;
  }
  const all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  let v = 0n;
  for (const w of all) v = (v << 16n) | BigInt(w);
  return v;
}

/** An IPv4 or IPv6 address, or null when the text is not exactly one. */
export function parseIp(text: string): IpAddress | null {
  if (text.includes(':')) {
    const value = parseV6(text);
    return value === null ? null : { family: 6, value };
  }
  const value = parseV4(text);
  return value === null ? null : { family: 4, value };
}

/** `a.b.c.d/n` or `<ipv6>/n`; the prefix is required. Host bits are allowed but flagged. */
export function parseCidr(text: string): ParsedCidr | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const prefixText = text.slice(slash + 1);
  if (!DECIMAL.test(prefixText)) return null;
  const ip = parseIp(text.slice(0, slash));
  if (ip === null) return null;
  const prefix = Number(prefixText);
  const bits = bitsOf(ip.family);
  if (prefix > bits) return null;
  const host = BigInt(bits - prefix);
  const start = (ip.value >> host) << host;
  return { family: ip.family, prefix, start, end: start + (1n << host) - 1n, hostBitsSet: start !== ip.value };
}

/** True when every address of `inner` is in `outer` (same family, no larger). */
export function cidrContains(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

function formatV4(value: bigint): string {
  const n = Number(value);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function formatV6(value: bigint): string {
  if (value >> 32n === 0xffffn) return `::ffff:${formatV4(value & MAX_IPV4)}`;
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  // Longest run of two or more zero groups; the first one on a tie.
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestAt < 0) return hex(groups);
  return `${hex(groups.slice(0, bestAt))}::${hex(groups.slice(bestAt + bestLen))}`;
}

/** Canonical text of an address: dotted quad, or RFC 5952 IPv6 (`::ffff:a.b.c.d` when IPv4-mapped). */
export function formatIp(family: IpFamily, value: bigint): string {
  return family === 4 ? formatV4(value) : formatV6(value);
}

export function formatCidr(family: IpFamily, start: bigint, prefix: number): string {
  return `${formatIp(family, start)}/${prefix}`;
}
