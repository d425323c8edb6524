/**
 * Sets of (protocol, port) connections: per protocol, a canonical list of inclusive port ranges
 * (sorted, disjoint, adjacent ranges merged). Canonical form makes equality and interning a
 * string comparison. All operations are linear merges over the sorted ranges.
 */
import { PROTOCOLS, type Protocol } from './types.ts';

/** Inclusive range of ports within MIN_PORT..MAX_PORT. */
export type PortRange = readonly [number, number];

export interface PortSet {
  readonly TCP: readonly PortRange[];
  readonly UDP: readonly PortRange[];
  readonly SCTP: readonly PortRange[];
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

const NONE: readonly PortRange[] = Object.freeze([]);
const FULL: readonly PortRange[] = Object.freeze([Object.freeze([MIN_PORT, MAX_PORT] as const)]);

export const EMPTY_PORTS: PortSet = Object.freeze({ TCP: NONE, UDP: NONE, SCTP: NONE });
export const ALL_PORTS: PortSet = Object.freeze({ TCP: FULL, UDP: FULL, SCTP: FULL });

/** Protocol order of netpol-analyzer's connection strings (alphabetical). */
const ANALYZER_ORDER: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

function isFull(rs: readonly PortRange[]): boolean {
  const r = rs[0];
  return rs.length === 1 && r !== undefined && r[0] === MIN_PORT && r[1] === MAX_PORT;
}

/** Builds a PortSet, returning the shared constants for the empty and the full set. */
function make(TCP: readonly PortRange[], UDP: readonly PortRange[], SCTP: readonly PortRange[]): PortSet {
  if (TCP.length === 0 && UDP.length === 0 && SCTP.length === 0) return EMPTY_PORTS;
  if (isFull(TCP) && isFull(UDP) && isFull(SCTP)) return ALL_PORTS;
  return { TCP, UDP, SCTP };
}

function withProtocol(protocol: Protocol, ranges: readonly PortRange[]): PortSet {
  return make(
    protocol === 'TCP' ? ranges : NONE,
    protocol === 'UDP' ? ranges : NONE,
    protocol === 'SCTP' ? ranges : NONE,
  );
}

/** Appends [from, to] to a canonical list being built in order, merging with the last range. */
function push(out: PortRange[], from: number, to: number): void {
  const last = out[out.length - 1];
  if (last !== undefined && from <= last[1] + 1) {
    if (to > last[1]) out[out.length - 1] = [last[0], to];
  } else {
    out.push([from, to]);
  }
}

function unionRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const next = y === undefined || (x !== undefined && x[0] <= y[0]) ? (i++, x) : (j++, y);
    if (next !== undefined) push(out, next[0], next[1]);
  }
  return out;
}

function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  if (a.length === 0 || b.length === 0) return NONE;
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  for (let x = a[0], y = b[0]; x !== undefined && y !== undefined; x = a[i], y = b[j]) {
    const lo = Math.max(x[0], y[0]);
    const hi = Math.min(x[1], y[1]);
    if (lo <= hi) out.push([lo, hi]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}

function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): readonly PortRange[] {
  if (a.length === 0 || b.length === 0) return a;
  const out: PortRange[] = [];
  let j = 0;
  for (const [start, end] of a) {
    let cur = start;
    while (j < b.length && (b[j] as PortRange)[1] < cur) j++;
    for (let k = j; k < b.length && cur <= end; k++) {
      const [bs, be] = b[k] as PortRange;
      if (bs > end) break;
      if (bs > cur) out.push([cur, bs - 1]);
      cur = Math.max(cur, be + 1);
    }
    if (cur <= end) out.push([cur, end]);
  }
  return out;
}

/** [from, to] clamped to 1..65535, or null when empty or not integers. */
function clamp(from: number, to: number): PortRange | null {
  if (!Number.isInteger(from) || !Number.isInteger(to)) return null;
  const lo = Math.max(from, MIN_PORT);
  const hi = Math.min(to, MAX_PORT);
  return lo <= hi ? [lo, hi] : null;
}

/**
 * The ports of one protocol: all of them when `from` is absent, a single port when `to` is absent,
 * else the inclusive range. Bounds are clamped to 1..65535; an inverted, out-of-range or
 * non-integer span is empty (invalid input never throws).
 */
export function portSetOf(protocol: Protocol, from?: number, to?: number): PortSet {
  if (from === undefined) return withProtocol(protocol, FULL);
  const r = clamp(from, to ?? from);
  if (r === null) return EMPTY_PORTS;
  return withProtocol(protocol, r[0] === MIN_PORT && r[1] === MAX_PORT ? FULL : [r]);
}

