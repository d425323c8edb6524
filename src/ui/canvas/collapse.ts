/**
 * The canvas at scale: namespaces collapsed into summary nodes, flows gathered between them.
 * Pure, like graph.ts, and built on the same pieces.
 *
 * A collapsed namespace is one node (`ns:<name>`, the id its group has when expanded) saying how
 * many workloads and pods it holds and how many of them policies isolate. The flows of its
 * workloads are gathered per other end: one edge per ordered pair of ends, where an end is an
 * expanded workload, a collapsed namespace or an external address set. The edge says how many
 * ordered workload pairs it stands for and how many of them may connect (on which ports):
 * `allowed` when every pair may, `partial` when some may, `denied` when none may (drawn only
 * with "Show all denied flows" or when an end is selected, like denied flows between workloads).
 * Flows inside a collapsed namespace are not drawn; expanding it shows them.
 *
 * Half-open flows are told apart between workloads only: expand a namespace to see them.
 */
import type { ReachabilityMatrix } from '../../core/index.ts';
import { isSelectedFlow, isSelectedNode, OPEN_FLOW_LIMIT, type FlowSpec } from './flows.ts';
import { focusOnPolicy } from './focus.ts';
import { gather, viewFlows, type GatherSource } from './gather.ts';
import { buildCanvasGraph, externalNode, flowEdge, labelChips, namespaceNodeId, workloadNode, type CanvasView } from './graph.ts';
import { CARD_Z, SUMMARY_HEIGHT, SUMMARY_WIDTH } from './sizes.ts';
import type { CanvasGraph, CanvasNode, FlowEdge, NamespaceNode, NamespaceSummaryNode } from './types.ts';
import type { CanvasSource, UnitInfo } from './units.ts';
import type { NamespaceToggle } from '../store/view-slice.ts';

/** Above this many workloads, or this many namespaces, the canvas opens with namespaces collapsed. */
export const COLLAPSE_ABOVE_WORKLOADS = 60;
export const COLLAPSE_ABOVE_NAMESPACES = 8;

export type { NamespaceToggle };

export function startsCollapsed(workloads: number, namespaces: number): boolean {
  return workloads > COLLAPSE_ABOVE_WORKLOADS || namespaces > COLLAPSE_ABOVE_NAMESPACES;
}

/**
 * The namespaces drawn collapsed: those the user collapsed, plus, in a large cluster (see
 * startsCollapsed), every namespace the user has not expanded.
 */
export function collapsedNamespaces(
  source: CanvasSource,
  toggles: Readonly<Record<string, NamespaceToggle>>,
): Set<string> {
  const names = new Set(source.model.workloads.map((w) => w.namespace));
  const large = startsCollapsed(source.model.workloads.length, names.size);
  const collapsed = new Set<string>();
  for (const name of names) {
    const toggle = toggles[name];
    if (toggle === 'collapsed' || (toggle === undefined && large)) collapsed.add(name);
  }
  return collapsed;
}

export interface ScaleView extends CanvasView {
  /** Namespaces drawn as summary nodes (collapsedNamespaces). */
  readonly collapsed: ReadonlySet<string>;
}

/**
 * The canvas graph with the `collapsed` namespaces summarised. For a small cluster with none
 * collapsed, buildCanvasGraph's graph; for a large one, the same nodes and flows built from a
 * cache (see gather), so that selecting a node does not re-evaluate every pair.
 */
export function buildScaledGraph(source: GatherSource, matrix: ReachabilityMatrix, view: ScaleView): CanvasGraph {
  const namespaces = new Set(source.model.workloads.map((w) => w.namespace)).size;
  // A small cluster with every namespace expanded: the graph as it always was.
  if (view.collapsed.size === 0 && !startsCollapsed(source.model.workloads.length, namespaces)) return buildCanvasGraph(source, matrix, view);
  return buildCollapsedGraph(source, matrix, view);
}

