/**
 * The reachability matrix of one port class as a grid to draw: sources down, destinations
 * across, then (optionally) external sources as extra rows and external destinations as extra
 * columns. Each cell says allowed, denied or half-open, in words too. Pure.
 */
import { containsPort, halfOpenOf, type ReachabilityMatrix } from '../../../core/index.ts';
import { displayName, externalNodeId } from '../inspector/endpoints.ts';
import { sharedNamespaceOf } from './workload-matrix.ts';

export type CellVerdict = 'allowed' | 'denied' | 'half-open';

export interface GridAxis {
  /** Unit id, or `ext:<label>` for an external range. */
  readonly id: string;
  /** Short text for the header (namespace dropped when shared, long names cut with …). */
  readonly short: string;
  /** The full name (unit id, or the address label). */
  readonly name: string;
  readonly external: boolean;
  /** The band the axis is drawn in: its namespace, or `outside the cluster`. */
  readonly group: string;
}

/** A run of neighbouring columns (or rows) in the same band. */
export interface GridGroup {
  readonly label: string;
  readonly span: number;
}

export interface GridCell {
  readonly from: string;
  readonly to: string;
  readonly verdict: CellVerdict;
  /** A pod facing itself (loopback: outside policy, shown as allowed). */
  readonly self: boolean;
  /** `api → backend on TCP 5432: allowed` */
  readonly description: string;
}

export interface GridRow {
  readonly axis: GridAxis;
  /** One per column; null where no flow exists (external to external). */
  readonly cells: readonly (GridCell | null)[];
}

export interface MatrixGrid {
  readonly portClass: string;
  readonly columns: readonly GridAxis[];
  /** Bands over the columns; empty when every unit shares one namespace (names then stand alone). */
  readonly columnGroups: readonly GridGroup[];
  readonly rows: readonly GridRow[];
  readonly counts: { readonly allowed: number; readonly denied: number; readonly halfOpen: number };
}

export const OUTSIDE = 'outside the cluster';

export const SYMBOLS: Readonly<Record<CellVerdict, string>> = { allowed: '✓', denied: '✗', 'half-open': '◐' };

export const VERDICT_WORDS: Readonly<Record<CellVerdict, string>> = {
  allowed: 'allowed',
  denied: 'denied',
  'half-open': 'denied (half-open: one side allows it, the other denies it)',
};

/** Cuts a name to `max` characters with an ellipsis in the middle, keeping both ends readable. */
export function abbreviate(name: string, max = 18): string {
  if (name.length <= max) return name;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${name.slice(0, head)}…${name.slice(name.length - (keep - head))}`;
}

/** The verdict of units[src] → units[dst] on the class, half-open when one side explicitly allows it. */
export function cellVerdict(matrix: ReachabilityMatrix, src: number, dst: number, cls: number): CellVerdict {
  if (matrix.allowed(src, dst, cls)) return 'allowed';
  const probe = matrix.portClasses[cls]?.probe;
  if (!probe) return 'denied';
  const half = halfOpenOf(matrix.sides(src, dst));
  return containsPort(half.egressOnly, probe.protocol, probe.port) || containsPort(half.ingressOnly, probe.protocol, probe.port)
    ? 'half-open'
    : 'denied';
}

export interface GridOptions {
  /** Add external ranges (sources as rows, destinations as columns). */
  readonly external: boolean;
  readonly maxNameLength?: number;
  /**
   * Units whose diagonal cell is a pod facing itself (loopback). At pod granularity every unit;
   * at workload granularity the caller names the single-replica workloads (for the others, the
   * diagonal is one replica connecting to another, which policy decides).
   */
  readonly loopbackUnits?: ReadonlySet<string>;
}

export function buildMatrixGrid(matrix: ReachabilityMatrix, cls: number, options: GridOptions): MatrixGrid {
  const portClass = matrix.portClasses[cls];
  const label = portClass?.label ?? '';
  const probe = portClass?.probe;
  const shared = sharedNamespaceOf(matrix);
  const max = options.maxNameLength ?? 18;
  // Names alone: the namespace is shared, or shown as a band over the columns and between rows.
  const unitAxes: GridAxis[] = matrix.units.map((u) => ({
    id: u.id,
    short: abbreviate(shared === undefined ? u.name : displayName(u.id, shared), max),
    name: u.id,
    external: false,
    group: u.namespace,
  }));
  const extAxis = (rangeLabel: string, id: string): GridAxis => ({
    id,
    short: abbreviate(rangeLabel, max),
    name: rangeLabel,
    external: true,
    group: OUTSIDE,
  });
  const sources = options.external ? matrix.ingressFromExternal : [];
  const destinations = options.external ? matrix.egressToExternal : [];
  const columns = [...unitAxes, ...destinations.map((r) => extAxis(r.range.label, externalNodeId(r.range)))];
  const counts = { allowed: 0, denied: 0, halfOpen: 0 };
  const cell = (from: GridAxis, to: GridAxis, verdict: CellVerdict, self: boolean): GridCell => {
    if (self) return { from: from.id, to: to.id, verdict, self, description: `${from.name} → itself: outside policy (loopback)` };
    if (verdict === 'allowed') counts.allowed++;
    else if (verdict === 'denied') counts.denied++;
    else counts.halfOpen++;
    const note = from.id === to.id ? ' (between two of its replicas)' : '';
    return {
      from: from.id,
      to: to.id,
      verdict,
      self,
      description: `${from.name} → ${to.name} on ${label}: ${VERDICT_WORDS[verdict]}${note}`,
    };
  };
  const has = (set: Parameters<typeof containsPort>[0]) => probe !== undefined && containsPort(set, probe.protocol, probe.port);

  const rows: GridRow[] = unitAxes.map((from, s) => ({
    axis: from,
    cells: [
      ...unitAxes.map((to, d) =>
        cell(from, to, cellVerdict(matrix, s, d, cls), s === d && (matrix.granularity === 'pod' || (options.loopbackUnits?.has(from.id) ?? false))),
      ),
      ...destinations.map((r, i) => cell(from, columns[unitAxes.length + i]!, has(r.connections(s)) ? 'allowed' : 'denied', false)),
    ],
  }));
  for (const r of sources) {
    const from = extAxis(r.range.label, externalNodeId(r.range));
    rows.push({
      axis: from,
      cells: [
        ...unitAxes.map((to, d) => cell(from, to, has(r.connections(d)) ? 'allowed' : 'denied', false)),
        ...destinations.map(() => null),
      ],
    });
  }
  const columnGroups = shared === undefined ? groupsOf(columns) : [];
  return { portClass: label, columns, columnGroups, rows, counts };
}

/** Runs of neighbouring axes in the same band. */
export function groupsOf(axes: readonly GridAxis[]): GridGroup[] {
  const groups: { label: string; span: number }[] = [];
  for (const axis of axes) {
    const last = groups[groups.length - 1];
    if (last && last.label === axis.group) last.span++;
    else groups.push({ label: axis.group, span: 1 });
  }
  return groups;
}
