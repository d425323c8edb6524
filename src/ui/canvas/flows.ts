/**
 * Which flows the canvas draws, and how each one reads. A flow is a connection-initiation
 * direction between two nodes (replies are implicit).
 *
 * Drawn by default: every allowed flow, and every half-open flow (nothing allowed, but one
 * side's policies explicitly allow what the other side denies). With "show all denied flows"
 * every denied pair is drawn; a selected node shows all of its own denied flows.
 *
 * External addresses: a flow between an external set and a workload is drawn only where that
 * workload's side is ISOLATED and a rule explicitly allows the addresses (or, for denied flows,
 * where it is isolated and nothing allows them). A side that no policy isolates already says
 * "default allow" on its badge: drawing an edge from every address set to every open workload
 * would bury the graph and say nothing the badge does not. The legend says so too.
 */
import {
  formatPortSetShort,
  halfOpenOf,
  isEmptyPorts,
  unionPorts,
  type Direction,
  type PortSet,
  type ReachabilityMatrix,
} from '../../core/index.ts';
import type { Selection } from '../store/selection-slice.ts';
import { externalSides, type ExternalSet } from './external.ts';
import type { CanvasGraph, FlowEdgeData } from './types.ts';
import type { UnitInfo } from './units.ts';

export interface FlowView {
  readonly showAllDenied: boolean;
  readonly selection: Selection;
  /**
   * Flows between two sides no policy isolates ("open" flows) say only what both badges say.
   * true: draw them; false: leave them out; undefined: draw them unless there are more than
   * OPEN_FLOW_LIMIT (a cluster with few policies is otherwise buried under its own mesh).
   * Those of a selected node are always drawn.
   */
  readonly showOpenFlows?: boolean;
}

export const OPEN_FLOW_LIMIT = 40;

/**
 * A denied flow's label: the ✗ alone (with the dashed red line, never colour alone); the reason
 * is in its tooltip and the inspector. Short, because "show all denied" draws many of them.
 */
export const DENIED_LABEL = '✗';
export const HALF_OPEN_MARK = '⚠';

/** An edge before emphasis is known. */
export interface FlowSpec {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly data: Omit<FlowEdgeData, 'emphasis' | 'twoWay'>;
}

export function flowEdgeId(source: string, target: string): string {
  return `${source}->${target}`;
}

export function isSelectedNode(view: FlowView, id: string): boolean {
  return view.selection?.kind === 'node' && view.selection.id === id;
}

export function isSelectedFlow(view: FlowView, source: string, target: string): boolean {
  return view.selection?.kind === 'flow' && view.selection.source === source && view.selection.target === target;
}

/** Denied flows are drawn when asked for all of them, or when one of their ends (or they) are selected. */
export function showDenied(view: FlowView, source: string, target: string): boolean {
  return view.showAllDenied || isSelectedNode(view, source) || isSelectedNode(view, target) || isSelectedFlow(view, source, target);
}

/** `⚠ half-open: database ingress denies` (the ports are in the tooltip and the inspector). */
function halfOpenLabel(from: UnitInfo, to: UnitInfo, refusing: readonly Direction[]): string {
  const [side] = refusing;
  if (refusing.length !== 1 || side === undefined) return '⚠ half-open: each side denies part';
  return `⚠ half-open: ${(side === 'ingress' ? to : from).name} ${side} denies`;
}

export function podFlow(matrix: ReachabilityMatrix, from: UnitInfo, to: UnitInfo, s: number, d: number): FlowSpec['data'] {
  const connections = matrix.connections(s, d);
  const sides = matrix.sides(s, d);
  const halfOpen = halfOpenOf(sides);
  const halfOpenPorts = unionPorts(halfOpen.egressOnly, halfOpen.ingressOnly);
  // egressOnly: the source's egress allows it, the destination's ingress refuses (and vice versa).
  const refusing: Direction[] = [];
  if (!isEmptyPorts(halfOpen.egressOnly)) refusing.push('ingress');
  if (!isEmptyPorts(halfOpen.ingressOnly)) refusing.push('egress');
  const halfOpenTitle = () =>
    refusing
      .map((side) =>
        side === 'ingress'
          ? `Half-open on ${formatPortSetShort(halfOpen.egressOnly)}: ${from.id}'s egress policies allow it, ${to.id}'s ingress denies it.`
          : `Half-open on ${formatPortSetShort(halfOpen.ingressOnly)}: ${to.id}'s ingress policies allow it, ${from.id}'s egress denies it.`,
      )
      .join(' ');
  const route = `${from.id} → ${to.id}`;
  const open = !sides.egress.isolated && !sides.ingress.isolated;
  if (open) {
    return {
      verdict: 'allowed',
      halfOpen: false,
      open,
      label: formatPortSetShort(connections),
      compactLabel: formatPortSetShort(connections),
      title: `${route}: allowed on ${formatPortSetShort(connections)}: no policy isolates ${from.id}'s egress or ${to.id}'s ingress.`,
    };
  }
  if (!isEmptyPorts(connections)) {
    const allowedPorts = formatPortSetShort(connections);
    const partial = !isEmptyPorts(halfOpenPorts);
    return {
      verdict: 'allowed',
      halfOpen: false,
      open,
      ...(partial ? { refusing } : {}),
      label: partial ? `${allowedPorts} · ⚠ ${formatPortSetShort(halfOpenPorts)} half-open` : allowedPorts,
      compactLabel: partial ? `${allowedPorts} ⚠` : allowedPorts,
      title: `${route}: allowed on ${allowedPorts}.${partial ? ` ${halfOpenTitle()}` : ''}`,
    };
  }
  if (!isEmptyPorts(halfOpenPorts)) {
    return {
      verdict: 'denied',
      halfOpen: true,
      open,
      refusing,
      label: halfOpenLabel(from, to, refusing),
      compactLabel: HALF_OPEN_MARK,
      title: `${route}: denied. ${halfOpenTitle()}`,
    };
  }
  const blockers: string[] = [];
  if (isEmptyPorts(sides.egress.ports)) blockers.push(`${from.id}'s egress policies allow nothing to ${to.id}`);
  if (isEmptyPorts(sides.ingress.ports)) blockers.push(`${to.id}'s ingress policies admit nothing from ${from.id}`);
  const why = blockers.length > 0 ? blockers.join('; ') : 'the two sides allow no port in common';
  return { verdict: 'denied', halfOpen: false, open, label: DENIED_LABEL, compactLabel: DENIED_LABEL, title: `${route}: denied (${why}).` };
}

