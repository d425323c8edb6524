/**
 * A peer of a rule: exactly one of the selector form (podSelector, namespaceSelector or both)
 * and ipBlock, as the API server enforces.
 */
import type { NetworkPolicyPeer } from '../model/types.ts';
import { PEER } from './fields.ts';
import { childPath, type Path } from './path.ts';
import { readIpBlock } from './read-ip-block.ts';
import { readSelector } from './read-selector.ts';
import { checkFields, field, readMap, type Obj } from './reader.ts';
import type { Reporter } from './reporter.ts';

const present = (obj: Obj, key: string): boolean => field(obj, key) !== undefined && field(obj, key) !== null;

export function readPeer(r: Reporter, v: unknown, path: Path): NetworkPolicyPeer | undefined {
  const peer = v === null ? {} : readMap(r, v, path);
  if (!peer) return undefined;
  checkFields(r, peer, path, PEER);
  const hasPod = present(peer, 'podSelector');
  const hasNs = present(peer, 'namespaceSelector');
  const hasIp = present(peer, 'ipBlock');
  if (!hasPod && !hasNs && !hasIp) {
    r.error(
      'empty-peer',
      'A peer needs at least one of "podSelector", "namespaceSelector" or "ipBlock" (to allow everyone, leave out "from"/"to")',
      path,
    );
    return undefined;
  }
  if (hasIp && (hasPod || hasNs)) {
    r.error(
      'ip-block-with-selector',
      'A peer cannot combine "ipBlock" with "podSelector"/"namespaceSelector"; write them as separate peers (separate "-" items)',
      childPath(path, 'ipBlock'),
      'key',
    );
  }
  if (hasIp) {
    const ipBlock = readIpBlock(r, field(peer, 'ipBlock'), childPath(path, 'ipBlock'));
    return ipBlock ? { ipBlock } : undefined;
  }
  const out: { podSelector?: NetworkPolicyPeer['podSelector']; namespaceSelector?: NetworkPolicyPeer['namespaceSelector'] } = {};
  const podSelector = readSelector(r, field(peer, 'podSelector'), childPath(path, 'podSelector'));
  if (podSelector) out.podSelector = podSelector;
  const namespaceSelector = readSelector(r, field(peer, 'namespaceSelector'), childPath(path, 'namespaceSelector'));
  if (namespaceSelector) out.namespaceSelector = namespaceSelector;
  return out;
}
