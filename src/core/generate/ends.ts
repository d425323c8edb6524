/**
 * The ends of a drawn flow, resolved: a workload with the selector that singles it out, or
 * address blocks in canonical form (host bits cleared, excepts sorted). Each end becomes the
 * peer of a rule; cross-namespace workloads pin their namespace with `kubernetes.io/metadata.name`
 * in the SAME peer as the podSelector (AND, not OR).
 */
import { METADATA_NAME_LABEL, type IPBlock, type LabelSelector, type NetworkPolicyPeer, type Workload } from '../model/types.ts';
import { ipSetOfIpBlock, unionIps, type IpSet } from '../model/ipset.ts';
import { formatCidr, parseCidr, parseIp, type ParsedCidr } from '../model/iptext.ts';
import type { FlowEnd } from './intent.ts';

export type ResolvedEnd =
  | { readonly kind: 'workload'; readonly workload: Workload; readonly selector: LabelSelector }
  | { readonly kind: 'ipBlock'; readonly blocks: readonly IPBlock[]; readonly anywhere: boolean };

export const ANYWHERE_BLOCKS: readonly IPBlock[] = [{ cidr: '0.0.0.0/0' }, { cidr: '::/0' }];

/** A CIDR (a bare address reads as one address), or undefined. */
function readCidr(text: string): ParsedCidr | undefined {
  const trimmed = text.trim();
  const ip = trimmed.includes('/') ? null : parseIp(trimmed);
  if (ip) return parseCidr(`${trimmed}/${ip.family === 4 ? 32 : 128}`) ?? undefined;
  return parseCidr(trimmed) ?? undefined;
}

const canonical = (c: ParsedCidr): string => formatCidr(c.family, c.start, c.prefix);

/** `cidr` and `except` checked and written canonically; a problem as text otherwise. */
export function resolveIpBlock(cidr: string, except: readonly string[] = []): IPBlock | string {
  const outer = readCidr(cidr);
  if (!outer) return `"${cidr}" is not a CIDR or an address`;
  const inner: ParsedCidr[] = [];
  for (const text of except) {
    const c = readCidr(text);
    if (!c) return `except "${text}" is not a CIDR or an address`;
    const inside = c.family === outer.family && c.prefix > outer.prefix && c.start >= outer.start && c.end <= outer.end;
    if (!inside) return `except ${text} is not strictly inside ${canonical(outer)}`;
    inner.push(c);
  }
  inner.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.prefix - b.prefix));
  const excepts = [...new Set(inner.map(canonical))];
  return excepts.length > 0 ? { cidr: canonical(outer), except: excepts } : { cidr: canonical(outer) };
}

/** The addresses an end stands for (empty for a workload). */
export function ipSetOfEnd(end: ResolvedEnd): IpSet {
  if (end.kind === 'workload') return { ranges: [] };
  return end.blocks.map((b) => ipSetOfIpBlock(b.cidr, b.except) ?? { ranges: [] }).reduce(unionIps, { ranges: [] });
}

/** The peers of a rule about this end, for a policy of `namespace`. */
export function peersOf(end: ResolvedEnd, namespace: string): NetworkPolicyPeer[] {
  if (end.kind === 'ipBlock') return end.blocks.map((ipBlock) => ({ ipBlock }));
  if (end.workload.namespace === namespace) return [{ podSelector: end.selector }];
  return [
    {
      podSelector: end.selector,
      namespaceSelector: { matchLabels: { [METADATA_NAME_LABEL]: end.workload.namespace } },
    },
  ];
}

const blockText = (b: IPBlock): string => (b.except?.length ? `${b.cidr} except ${b.except.join(', ')}` : b.cidr);

/** How the end reads in a comment written in `namespace`: `backend`, `shop/api`, `8.8.8.8/32`, `anywhere`. */
export function describeEnd(end: ResolvedEnd, namespace: string): string {
  if (end.kind === 'ipBlock') return end.anywhere ? 'anywhere (every IPv4 and IPv6 address)' : end.blocks.map(blockText).join(', ');
  return end.workload.namespace === namespace ? end.workload.name : end.workload.id;
}

/** Sort key of rules in a policy of `namespace`: own namespace, other namespaces, then addresses. */
export function endOrder(end: ResolvedEnd, namespace: string): string {
  if (end.kind === 'workload') {
    const group = end.workload.namespace === namespace ? '0' : '1';
    return `${group}\u0000${end.workload.namespace}\u0000${end.workload.name}\u0000${end.workload.id}`;
  }
  if (end.anywhere) return '3';
  const first = end.blocks[0];
  const parsed = first ? parseCidr(first.cidr) : null;
  const start = parsed ? parsed.start.toString(16).padStart(32, '0') : '';
  const prefix = String(parsed?.prefix ?? 0).padStart(3, '0');
  return `2\u0000${parsed?.family ?? 0}\u0000${start}\u0000${prefix}\u0000${first ? blockText(first) : ''}`;
}

/** Identity of an end, to group flows with the same end into one rule. */
export function endKey(end: ResolvedEnd): string {
  return end.kind === 'workload' ? `w:${end.workload.id}` : `ip:${end.blocks.map(blockText).join(';')}`;
}

export function describeFlowEnd(end: FlowEnd): string {
  if (end.kind === 'workload') return end.id;
  if (end.kind === 'anywhere') return 'anywhere';
  return blockText(end);
}
