/**
 * What you drew vs what you get, on the canvas graph (pure, unit-tested):
 * - external endpoints the user placed get a node even while no policy mentions them;
 * - every drawn flow gets an edge `A->B` marked as drawn, even when the policies deny it (then
 *   it is drawn denied, `data-drawn-denied`, with the evaluator's reasons in its tooltip);
 * - a flow the policies allow explicitly but nobody drew is marked `data-undrawn`.
 */
import { CLUSTER_FILE } from '../../core/generate/cluster-docs.ts';
import { formatPortSetShort, METADATA_NAME_LABEL, type ClusterModel, type DrawnVsActual, type FlowIntent } from '../../core/index.ts';
import type { DrawnExternal } from '../store/drawing-slice.ts';
import { edgeIdOfIntent, nodeIdOfEnd } from './drawing.ts';
import { externalNodeId } from './external.ts';
import { namespaceNodeId } from './graph.ts';
import { DENIED_LABEL, flowEdgeId } from './flows.ts';
import { CARD_Z, EXTERNAL_HEIGHT, EXTERNAL_WIDTH } from './sizes.ts';
import type { CanvasGraph, ExternalNode, FlowEdge } from './types.ts';

export interface DrawingView {
  /** Namespaces drawn (declared in cluster.yaml) that have no workload yet. */
  readonly emptyNamespaces?: readonly { readonly name: string; readonly labels: readonly string[] }[];
  readonly intents: readonly FlowIntent[];
  readonly externals: readonly DrawnExternal[];
  /** compareDrawnWithActual on the current model (undefined when nothing is drawn). */
  readonly compare: DrawnVsActual | undefined;
  /**
   * Drawn flows newer than the analysis on screen (a large workspace is analysed in the worker):
   * their generated policies are not evaluated yet, so they are drawn as "checking", never as denied.
   */
  readonly checking?: readonly FlowIntent[];
}

function externalLabel(ext: DrawnExternal): string {
  return ext.id === 'ext:anywhere' ? 'anywhere' : ext.id.slice('ext:'.length).replaceAll(',except:', ' except ').replaceAll(',', ', ');
}

function drawnExternalNode(ext: DrawnExternal): ExternalNode {
  const label = externalLabel(ext);
  const sampleIp = ext.end.kind === 'ipBlock' ? ext.end.cidr.split('/')[0]! : '0.0.0.0';
  return {
    id: ext.id,
    type: 'external',
    position: { x: 0, y: 0 },
    zIndex: CARD_Z,
    width: EXTERNAL_WIDTH,
    height: EXTERNAL_HEIGHT,
    ariaLabel: `External addresses: ${label} (drawn)`,
    data: { label, sampleIp, familyText: sampleIp.includes(':') ? 'IPv6' : 'IPv4', emphasis: undefined },
  };
}

function withAttributes(edge: FlowEdge, attributes: Record<string, string>): FlowEdge {
  const domAttributes: Record<string, string> = { ...(edge.domAttributes as Record<string, string>), ...attributes };
  return { ...edge, domAttributes };
}

