/**
 * Sets of IPv4 and IPv6 addresses (what ipBlock `cidr` minus `except` denotes), as canonical lists
 * of inclusive bigint ranges: sorted by family (4 first) then start, disjoint, adjacent merged.
 * Set operations are linear merges. Parsing and formatting of single addresses live in iptext.ts.
 */
import {
  bitsOf,
  formatCidr,
  formatIp,
  maxOf,
  parseCidr,
  parseIp,
  type IpAddress,
  type IpFamily,
  type ParsedCidr,
} from './iptext.ts';

export {
  bitsOf,
  cidrContains,
  formatCidr,
  formatIp,
  maxOf,
  MAX_IPV4,
  MAX_IPV6,
  parseCidr,
  parseIp,
  type IpAddress,
  type IpFamily,
  type ParsedCidr,
} from './iptext.ts';

/** Inclusive range of addresses of one family. */
export interface IpRange {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

export interface IpSet {
  readonly ranges: readonly IpRange[];
}

function fullRange(family: IpFamily): IpRange {
  return Object.freeze({ family, start: 0n, end: maxOf(family) });
}

export const EMPTY_IPS: IpSet = Object.freeze({ ranges: Object.freeze([]) });
export const ALL_IPV4: IpSet = Object.freeze({ ranges: Object.freeze([fullRange(4)]) });
export const ALL_IPV6: IpSet = Object.freeze({ ranges: Object.freeze([fullRange(6)]) });
export const ALL_IPS: IpSet = Object.freeze({ ranges: Object.freeze([fullRange(4), fullRange(6)]) });

export function familyOfRange(r: IpRange): IpFamily {
  return r.family;
}

function make(ranges: readonly IpRange[]): IpSet {
  return ranges.length === 0 ? EMPTY_IPS : { ranges };
}

/** Appends a range to a canonical list being built in order, merging with the last one. */
function push(out: IpRange[], r: IpRange): void {
  const last = out[out.length - 1];
  if (last !== undefined && last.family === r.family && r.start <= last.end + 1n) {
    if (r.end > last.end) out[out.length - 1] = { family: r.family, start: last.start, end: r.end };
  } else {
    out.push(r);
  }
}

/** Orders ranges by family, then start. */
function before(a: IpRange, b: IpRange): boolean {
  return a.family < b.family || (a.family === b.family && a.start <= b.start);
}

export function ipSetOfCidr(c: ParsedCidr): IpSet {
  return { ranges: [{ family: c.family, start: c.start, end: c.end }] };
}

/** The set of one address. */
export function ipSetOfIp(ip: IpAddress): IpSet {
  return { ranges: [{ family: ip.family, start: ip.value, end: ip.value }] };
}

/** The set of one range (empty when inverted). */
export function ipSetOfRange(r: IpRange): IpSet {
  return r.start <= r.end ? { ranges: [{ family: r.family, start: r.start, end: r.end }] } : EMPTY_IPS;
}

/** `cidr` minus every `except`; null if any text is not a valid CIDR. */
export function ipSetOfIpBlock(cidr: string, except: readonly string[] = []): IpSet | null {
  const c = parseCidr(cidr);
  if (c === null) return null;
  let excluded = EMPTY_IPS;
  for (const e of except) {
    const x = parseCidr(e);
    if (x === null) return null;
    excluded = unionIps(excluded, ipSetOfCidr(x));
  }
  return subtractIps(ipSetOfCidr(c), excluded);
}

export function unionIps(a: IpSet, b: IpSet): IpSet {
  if (a === b || b.ranges.length === 0) return a;
  if (a.ranges.length === 0) return b;
  const out: IpRange[] = [];
  const xs = a.ranges;
  const ys = b.ranges;
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    const x = xs[i];
    const y = ys[j];
    if (y === undefined || (x !== undefined && before(x, y))) {
      push(out, x as IpRange);
      i++;
    } else {
      push(out, y);
      j++;
    }
  }
  return make(out);
}

