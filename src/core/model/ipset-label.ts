/** Human labels for address sets: `8.8.8.8/32`, `0.0.0.0/0 except 10.0.0.0/8`, `10.0.0.0/24, 10.2.0.0/24`. */
import { formatRange, rangeToCidrs, subtractIps, type IpSet } from './ipset.ts';
import { bitsOf, formatCidr } from './iptext.ts';

const MAX_PARTS = 4;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** Label of a set of one address family (the set should not be empty). */
export function formatIpSetLabel(set: IpSet): string {
  const ranges = set.ranges;
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return 'no address';
  const exact = ranges.flatMap(rangeToCidrs);
  if (exact.length === 1) return exact[0]!;
  const host = bitLength(first.start ^ last.end);
  const start = (first.start >> BigInt(host)) << BigInt(host);
  const enclosing = { family: first.family, start, end: start + (1n << BigInt(host)) - 1n };
  const holes = subtractIps({ ranges: [enclosing] }, set).ranges.flatMap(rangeToCidrs);
  if (holes.length <= MAX_PARTS && holes.length < exact.length) {
    return `${formatCidr(first.family, start, bitsOf(first.family) - host)} except ${holes.join(', ')}`;
  }
  if (exact.length <= MAX_PARTS) return exact.join(', ');
  const shown = ranges.slice(0, 2).map(formatRange).join(', ');
  return ranges.length > 2 ? `${shown}, … (${ranges.length} ranges)` : shown;
}
