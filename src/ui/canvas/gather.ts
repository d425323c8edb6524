/**
 * The work behind a graph with collapsed namespaces (collapse.ts) that does not depend on the
 * view: every unit's end (itself, or its collapsed namespace), the flows between expanded
 * workloads drawn by default, and every pair of ends gathered into one flow with its counts.
 * Cached per matrix and set of collapsed namespaces; `viewFlows` then picks what a view draws
 * (adding denied flows for "Show all denied flows" or a selection) without re-evaluating pairs.
 *
 * A collapsed namespace's flows are read off the analysis's `namespacePairs` (the core gathers
 * them once per analysis, in the worker for large inputs): no pair of workloads is asked here.
 */
import {
  EMPTY_PORTS,
  formatPortSetShort,
  gatherNamespacePairs,
  isEmptyPorts,
  pairCoverage,
  pairTotalAt,
  scanMatrixFlows,
  unionPorts,
  type NamespacePairs,
  type PairTotals,
  type PortSet,
  type ReachabilityMatrix,
} from '../../core/index.ts';
import { externalSides, type ExternalSet } from './external.ts';
import { DENIED_LABEL, HALF_OPEN_MARK, externalFlow, flowEdgeId, podFlow, showDenied, type FlowSpec } from './flows.ts';
import { namespaceNodeId, type CanvasView } from './graph.ts';
import type { FlowAggregate } from './types.ts';
import { describeUnits, type CanvasSource, type UnitInfo } from './units.ts';

/** What one edge between two ends stands for. */
interface Totals {
  readonly pairs: number;
  readonly allowedPairs: number;
  readonly openPairs: number;
  /** Pairs where one side's policies allow a port the other side's deny (scanMatrixFlows). */
  readonly halfOpenPairs?: number;
  /** The union of the ports allowed. */
  readonly ports: PortSet;
}

/** Counts gathered between external addresses and the workloads of a namespace. */
interface Gathered {
  pairs: number;
  allowedPairs: number;
  openPairs: number;
  /** The distinct (interned) port sets allowed: few, so the union is taken once at the end. */
  readonly ports: Set<PortSet>;
}

function gathered(): Gathered {
  return { pairs: 0, allowedPairs: 0, openPairs: 0, ports: new Set() };
}

function totalsOf(g: Gathered): Totals {
  return { ...g, ports: [...g.ports].reduce<PortSet>((all, p) => unionPorts(all, p), EMPTY_PORTS) };
}

function coverageOf(g: Totals): FlowAggregate['coverage'] {
  return pairCoverage(g.pairs, g.allowedPairs);
}

/** `1,234`: one formatter for every count (toLocaleString builds one per call, thousands of times at scale). */
const formatCount = new Intl.NumberFormat('en-US').format;