export function intersectIps(a: IpSet, b: IpSet): IpSet {
  if (a === b) return a;
  const out: IpRange[] = [];
  const xs = a.ranges;
  const ys = b.ranges;
  let i = 0;
  let j = 0;
  for (let x = xs[0], y = ys[0]; x !== undefined && y !== undefined; x = xs[i], y = ys[j]) {
    if (x.family !== y.family) {
      if (x.family < y.family) i++;
      else j++;
      continue;
    }
    const start = x.start > y.start ? x.start : y.start;
    const end = x.end < y.end ? x.end : y.end;
    if (start <= end) out.push({ family: x.family, start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return make(out);
}

export function subtractIps(a: IpSet, b: IpSet): IpSet {
  if (a === b) return EMPTY_IPS;
  if (b.ranges.length === 0 || a.ranges.length === 0) return a;
  const out: IpRange[] = [];
  const ys = b.ranges;
  let j = 0;
  for (const x of a.ranges) {
    let cur = x.start;
    const skip = (y: IpRange): boolean => y.family < x.family || (y.family === x.family && y.end < cur);
    while (j < ys.length && skip(ys[j] as IpRange)) j++;
    for (let k = j; k < ys.length && cur <= x.end; k++) {
      const y = ys[k] as IpRange;
      if (y.family !== x.family || y.start > x.end) break;
      if (y.start > cur) out.push({ family: x.family, start: cur, end: y.start - 1n });
      if (y.end + 1n > cur) cur = y.end + 1n;
    }
    if (cur <= x.end) out.push({ family: x.family, start: cur, end: x.end });
  }
  return make(out);
}

/** Every address of the given families (default both) not in `a`. */
export function complementIps(a: IpSet, families: readonly IpFamily[] = [4, 6]): IpSet {
  let all = EMPTY_IPS;
  if (families.includes(4)) all = unionIps(all, ALL_IPV4);
  if (families.includes(6)) all = unionIps(all, ALL_IPV6);
  return subtractIps(all, a);
}

export function isEmptyIps(a: IpSet): boolean {
  return a.ranges.length === 0;
}

export function equalIps(a: IpSet, b: IpSet): boolean {
  if (a === b) return true;
  if (a.ranges.length !== b.ranges.length) return false;
  return a.ranges.every((r, i) => {
    const s = b.ranges[i] as IpRange;
    return r.family === s.family && r.start === s.start && r.end === s.end;
  });
}

/** Canonical string: equal iff the sets are equal. */
export function ipSetKey(a: IpSet): string {
  return a.ranges.map((r) => `${r.family}:${r.start.toString(16)}-${r.end.toString(16)}`).join(',');
}

export function containsIp(a: IpSet, ip: IpAddress): boolean {
  const rs = a.ranges;
  let lo = 0;
  let hi = rs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rs[mid] as IpRange;
    if (ip.family < r.family || (ip.family === r.family && ip.value < r.start)) hi = mid - 1;
    else if (ip.family > r.family || ip.value > r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** False for text that is not an address. */
export function containsIpText(a: IpSet, ip: string): boolean {
  const parsed = parseIp(ip);
  return parsed !== null && containsIp(a, parsed);
}

/** `first-last`, e.g. `49.50.4.8-49.50.4.8`. */
export function formatRange(r: IpRange): string {
  return `${formatIp(r.family, r.start)}-${formatIp(r.family, r.end)}`;
}

/** The fewest CIDRs covering exactly the range, in address order (at most `limit` of them). */
export function rangeToCidrs(r: IpRange, limit = Infinity): string[] {
  const bits = bitsOf(r.family);
  const out: string[] = [];
  let start = r.start;
  // Each step takes the largest block that starts at `start` (its alignment: the trailing zero
  // bits of `start`) and fits before the end (the bit length of what is left), in O(1) big
  // integer operations rather than one trial per bit.
  while (start <= r.end && out.length < limit) {
    const aligned = start === 0n ? bits : bitLength(start & -start) - 1;
    const fits = bitLength(r.end - start + 1n) - 1;
    const host = Math.min(aligned, fits, bits);
    out.push(formatCidr(r.family, start, bits - host));
    start += 1n << BigInt(host);
  }
  return out;
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

const MAX_EXCEPTS = 4;

/**
 * Human label: one CIDR when the range is one (`8.8.8.8/32`); else the smallest enclosing CIDR
 * minus at most four CIDRs (`10.0.0.0/24 except 10.0.0.0/32`); else `first-last`.
 */
export function formatIpRangeLabel(r: IpRange): string {
  const exact = rangeToCidrs(r);
  if (exact.length === 1) return exact[0] as string;
  const host = bitLength(r.start ^ r.end);
  const cStart = (r.start >> BigInt(host)) << BigInt(host);
  const cEnd = cStart + (1n << BigInt(host)) - 1n;
  const excepts: string[] = [];
  if (cStart < r.start) excepts.push(...rangeToCidrs({ family: r.family, start: cStart, end: r.start - 1n }));
  if (r.end < cEnd) excepts.push(...rangeToCidrs({ family: r.family, start: r.end + 1n, end: cEnd }));
  if (excepts.length <= MAX_EXCEPTS) {
    return `${formatCidr(r.family, cStart, bitsOf(r.family) - host)} except ${excepts.join(', ')}`;
  }
  return formatRange(r);
}

/**
 * The coarsest partition of the address space of `families` (default both) into ranges such that
 * every input set is a union of atoms: cuts fall only at set boundaries. Sorted, v4 first.
 */
export function atomsOf(sets: readonly IpSet[], families: readonly IpFamily[] = [4, 6]): IpRange[] {
  const out: IpRange[] = [];
  for (const family of [4, 6] as const) {
    if (!families.includes(family)) continue;
    const max = maxOf(family);
    // An array sorted then deduplicated, not a Set: V8 hashes a bigint by its lowest 64 bits, so
    // IPv6 boundaries (low bits all zero) collide and a Set of thousands of them is quadratic.
    const cuts: bigint[] = [0n];
    for (const s of sets) {
      for (const r of s.ranges) {
        if (r.family !== family) continue;
        cuts.push(r.start);
        if (r.end < max) cuts.push(r.end + 1n);
      }
    }
    cuts.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const sorted = cuts.filter((cut, i) => i === 0 || cut !== cuts[i - 1]);
    sorted.forEach((start, i) => {
      const next = sorted[i + 1];
      out.push({ family, start, end: next === undefined ? max : next - 1n });
    });
  }
  return out;
}