/** Canonical set of arbitrary (possibly overlapping, unsorted) ranges of one protocol. */
export function portSetFromRanges(protocol: Protocol, ranges: readonly PortRange[]): PortSet {
  const sorted = ranges
    .map(([from, to]) => clamp(from, to))
    .filter((r): r is PortRange => r !== null)
    .sort((x, y) => x[0] - y[0]);
  const out: PortRange[] = [];
  for (const [from, to] of sorted) push(out, from, to);
  return withProtocol(protocol, isFull(out) ? FULL : out);
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  if (a === b || b === EMPTY_PORTS || a === ALL_PORTS) return a;
  if (a === EMPTY_PORTS || b === ALL_PORTS) return b;
  return make(unionRanges(a.TCP, b.TCP), unionRanges(a.UDP, b.UDP), unionRanges(a.SCTP, b.SCTP));
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  if (a === b || b === ALL_PORTS || a === EMPTY_PORTS) return a;
  if (a === ALL_PORTS || b === EMPTY_PORTS) return b;
  return make(intersectRanges(a.TCP, b.TCP), intersectRanges(a.UDP, b.UDP), intersectRanges(a.SCTP, b.SCTP));
}

export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  if (a === b || b === ALL_PORTS) return EMPTY_PORTS;
  if (b === EMPTY_PORTS) return a;
  return make(subtractRanges(a.TCP, b.TCP), subtractRanges(a.UDP, b.UDP), subtractRanges(a.SCTP, b.SCTP));
}

/** Every connection not in `a`. */
export function complementPorts(a: PortSet): PortSet {
  return subtractPorts(ALL_PORTS, a);
}

export function isEmptyPorts(a: PortSet): boolean {
  return a.TCP.length === 0 && a.UDP.length === 0 && a.SCTP.length === 0;
}

export function isAllPorts(a: PortSet): boolean {
  return isFull(a.TCP) && isFull(a.UDP) && isFull(a.SCTP);
}

function equalRanges(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((r, i) => {
    const s = b[i] as PortRange;
    return r[0] === s[0] && r[1] === s[1];
  });
}

export function equalPorts(a: PortSet, b: PortSet): boolean {
  return equalRanges(a.TCP, b.TCP) && equalRanges(a.UDP, b.UDP) && equalRanges(a.SCTP, b.SCTP);
}

export function containsPort(a: PortSet, protocol: Protocol, port: number): boolean {
  const rs = a[protocol];
  let lo = 0;
  let hi = rs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rs[mid] as PortRange;
    if (port < r[0]) hi = mid - 1;
    else if (port > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function rangeText(r: PortRange): string {
  return r[0] === r[1] ? String(r[0]) : `${r[0]}-${r[1]}`;
}

/** Canonical string: equal iff the sets are equal. */
export function portSetKey(a: PortSet): string {
  return PROTOCOLS.map((p) => a[p].map(rangeText).join(',')).join('|');
}

/** netpol-analyzer's connection string, e.g. `TCP 10053,UDP 10053` or `All Connections`. */
export function formatPortSet(a: PortSet): string {
  if (isAllPorts(a)) return 'All Connections';
  if (isEmptyPorts(a)) return 'No Connections';
  return ANALYZER_ORDER.filter((p) => a[p].length > 0)
    .map((p) => `${p} ${a[p].map(rangeText).join(',')}`)
    .join(',');
}

const RANGE_RE = /^([0-9]{1,5})(?:-([0-9]{1,5}))?$/;

/** Reads the format of `formatPortSet` (protocols and ranges in any order); null on bad text. */
export function parsePortSet(s: string): PortSet | null {
  const text = s.trim();
  if (text === 'All Connections') return ALL_PORTS;
  if (text === 'No Connections') return EMPTY_PORTS;
  let acc = EMPTY_PORTS;
  let protocol: Protocol | undefined;
  for (const raw of text.split(',')) {
    let item = raw.trim();
    const space = item.indexOf(' ');
    if (space >= 0) {
      const name = item.slice(0, space);
      if (name !== 'TCP' && name !== 'UDP' && name !== 'SCTP') return null;
      protocol = name;
      item = item.slice(space + 1).trim();
    }
    const m = RANGE_RE.exec(item);
    if (protocol === undefined || m === null) return null;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < MIN_PORT || to > MAX_PORT || from > to) return null;
    acc = unionPorts(acc, portSetOf(protocol, from, to));
  }
  return acc;
}

function shortRanges(rs: readonly PortRange[]): string {
  if (isFull(rs)) return '(all ports)';
  const missing = subtractRanges(FULL, rs);
  if (missing.length < rs.length) return `(all except ${missing.map(rangeText).join(', ')})`;
  return rs.map(rangeText).join(', ');
}

/** Human form for the UI: `all ports`, `TCP 5432`, `TCP 80, 443; UDP 53`, `TCP (all ports)`, `none`. */
export function formatPortSetShort(a: PortSet): string {
  if (isAllPorts(a)) return 'all ports';
  if (isEmptyPorts(a)) return 'none';
  return PROTOCOLS.filter((p) => a[p].length > 0)
    .map((p) => `${p} ${shortRanges(a[p])}`)
    .join('; ');
}