function pairsText(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'pair' : 'pairs'}`;
}

/** An edge's spec from what was gathered between two ends (`names` for the tooltip). */
function gatheredFlow(source: string, target: string, g: Totals, names: { from: string; to: string }): FlowSpec {
  const coverage = coverageOf(g);
  const ports = formatPortSetShort(g.ports);
  const count = coverage === 'partial' ? `${formatCount(g.allowedPairs)}/${pairsText(g.pairs)}` : pairsText(g.pairs);
  const halfOpen = g.halfOpenPairs ?? 0;
  // Half-open pairs are told apart, as between workloads: marked on the label, and a denied edge
  // with some is drawn as half-open (shown without asking for denied flows).
  const halfNote = halfOpen > 0 ? ` · ⚠ ${formatCount(halfOpen)} half-open` : '';
  const label = coverage === 'denied' ? (halfOpen > 0 ? `${HALF_OPEN_MARK} ${pairsText(halfOpen)} half-open` : `${DENIED_LABEL} ${count}`) : `${count} · ${ports}${halfNote}`;
  const openNote = g.openPairs > 0 ? ` ${formatCount(g.openPairs)} of them only because no policy isolates either side.` : '';
  const halfTitle =
    halfOpen > 0
      ? ` ${formatCount(halfOpen)} of the pairs are half-open: one side's policies allow a port the other side's deny (expand the namespace to see which).`
      : '';
  const title =
    coverage === 'denied'
      ? `${names.from} → ${names.to}: none of the ${pairsText(g.pairs)} of workloads may connect.${halfTitle}`
      : `${names.from} → ${names.to}: ${formatCount(g.allowedPairs)} of ${pairsText(g.pairs)} of workloads may connect, on ${ports}.${openNote}${halfTitle}`;
  return {
    id: flowEdgeId(source, target),
    source,
    target,
    data: {
      verdict: coverage === 'denied' ? 'denied' : 'allowed',
      halfOpen: coverage === 'denied' && halfOpen > 0,
      open: g.allowedPairs > 0 && g.openPairs === g.allowedPairs,
      label,
      compactLabel: coverage === 'denied' ? (halfOpen > 0 ? HALF_OPEN_MARK : label) : `${count}${halfOpen > 0 ? ` ${HALF_OPEN_MARK}` : ''}`,
      title,
      aggregate: { pairs: g.pairs, allowedPairs: g.allowedPairs, coverage },
    },
  };
}

/**
 * What does not depend on the view (selection, toggles): the units, each unit's end, the flows
 * between expanded workloads that are drawn by default, and every gathered pair of ends. Cached
 * per matrix and set of collapsed namespaces, so that selecting a node costs little.
 */
export interface Gathering {
  readonly units: readonly UnitInfo[];
  readonly ends: readonly string[];
  readonly endOf: Int32Array;
  /** Indices of the units drawn as workloads. */
  readonly expanded: readonly number[];
  /** Allowed and half-open flows between expanded workloads. */
  readonly unitFlows: readonly FlowSpec[];
  /** Every gathered pair of ends (denied ones too: a selection may draw them). */
  readonly gathered: readonly FlowSpec[];
  readonly externalSets: readonly ExternalSet[];
}

const gatherings = new WeakMap<ReachabilityMatrix, { readonly key: string; readonly gathering: Gathering }>();

/** What the canvas draws from: an analysis carries its flows gathered per namespace (else they are gathered here). */
export interface GatherSource extends CanvasSource {
  readonly namespacePairs?: NamespacePairs;
  /** The workload pairs allowed on some port or half-open (scanMatrixFlows), of `workloadMatrix`. */
  readonly workloadFlowPairs?: Uint32Array;
  /** Those of them that are half-open. */
  readonly workloadHalfOpenPairs?: Uint32Array;
  readonly workloadMatrix?: ReachabilityMatrix;
}

/**
 * The pairs of units worth a flow (allowed or half-open), as `from * units + to`: the analysis's
 * list when it is of this matrix, else every ordered pair (podFlow then tells).
 */
/** The index of the first value of the sorted `list` that is `value` or more. */
function firstAtLeast(list: Uint32Array, value: number): number {
  let [low, high] = [0, list.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function* candidatePairs(source: GatherSource, matrix: ReachabilityMatrix, expanded: readonly number[]): Generator<[number, number]> {
  const n = matrix.units.length;
  const given = source.workloadFlowPairs;
  if (given && source.workloadMatrix === matrix) {
    const isExpanded = new Uint8Array(n);
    for (const i of expanded) isExpanded[i] = 1;
    // The list is sorted: each expanded workload's row is found by bisection, the rest is skipped
    // (one namespace expanded in a cluster of thousands reads its own rows only).
    for (const s of expanded) {
      const end = (s + 1) * n;
      for (let i = firstAtLeast(given, s * n); i < given.length && given[i]! < end; i++) {
        const d = given[i]! - s * n;
        if (isExpanded[d]) yield [s, d];
      }
    }
    return;
  }
  for (const s of expanded) for (const d of expanded) if (s !== d) yield [s, d];
}

const gatheredPairs = new WeakMap<ReachabilityMatrix, NamespacePairs>();
const scannedHalfOpen = new WeakMap<ReachabilityMatrix, Uint32Array>();

/** The half-open pairs of units (`from * units + to`): the analysis's, when they are of this matrix. */
function halfOpenPairsOf(source: GatherSource, matrix: ReachabilityMatrix): Uint32Array {
  if (source.workloadHalfOpenPairs && source.workloadMatrix === matrix) return source.workloadHalfOpenPairs;
  let pairs = scannedHalfOpen.get(matrix);
  if (!pairs) {
    pairs = scanMatrixFlows(source.evaluator.matrixData({ granularity: 'workload' })).halfOpenPairs;
    scannedHalfOpen.set(matrix, pairs);
  }
  return pairs;
}

/** How many half-open pairs of units each pair of ends (`from * ends + to`) gathers; pairs of expanded workloads are drawn themselves. */
function halfOpenByEnds(pairs: Uint32Array, units: number, endOf: Int32Array, ends: number, expanded: readonly number[]): Map<number, number> {
  const isExpanded = new Uint8Array(units);
  for (const i of expanded) isExpanded[i] = 1;
  const counts = new Map<number, number>();
  for (const pair of pairs) {
    const s = Math.floor(pair / units);
    const d = pair - s * units;
    const [a, b] = [endOf[s]!, endOf[d]!];
    if (a === b || (isExpanded[s] && isExpanded[d])) continue;
    const key = a * ends + b;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The flows of `matrix` (workload granularity) gathered per namespace: the analysis's, when they are of this matrix. */
function namespacePairsOf(source: GatherSource, matrix: ReachabilityMatrix): NamespacePairs {
  const given = source.namespacePairs;
  if (given && given.namespaceOf.length === matrix.units.length) return given;
  let pairs = gatheredPairs.get(matrix);
  if (!pairs) {
    pairs = gatherNamespacePairs(source.evaluator.matrixData({ granularity: 'workload' }));
    gatheredPairs.set(matrix, pairs);
  }
  return pairs;
}

export function gather(source: GatherSource, matrix: ReachabilityMatrix, collapsed: ReadonlySet<string>): Gathering {
  const key = [...collapsed].sort().join('\n');
  const cached = gatherings.get(matrix);
  if (cached && cached.key === key) return cached.gathering;
  const units = describeUnits(source, matrix);
  // Every unit's end: itself when its namespace is expanded, else its namespace's summary.
  const ends: string[] = [];
  const endIndex = new Map<string, number>();
  const endOf = new Int32Array(units.length);
  const expanded: number[] = [];
  units.forEach((unit, i) => {
    const id = collapsed.has(unit.namespace) ? namespaceNodeId(unit.namespace) : unit.id;
    if (id === unit.id) expanded.push(i);
    let index = endIndex.get(id);
    if (index === undefined) {
      index = ends.length;
      ends.push(id);
      endIndex.set(id, index);
    }
    endOf[i] = index;
  });
  const unitFlows: FlowSpec[] = [];
  for (const [s, d] of candidatePairs(source, matrix, expanded)) {
    const from = units[s]!;
    const to = units[d]!;
    const data = podFlow(matrix, from, to, s, d);
    if (data.verdict === 'allowed' || data.halfOpen) unitFlows.push({ id: flowEdgeId(from.id, to.id), source: from.id, target: to.id, data });
  }
  const gathering: Gathering = {
    units,
    ends,
    endOf,
    expanded,
    unitFlows,
    gathered: gatherPairs(
      namespacePairsOf(source, matrix),
      units,
      ends,
      halfOpenByEnds(halfOpenPairsOf(source, matrix), units.length, endOf, ends.length, expanded),
    ),
    externalSets: [],
  };
  const external = gatherExternal(matrix, units, endOf, ends);
  const result = { ...gathering, gathered: [...gathering.gathered, ...external.flows], externalSets: external.sets };
  gatherings.set(matrix, { key, gathering: result });
  return result;
}

/**
 * Every pair of units with an end in a collapsed namespace, gathered per (end, end): read off the
 * namespace tables (namespace to namespace, namespace to workload, workload to namespace).
 */
function gatherPairs(pairs: NamespacePairs, units: readonly UnitInfo[], ends: readonly string[], halfOpen: ReadonlyMap<number, number>): FlowSpec[] {
  const namespaceIndex = new Map(pairs.namespaces.map((name, i) => [namespaceNodeId(name), i]));
  const unitIndex = new Map(units.map((u, i) => [u.id, i]));
  // Each end: an expanded workload (its unit) or a collapsed namespace (its index in the tables).
  const unitOf = ends.map((id) => unitIndex.get(id));
  const namespaceOf = ends.map((id, e) => (unitOf[e] === undefined ? namespaceIndex.get(id) : undefined));
  const count = pairs.namespaces.length;
  const total = (table: PairTotals, index: number): Totals => {
    const t = pairTotalAt(pairs, table, index);
    return { pairs: t.pairs, allowedPairs: t.allowed, openPairs: t.open, ports: t.ports };
  };
  const flows: FlowSpec[] = [];
  ends.forEach((from, a) => {
    ends.forEach((to, b) => {
      const [s, d] = [unitOf[a], unitOf[b]];
      const [na, nb] = [namespaceOf[a], namespaceOf[b]];
      let g: Totals | undefined;
      if (a === b || (s !== undefined && d !== undefined)) return;
      if (na !== undefined && nb !== undefined) g = total(pairs.between, na * count + nb);
      else if (na !== undefined && d !== undefined) g = total(pairs.toUnit, na * units.length + d);
      else if (s !== undefined && nb !== undefined) g = total(pairs.fromUnit, s * count + nb);
      if (g) flows.push(gatheredFlow(from, to, { ...g, halfOpenPairs: halfOpen.get(a * ends.length + b) ?? 0 }, { from, to }));
    });
  });
  return flows;
}

/** Flows between external address sets and workloads, gathered per namespace where it is collapsed. */
function gatherExternal(matrix: ReachabilityMatrix, units: readonly UnitInfo[], endOf: Int32Array, ends: readonly string[]) {
  const sets = new Map<string, ExternalSet>();
  const flows: FlowSpec[] = [];
  const sides: ['ingress' | 'egress', ReachabilityMatrix['ingressFromExternal']][] = [
    ['ingress', matrix.ingressFromExternal],
    ['egress', matrix.egressToExternal],
  ];
  for (const [direction, entries] of sides) {
    for (const side of externalSides(entries, units.length)) {
      const perEnd = new Map<number, Gathered>();
      const single: FlowSpec[] = [];
      let anyAllowed = false;
      units.forEach((unit, u) => {
        if (!unit[direction].isolated) return;
        if (ends[endOf[u]!] === unit.id) {
          // An expanded workload: its own flow, as buildCanvasGraph draws it.
          const { id, source, target, allowed, data } = externalFlow(side.set, unit, direction, side.connections(u));
          anyAllowed ||= allowed;
          single.push({ id, source, target, data });
          return;
        }
        const g = perEnd.get(endOf[u]!) ?? gathered();
        perEnd.set(endOf[u]!, g);
        g.pairs++;
        const ports = side.connections(u);
        if (isEmptyPorts(ports)) return;
        g.allowedPairs++;
        g.ports.add(ports);
      });
      if (!anyAllowed && ![...perEnd.values()].some((g) => g.allowedPairs > 0)) continue;
      sets.set(side.set.id, side.set);
      flows.push(...single);
      for (const [end, g] of perEnd) {
        const id = ends[end]!;
        const [source, target] = direction === 'ingress' ? [side.set.id, id] : [id, side.set.id];
        const names = direction === 'ingress' ? { from: side.set.label, to: id } : { from: id, to: side.set.label };
        flows.push(gatheredFlow(source, target, totalsOf(g), names));
      }
    }
  }
  return { sets: [...sets.values()], flows };
}

/** The flows the view draws: those drawn by default, plus the denied ones it asks for. */
export function viewFlows(matrix: ReachabilityMatrix, g: Gathering, view: CanvasView): FlowSpec[] {
  const flows: FlowSpec[] = [...g.unitFlows];
  const { units } = g;
  const deniedPair = (s: number, d: number) => {
    const data = podFlow(matrix, units[s]!, units[d]!, s, d);
    if (data.verdict === 'denied' && !data.halfOpen) flows.push({ id: flowEdgeId(units[s]!.id, units[d]!.id), source: units[s]!.id, target: units[d]!.id, data });
  };
  const index = new Map(g.expanded.map((i) => [units[i]!.id, i]));
  if (view.showAllDenied) {
    for (const s of g.expanded) for (const d of g.expanded) if (s !== d) deniedPair(s, d);
  } else if (view.selection?.kind === 'node' && index.has(view.selection.id)) {
    const selected = index.get(view.selection.id)!;
    for (const other of g.expanded) {
      if (other === selected) continue;
      deniedPair(selected, other);
      deniedPair(other, selected);
    }
  } else if (view.selection?.kind === 'flow') {
    const s = index.get(view.selection.source);
    const d = index.get(view.selection.target);
    if (s !== undefined && d !== undefined && s !== d) deniedPair(s, d);
  }
  for (const flow of g.gathered) {
    if (flow.data.verdict === 'allowed' || flow.data.halfOpen || showDenied(view, flow.source, flow.target)) flows.push(flow);
  }
  return flows;
}
