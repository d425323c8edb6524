/**
 * External addresses on the canvas: one node per address set that the ipBlocks of the policies
 * tell apart (the matrix's `ingressFromExternal` / `egressToExternal`), or a single "anywhere"
 * node when, in a direction, nothing distinguishes one address from another.
 */
import {
  formatIp,
  maxOf,
  portSetKey,
  type ExternalRange,
  type PortSet,
  type ReachabilityMatrix,
} from '../../core/index.ts';

export const ANYWHERE_ID = 'ext:anywhere';
export const ANYWHERE_LABEL = 'anywhere';

/** `ext:` + the label, with ' except ' written ',except:' and ', ' written ','. */
export function externalNodeId(label: string): string {
  return `ext:${label.replaceAll(' except ', ',except:').replaceAll(', ', ',')}`;
}

export function isExternalNodeId(id: string): boolean {
  return id.startsWith('ext:');
}

export interface ExternalSet {
  readonly id: string;
  readonly label: string;
  /** One address of the set (all of them are treated alike by every policy). */
  readonly sampleIp: string;
  readonly familyText: string;
}

/** An external set in one direction, with what it may open towards / receive from each unit. */
export interface ExternalSide {
  readonly set: ExternalSet;
  connections(unit: number): PortSet;
}

type MatrixSide = ReachabilityMatrix['ingressFromExternal'][number];

function isWholeFamily(range: ExternalRange): boolean {
  const only = range.set.ranges.length === 1 ? range.set.ranges[0] : undefined;
  return only !== undefined && only.start === 0n && only.end === maxOf(range.family);
}

function setOf(range: ExternalRange): ExternalSet {
  const first = range.set.ranges[0];
  return {
    id: externalNodeId(range.label),
    label: range.label,
    sampleIp: first ? formatIp(first.family, first.start) : range.family === 4 ? '0.0.0.0' : '::',
    familyText: range.family === 4 ? 'IPv4' : 'IPv6',
  };
}

/**
 * The external sets of one direction. When every entry is a whole address family (no ipBlock
 * cuts the space) and all entries answer alike for every unit, they become one "anywhere" set.
 */
export function externalSides(entries: readonly MatrixSide[], unitCount: number): ExternalSide[] {
  const first = entries[0];
  const alike =
    first !== undefined &&
    entries.every((e) => isWholeFamily(e.range)) &&
    entries.every((e) => {
      for (let u = 0; u < unitCount; u++) {
        if (portSetKey(e.connections(u)) !== portSetKey(first.connections(u))) return false;
      }
      return true;
    });
  if (alike) {
    return [
      {
        set: { id: ANYWHERE_ID, label: ANYWHERE_LABEL, sampleIp: '0.0.0.0', familyText: 'any IPv4 or IPv6 address' },
        connections: (u) => first.connections(u),
      },
    ];
  }
  return entries.map((e) => ({ set: setOf(e.range), connections: (u) => e.connections(u) }));
}