/** Flows between workloads (self pairs are never drawn), and how many open flows there are. */
export function podFlows(
  matrix: ReachabilityMatrix,
  units: readonly UnitInfo[],
  view: FlowView,
): { readonly flows: FlowSpec[]; readonly openFlows: CanvasGraph['openFlows'] } {
  const flows: FlowSpec[] = [];
  units.forEach((from, s) => {
    units.forEach((to, d) => {
      if (s === d) return;
      const data = podFlow(matrix, from, to, s, d);
      if (data.verdict === 'allowed' || data.halfOpen || showDenied(view, from.id, to.id)) {
        flows.push({ id: flowEdgeId(from.id, to.id), source: from.id, target: to.id, data });
      }
    });
  });
  const count = flows.filter((f) => f.data.open).length;
  const hidden = count > 0 && (view.showOpenFlows === undefined ? count > OPEN_FLOW_LIMIT : !view.showOpenFlows);
  if (!hidden) return { flows, openFlows: { count, hidden } };
  const kept = flows.filter((f) => !f.data.open || isSelectedNode(view, f.source) || isSelectedNode(view, f.target) || isSelectedFlow(view, f.source, f.target));
  return { flows: kept, openFlows: { count, hidden } };
}

interface ExternalCandidate extends FlowSpec {
  readonly set: ExternalSet;
  readonly allowed: boolean;
}

export function externalFlow(set: ExternalSet, unit: UnitInfo, direction: Direction, ports: PortSet): ExternalCandidate {
  const allowed = !isEmptyPorts(ports);
  const [source, target] = direction === 'ingress' ? [set.id, unit.id] : [unit.id, set.id];
  const addresses = set.id === 'ext:anywhere' ? 'any address' : `addresses in ${set.label}`;
  const shown = formatPortSetShort(ports);
  const title =
    direction === 'ingress'
      ? allowed
        ? `${unit.id}'s ingress policies admit ${shown} from ${addresses}.`
        : `${unit.id}'s ingress policies admit nothing from ${addresses}.`
      : allowed
        ? `${unit.id}'s egress policies allow ${shown} to ${addresses}.`
        : `${unit.id}'s egress policies allow nothing to ${addresses}.`;
  return {
    id: flowEdgeId(source, target),
    source,
    target,
    set,
    allowed,
    data: {
      verdict: allowed ? 'allowed' : 'denied',
      halfOpen: false,
      open: false,
      label: allowed ? shown : DENIED_LABEL,
      compactLabel: allowed ? shown : DENIED_LABEL,
      title,
    },
  };
}

/**
 * External sets that some isolated workload explicitly exchanges traffic with, and the flows
 * drawn between them and isolated workloads (see the file comment).
 */
export function externalFlows(
  matrix: ReachabilityMatrix,
  units: readonly UnitInfo[],
  view: FlowView,
): { readonly sets: ExternalSet[]; readonly flows: FlowSpec[] } {
  const candidates: ExternalCandidate[] = [];
  const directions: [Direction, ReachabilityMatrix['ingressFromExternal']][] = [
    ['ingress', matrix.ingressFromExternal],
    ['egress', matrix.egressToExternal],
  ];
  for (const [direction, entries] of directions) {
    for (const side of externalSides(entries, units.length)) {
      units.forEach((unit, u) => {
        if (!unit[direction].isolated) return;
        candidates.push(externalFlow(side.set, unit, direction, side.connections(u)));
      });
    }
  }
  const sets = new Map<string, ExternalSet>();
  for (const c of candidates) if (c.allowed && !sets.has(c.set.id)) sets.set(c.set.id, c.set);
  const flows = candidates
    .filter((c) => sets.has(c.set.id) && (c.allowed || showDenied(view, c.source, c.target)))
    .map(({ id, source, target, data }) => ({ id, source, target, data }));
  return { sets: [...sets.values()], flows };
}
