/**
 * From "these ports changed between these ends" to FlowChange values: one per protocol, or a
 * single `any` change when every port of every protocol changed; and their stable order.
 */
import { formatPortSetShort, intersectPorts, isAllPorts, isEmptyPorts, portSetFromRanges, subtractPorts, type PortSet } from '../model/portset.ts';
import { PROTOCOLS } from '../model/types.ts';
import type { FlowChange } from './types.ts';

export interface PairChange {
  readonly from: string;
  readonly to: string;
  readonly before: PortSet;
  readonly after: PortSet;
  readonly external?: FlowChange['external'];
}

function splitByProtocol(base: Omit<FlowChange, 'protocol' | 'ports' | 'portSet'>, changed: PortSet): FlowChange[] {
  if (isEmptyPorts(changed)) return [];
  if (isAllPorts(changed)) return [{ ...base, protocol: 'any', ports: 'all ports', portSet: changed }];
  return PROTOCOLS.filter((p) => changed[p].length > 0).map((protocol) => {
    const portSet = portSetFromRanges(protocol, changed[protocol]);
    return { ...base, protocol, ports: formatPortSetShort(portSet), portSet };
  });
}

/** Adds the changes of one pair to `added` and `removed`. */
export function collectPairChange(pair: PairChange, added: FlowChange[], removed: FlowChange[]): void {
  if (pair.before === pair.after) return;
  const kept = intersectPorts(pair.before, pair.after);
  const base = {
    from: pair.from,
    to: pair.to,
    ...(isEmptyPorts(kept) ? {} : { kept: formatPortSetShort(kept) }),
    ...(pair.external ? { external: pair.external } : {}),
  };
  added.push(...splitByProtocol(base, subtractPorts(pair.after, pair.before)));
  removed.push(...splitByProtocol(base, subtractPorts(pair.before, pair.after)));
}

const PROTOCOL_ORDER: Readonly<Record<FlowChange['protocol'], number>> = { any: 0, TCP: 1, UDP: 2, SCTP: 3 };

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Stable order: by source, destination (byte order), then protocol (any, TCP, UDP, SCTP). */
export function compareFlowChanges(a: FlowChange, b: FlowChange): number {
  return byteOrder(a.from, b.from) || byteOrder(a.to, b.to) || PROTOCOL_ORDER[a.protocol] - PROTOCOL_ORDER[b.protocol];
}
