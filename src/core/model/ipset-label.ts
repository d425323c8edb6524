/** Human labels for address sets: `8.8.8.8/32`, `0.0.0.0/0 except 10.0.0.0/8`, `10.0.0.0/24, 10.2.0.0/24`. */
import { formatRange, rangeToCidrs, subtractIps, type IpRange, type IpSet } from './ipset.ts';
import { bitsOf, formatCidr } from './iptext.ts';

const MAX_PARTS = 4;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** The CIDRs of the ranges in order, stopping once there are `limit`. */
function cidrsUpTo(ranges: readonly IpRange[], limit: number): string[] {
  const out: string[] = [];
  for (const r of ranges) {
    if (out.length >= limit) break;
    out.push(...rangeToCidrs(r, limit - out.length));
  }
  return out;
}

/** Label of a set of one address family (the set should not be empty). */
export function formatIpSetLabel(set: IpSet): string {
  const ranges = set.ranges;
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return 'no address';
  // Only whether there are more than MAX_PARTS CIDRs matters past this point: stop counting
  // there (a set of thousands of ranges would otherwise format every CIDR of every range).
  const exact = cidrsUpTo(ranges, MAX_PARTS + 1);
  if (exact.length === 1) return exact[0]!;
  const host = bitLength(first.start ^ last.end);
  const start = (first.start >> BigInt(host)) << BigInt(host);
  const enclosing = { family: first.family, start, end: start + (1n << BigInt(host)) - 1n };
  const holes = cidrsUpTo(subtractIps({ ranges: [enclosing] }, set).ranges, MAX_PARTS + 1);
  if (holes.length <= MAX_PARTS && holes.length < exact.length) {
    return `${formatCidr(first.family, start, bitsOf(first.family) - host)} except ${holes.join(', ')}`;
  }
  if (exact.length <= MAX_PARTS) return exact.join(', ');
  const shown = ranges.slice(0, 2).map(formatRange).join(', ');
  return ranges.length > 2 ? `${shown}, … (${ranges.length} ranges)` : shown;
}