export function overlayDrawing(graph: CanvasGraph, view: DrawingView): CanvasGraph {
  const empty = view.emptyNamespaces ?? [];
  if (view.intents.length === 0 && view.externals.length === 0 && empty.length === 0) return graph;
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const nodes = [...graph.nodes];
  for (const ns of empty) {
    const id = namespaceNodeId(ns.name);
    if (nodeIds.has(id)) continue;
    nodeIds.add(id);
    nodes.unshift({
      id,
      type: 'namespace',
      position: { x: 0, y: 0 },
      ariaLabel: `Namespace ${ns.name} (no workloads yet)`,
      data: { name: ns.name, labels: ns.labels, declared: true, emphasis: undefined },
    });
  }
  const wanted = new Set<string>(view.externals.map((e) => e.id));
  for (const intent of view.intents) {
    for (const end of [intent.source, intent.destination]) if (end.kind !== 'workload') wanted.add(nodeIdOfEnd(end) ?? '');
  }
  for (const id of wanted) {
    if (!id || nodeIds.has(id)) continue;
    const ext = view.externals.find((e) => e.id === id) ?? endAsExternal(view.intents, id);
    if (ext) {
      nodes.push(drawnExternalNode(ext));
      nodeIds.add(id);
    }
  }

  const checking = new Set((view.checking ?? []).map(edgeIdOfIntent));
  const denied = new Map<string, string[]>();
  view.compare?.drawnButDenied.forEach((d) => {
    const id = edgeIdOfIntent(d.intent);
    if (id && !checking.has(id)) denied.set(id, [...(denied.get(id) ?? []), ...(d.addresses ? [`For ${d.addresses}:`] : []), ...d.reasons]);
  });
  const undrawn = new Map<string, string>();
  for (const a of view.compare?.allowedButNotDrawn ?? []) {
    const end = (e: typeof a.source) => (e.kind === 'workload' ? e.id : externalNodeId(e.label));
    undrawn.set(flowEdgeId(end(a.source), end(a.destination)), formatPortSetShort(a.ports));
  }

  const drawnIds = new Set(view.intents.map(edgeIdOfIntent).filter((id): id is string => id !== undefined));
  const edges = graph.edges.map((edge) => {
    if (drawnIds.has(edge.id)) {
      if (checking.has(edge.id)) return checkingEdge(edge);
      const reasons = denied.get(edge.id);
      if (!reasons) return withAttributes(edge, { 'data-drawn': 'true' });
      const title = `Drawn, but the policies deny it. ${reasons.join(' ')}`;
      return withAttributes({ ...edge, data: { ...edge.data!, drawnDenied: true, title } }, { 'data-drawn': 'true', 'data-drawn-denied': 'true' });
    }
    const extra = undrawn.get(edge.id);
    if (extra === undefined || view.intents.length === 0) return edge;
    const title = `${edge.data?.title ?? ''} Not drawn: a policy allows ${extra} that no drawn flow asks for.`.trim();
    return withAttributes({ ...edge, data: { ...edge.data!, undrawn: true, title } }, { 'data-undrawn': 'true' });
  });

  const present = new Set(edges.map((e) => e.id));
  view.intents.forEach((intent) => {
    const id = edgeIdOfIntent(intent);
    const source = nodeIdOfEnd(intent.source);
    const target = nodeIdOfEnd(intent.destination);
    if (!id || !source || !target || present.has(id) || !nodeIds.has(source) || !nodeIds.has(target) || source === target) return;
    present.add(id);
    const reasons = denied.get(id);
    const title = reasons
      ? `${source} → ${target}: drawn, but the policies deny it. ${reasons.join(' ')}`
      : `${source} → ${target}: drawn; no policy is needed for it (nothing isolates these sides).`;
    const domAttributes: Record<string, string> = { 'data-verdict': reasons ? 'denied' : 'allowed', 'data-drawn': 'true' };
    if (reasons) domAttributes['data-drawn-denied'] = 'true';
    const edge: FlowEdge = {
      id,
      source,
      target,
      type: 'flow',
      ariaLabel: `Flow ${source} to ${target}: ${reasons ? 'drawn but denied' : 'drawn'}`,
      domAttributes,
      data: {
        verdict: reasons ? 'denied' : 'allowed',
        halfOpen: false,
        open: !reasons,
        label: reasons ? `${DENIED_LABEL} drawn, denied` : 'drawn',
        compactLabel: reasons ? DENIED_LABEL : 'drawn',
        title,
        twoWay: present.has(flowEdgeId(target, source)),
        emphasis: undefined,
        drawnDenied: Boolean(reasons),
      },
    };
    edges.push(checking.has(id) ? checkingEdge(edge) : edge);
  });
  return { ...graph, nodes, edges };
}

/** A drawn flow whose policies are being evaluated: drawn, neither allowed nor denied yet. */
function checkingEdge(edge: FlowEdge): FlowEdge {
  const title = `${edge.source} → ${edge.target}: drawn; checking it against the policies…`;
  return withAttributes(
    { ...edge, data: { ...edge.data!, verdict: 'allowed', open: false, drawnDenied: false, label: 'drawn · checking…', compactLabel: 'drawn', title } },
    { 'data-drawn': 'true', 'data-checking': 'true', 'data-verdict': 'checking' },
  );
}

function endAsExternal(intents: readonly FlowIntent[], id: string): DrawnExternal | undefined {
  for (const intent of intents) {
    for (const end of [intent.source, intent.destination]) if (end.kind !== 'workload' && nodeIdOfEnd(end) === id) return { id, end };
  }
  return undefined;
}

/** Namespaces declared in cluster.yaml (drawn with "+ Namespace") that have no workload yet. */
export function emptyDrawnNamespaces(model: ClusterModel): { name: string; labels: string[] }[] {
  const used = new Set(model.workloads.map((w) => w.namespace));
  return model.namespaces
    .filter((ns) => ns.source?.file === CLUSTER_FILE && !used.has(ns.name))
    .map((ns) => ({
      name: ns.name,
      labels: Object.entries(ns.labels)
        .filter(([key]) => key !== METADATA_NAME_LABEL)
        .map(([key, value]) => (value === '' ? key : `${key}=${value}`)),
    }));
}
