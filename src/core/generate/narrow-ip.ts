/**
 * An ipBlock minus some addresses, written as ipBlocks again: `cidr` gains an `except`, and the
 * addresses the removed block itself excepted come back as blocks of their own. CIDRs either
 * nest or are disjoint, so a few cases cover everything, and the result is exact.
 */
import type { IPBlock } from '../model/types.ts';
import { formatCidr, parseCidr, type ParsedCidr } from '../model/iptext.ts';

const parse = (text: string): ParsedCidr => parseCidr(text)!;
const text = (c: ParsedCidr): string => formatCidr(c.family, c.start, c.prefix);
/** Every address of `inner` is in `outer`. */
const covers = (outer: ParsedCidr, inner: ParsedCidr): boolean =>
  outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
const overlaps = (a: ParsedCidr, b: ParsedCidr): boolean => covers(a, b) || covers(b, a);

function block(cidr: ParsedCidr, excepts: readonly ParsedCidr[]): IPBlock {
  const inside = excepts.filter((x) => covers(cidr, x) && x.prefix > cidr.prefix);
  const kept = inside.filter((x) => !inside.some((y) => y !== x && covers(y, x) && y.prefix < x.prefix));
  const sorted = [...new Set(kept.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.prefix - b.prefix)).map(text))];
  return sorted.length > 0 ? { cidr: text(cidr), except: sorted } : { cidr: text(cidr) };
}

/** `peer` ∩ `e` (e inside the peer's cidr), or nothing when the peer excepts all of `e`. */
function within(peerExcepts: readonly ParsedCidr[], e: ParsedCidr): IPBlock[] {
  return peerExcepts.some((x) => covers(x, e)) ? [] : [block(e, peerExcepts)];
}

function subtractOne(peer: IPBlock, removed: IPBlock): IPBlock[] {
  const p = parse(peer.cidr);
  const r = parse(removed.cidr);
  const pEx = (peer.except ?? []).map(parse);
  const rEx = (removed.except ?? []).map(parse);
  if (!overlaps(p, r)) return [peer];
  if (covers(r, p)) {
    if (rEx.some((e) => covers(e, p))) return [peer];
    return rEx.filter((e) => covers(p, e)).flatMap((e) => within(pEx, e));
  }
  if (pEx.some((x) => covers(x, r))) return [peer];
  return [block(p, [...pEx.filter((x) => !covers(r, x)), r]), ...rEx.flatMap((e) => within(pEx, e))];
}

/** The addresses of `peer` that none of `removed` contains, as ipBlocks (empty when none remain). */
export function subtractBlocks(peer: IPBlock, removed: readonly IPBlock[]): IPBlock[] {
  let current: IPBlock[] = [peer];
  for (const r of removed) current = current.flatMap((b) => subtractOne(b, r));
  return current;
}

/** A single address as a block (/32 or /128). */
export function hostBlock(ip: string): IPBlock {
  return { cidr: `${ip}/${ip.includes(':') ? 128 : 32}` };
}