function summaryNode(source: CanvasSource, name: string, members: readonly UnitInfo[], view: CanvasView, dim: boolean): NamespaceSummaryNode {
  const namespace = source.model.namespaces.find((ns) => ns.name === name);
  const id = namespaceNodeId(name);
  // A workload stands for `replicas` pods (declared pods, or its template's replicas).
  const pods = members.reduce((sum, u) => sum + (u.workload?.replicas ?? 1), 0);
  const ingressIsolated = members.filter((u) => u.ingress.isolated).length;
  const egressIsolated = members.filter((u) => u.egress.isolated).length;
  const isolationText = `isolated: ingress ${ingressIsolated} of ${members.length}, egress ${egressIsolated} of ${members.length}`;
  return {
    id,
    type: 'namespaceSummary',
    position: { x: 0, y: 0 },
    zIndex: CARD_Z,
    width: SUMMARY_WIDTH,
    height: SUMMARY_HEIGHT,
    selected: isSelectedNode(view, id),
    ariaLabel: `Namespace ${name}, collapsed: ${members.length} workloads, ${pods} pods; ${isolationText}`,
    data: {
      name,
      labels: labelChips(namespace?.labels ?? {}),
      declared: namespace?.declared ?? false,
      workloads: members.length,
      pods,
      ingressIsolated,
      egressIsolated,
      isolationText,
      emphasis: dim ? 'dim' : undefined,
    },
  };
}

/** Leaves out default-allow flows when there are many, as podFlows does (those of a selection stay). */
function hideOpenFlows(flows: readonly FlowSpec[], view: CanvasView): { flows: FlowSpec[]; openFlows: CanvasGraph['openFlows'] } {
  const count = flows.filter((f) => f.data.open).length;
  const hidden = count > 0 && (view.showOpenFlows === undefined ? count > OPEN_FLOW_LIMIT : !view.showOpenFlows);
  if (!hidden) return { flows: [...flows], openFlows: { count, hidden } };
  const kept = flows.filter(
    (f) => !f.data.open || isSelectedNode(view, f.source) || isSelectedNode(view, f.target) || isSelectedFlow(view, f.source, f.target),
  );
  return { flows: kept, openFlows: { count, hidden } };
}

function buildCollapsedGraph(source: GatherSource, matrix: ReachabilityMatrix, view: ScaleView): CanvasGraph {
  const g = gather(source, matrix, view.collapsed);
  const { units } = g;
  const byNamespace = new Map<string, UnitInfo[]>();
  for (const unit of units) {
    const list = byNamespace.get(unit.namespace);
    if (list) list.push(unit);
    else byNamespace.set(unit.namespace, [unit]);
  }
  const namespaceOrder = [
    ...source.model.namespaces.map((ns) => ns.name).filter((name) => byNamespace.has(name)),
    ...[...byNamespace.keys()].filter((name) => !source.model.namespaces.some((ns) => ns.name === name)),
  ];
  const { flows, openFlows } = hideOpenFlows(viewFlows(matrix, g, view), view);
  const focus =
    view.selection?.kind === 'policy'
      ? focusOnPolicy(source, matrix, units.filter((u) => !view.collapsed.has(u.namespace)), g.externalSets, flows, view.selection.id)
      : undefined;

  const nodes: CanvasNode[] = [];
  for (const name of namespaceOrder) {
    const members = byNamespace.get(name) ?? [];
    if (view.collapsed.has(name)) {
      nodes.push(summaryNode(source, name, members, view, focus !== undefined && !members.some((u) => focus.selected.has(u.id))));
      continue;
    }
    const namespace = source.model.namespaces.find((ns) => ns.name === name);
    const id = namespaceNodeId(name);
    const group: NamespaceNode = {
      id,
      type: 'namespace',
      position: { x: 0, y: 0 },
      selected: isSelectedNode(view, id),
      ariaLabel: `Namespace ${name}`,
      data: {
        name,
        labels: labelChips(namespace?.labels ?? {}),
        declared: namespace?.declared ?? false,
        emphasis: focus !== undefined && members.every((u) => !focus.selected.has(u.id) && !focus.ends.has(u.id)) ? 'dim' : undefined,
      },
    };
    nodes.push(group, ...members.map((unit) => workloadNode(source, unit, view, focus)));
  }
  nodes.push(...g.externalSets.map((set) => externalNode(set, view, focus)));

  const drawn = new Set(flows.map((f) => f.id));
  const edges: FlowEdge[] = flows.map((spec) => {
    const edge = flowEdge(spec, view, focus, drawn);
    const aggregate = spec.data.aggregate;
    if (!aggregate) return edge;
    const domAttributes: Record<string, string> = { ...(edge.domAttributes as Record<string, string>), 'data-verdict': aggregate.coverage };
    return { ...edge, domAttributes };
  });
  return { nodes, edges, openFlows };
}
