/**
 * Automatic layout with ELK (loaded lazily: it is a large bundle), layered from top to bottom,
 * one compound node per namespace laid out together with its workloads (INCLUDE_CHILDREN) so
 * that flows across namespaces shape the whole picture. External address sets that only send
 * sit in the first layer, those that only receive in the last: at the sides of the drawing the
 * flows run from and to, never among the workloads. Flows run top to bottom or left to right,
 * whichever fills the canvas better (it is often taller than wide between the two panes).
 *
 * Only flows that a policy decides shape the layout: a flow between two workloads whose sides are
 * both "default allow" says nothing a reader needs to follow, and a mesh of them would scramble
 * the layers. Workloads left without any such flow are chained into a grid inside their
 * namespace (layout-only edges), instead of lining up in one very long layer.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { loadElk } from './elk-engine.ts';
import { NAMESPACE_HEADER, NAMESPACE_HEADER_WITH_LABELS, NAMESPACE_PADDING } from './sizes.ts';
import type { CanvasNode, FlowEdge, NamespaceNode, WorkloadNode } from './types.ts';

/** Size of a namespace group without workloads yet. */
const EMPTY_NAMESPACE_WIDTH = 220;
const EMPTY_NAMESPACE_BODY = 40;

/** A node's place: relative to its namespace for workloads, absolute otherwise. */
export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export type Layout = ReadonlyMap<string, NodeBox>;

/**
 * Above this many nodes the drawing is a plain grid (gridLayout) instead of ELK: ELK's layered
 * layout grows much faster than linearly, and a grid of hundreds of workloads is as readable.
 */
export const GRID_LAYOUT_ABOVE = 400;
/** Likewise above this many flows: ELK then takes seconds, or overflows its stack. */
export const GRID_LAYOUT_ABOVE_FLOWS = 400;

/** The identity of the node SET: the layout is recomputed only when it changes. */
export function layoutKey(nodes: readonly CanvasNode[]): string {
  return nodes
    .map((n) => n.id)
    .sort()
    .join('\n');
}

export type LayoutDirection = 'DOWN' | 'RIGHT';

/**
 * Spacing, set on the root and on every namespace (ELK reads it per compound node). Between
 * layers there must be room for a flow's label: a line's height top to bottom, a label's width
 * left to right.
 */
function spacing(direction: LayoutDirection): Record<string, string> {
  return {
    'elk.layered.spacing.nodeNodeBetweenLayers': direction === 'DOWN' ? '50' : '96',
    'elk.spacing.nodeNode': direction === 'DOWN' ? '36' : '28',
  };
}

const ROOT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.componentComponent': '48',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.edgeRouting': 'POLYLINE',
};

/** Above this many flows shaping the layout, nodes are placed with Brandes-Köpf instead of network simplex. */
const MAX_SIMPLEX_FLOWS = 60;

/** Above this many, half-open flows come from broad rules (DNS to every pod, say): they do not shape the layout. */
const MAX_LAYOUT_HALF_OPEN = 12;

/**
 * Whether a policy decides this flow and it is worth following: an allowed external flow, an
 * allowed flow with an isolated side, or a half-open flow when there are few. Plain denied flows
 * (drawn on request) do not shape the layout.
 */
function shapesLayout(edge: FlowEdge, byId: ReadonlyMap<string, CanvasNode>, fewHalfOpen: boolean): boolean {
  if (edge.data?.halfOpen) return fewHalfOpen;
  if (edge.data?.verdict !== 'allowed') return false;
  const source = byId.get(edge.source);
  const target = byId.get(edge.target);
  if (source?.type !== 'workload' || target?.type !== 'workload') return true;
  return source.data.egress.isolated || target.data.ingress.isolated;
}

/** Layout-only edges chaining the unconnected workloads of a namespace into columns. */
function gridEdges(members: readonly WorkloadNode[], connected: ReadonlySet<string>, namespace: string): ElkExtendedEdge[] {
  const loose = members.filter((m) => !connected.has(m.id));
  if (loose.length < 4) return [];
  const columns = Math.ceil(Math.sqrt(loose.length * 1.5));
  const edges: ElkExtendedEdge[] = [];
  for (let i = columns; i < loose.length; i++) {
    edges.push({ id: `grid:${namespace}:${i}`, sources: [loose[i - columns]!.id], targets: [loose[i]!.id] });
  }
  return edges;
}

export function toElkGraph(
  nodes: readonly CanvasNode[],
  edges: readonly FlowEdge[],
  direction: LayoutDirection = 'DOWN',
  aspect = 1.6,
): ElkNode {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const fewHalfOpen = edges.filter((e) => e.data?.halfOpen).length <= MAX_LAYOUT_HALF_OPEN;
  const flows = edges.filter(
    (e) => e.source !== e.target && byId.has(e.source) && byId.has(e.target) && shapesLayout(e, byId, fewHalfOpen),
  );
  const connected = new Set(flows.flatMap((e) => [e.source, e.target]));
  const sends = new Set(flows.map((e) => e.source));
  const receives = new Set(flows.map((e) => e.target));

  const namespaces = nodes.filter((n): n is NamespaceNode => n.type === 'namespace');
  const children: ElkNode[] = namespaces.map((ns) => {
    const members = nodes.filter((n): n is WorkloadNode => n.type === 'workload' && n.parentId === ns.id);
    const top = ns.data.labels.length > 0 ? NAMESPACE_HEADER_WITH_LABELS : NAMESPACE_HEADER;
    return {
      id: ns.id,
      layoutOptions: { ...spacing(direction), 'elk.padding': `[top=${top},left=${NAMESPACE_PADDING},bottom=${NAMESPACE_PADDING},right=${NAMESPACE_PADDING}]` },
      children: members.map((m) => ({ id: m.id, width: m.width ?? 0, height: m.height ?? 0 })),
      edges: gridEdges(members, connected, ns.data.name),
      // A namespace drawn before its first workload: room for its title and a drop hint.
      ...(members.length === 0 ? { width: EMPTY_NAMESPACE_WIDTH, height: top + EMPTY_NAMESPACE_BODY } : {}),
    };
  });
  for (const node of nodes) {
    if (node.type === 'namespaceSummary') {
      children.push({ id: node.id, width: node.width ?? 0, height: node.height ?? 0 });
      continue;
    }
    if (node.type !== 'external') continue;
    const constraint = sends.has(node.id) && !receives.has(node.id) ? 'FIRST' : receives.has(node.id) && !sends.has(node.id) ? 'LAST' : undefined;
    children.push({
      id: node.id,
      width: node.width ?? 0,
      height: node.height ?? 0,
      ...(constraint ? { layoutOptions: { 'elk.layered.layering.layerConstraint': constraint } } : {}),
    });
  }
  // Network simplex places nodes best but takes seconds on many flows between few nodes (collapsed namespaces).
  const placement: Record<string, string> = flows.length > MAX_SIMPLEX_FLOWS ? { 'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF' } : {};
  return {
    id: 'root',
    // The aspect ratio guides how unconnected parts (often whole namespaces) are packed.
    layoutOptions: { ...ROOT_OPTIONS, ...placement, ...spacing(direction), 'elk.direction': direction, 'elk.aspectRatio': aspect.toFixed(2) },
    children,
    edges: flows.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

function collectBoxes(node: ElkNode, out: Map<string, NodeBox>): void {
  for (const child of node.children ?? []) {
    out.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 });
    collectBoxes(child, out);
  }
}

/** How large the drawing appears when fitted into a view of this aspect ratio (width / height). */
function fitScore(result: ElkNode, aspect: number): number {
  return Math.min(aspect / Math.max(1, result.width ?? 1), 1 / Math.max(1, result.height ?? 1));
}

/**
 * Places every node; workloads relative to their namespace (as React Flow's parentId expects).
 * Flows run top to bottom or left to right, whichever fits a view of `aspect` (width / height)
 * at the larger zoom.
 */
export async function layoutCanvas(nodes: readonly CanvasNode[], edges: readonly FlowEdge[], aspect = 0.7): Promise<Layout> {
  if (nodes.length > GRID_LAYOUT_ABOVE || edges.length > GRID_LAYOUT_ABOVE_FLOWS) return gridLayout(nodes, aspect);
  const elk = await loadElk();
  const downGraph = toElkGraph(nodes, edges, 'DOWN', aspect);
  // A large drawing is laid out once, top to bottom: trying both directions doubles a long wait.
  if ((downGraph.edges?.length ?? 0) > MAX_SIMPLEX_FLOWS) {
    const boxes = new Map<string, NodeBox>();
    collectBoxes(await elk.layout(downGraph), boxes);
    return boxes;
  }
  const [down, right] = await Promise.all([elk.layout(downGraph), elk.layout(toElkGraph(nodes, edges, 'RIGHT', aspect))]);
  const best = fitScore(right, aspect) > fitScore(down, aspect) * 1.05 ? right : down;
  const boxes = new Map<string, NodeBox>();
  collectBoxes(best, boxes);
  return boxes;
}

/**
 * A plain grid, should ELK fail, and for very large drawings: each namespace a block of its
 * workloads in rows (about square), blocks and collapsed namespaces packed in rows about as wide
 * as the view is, external sets in rows of that width below. Linear in the number of nodes; never pretty,
 * always readable.
 */
export function gridLayout(nodes: readonly CanvasNode[], aspect = 1.6): Layout {
  const boxes = new Map<string, NodeBox>();
  const gap = 36;
  const children = new Map<string, CanvasNode[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    const list = children.get(node.parentId);
    if (list) list.push(node);
    else children.set(node.parentId, [node]);
  }
  // Each block's size, with its children placed relative to it.
  const blocks: { id: string; width: number; height: number }[] = [];
  for (const node of nodes) {
    if (node.type === 'namespaceSummary') blocks.push({ id: node.id, width: node.width ?? 0, height: node.height ?? 0 });
    if (node.type !== 'namespace') continue;
    const members = children.get(node.id) ?? [];
    const top = node.data.labels.length > 0 ? NAMESPACE_HEADER_WITH_LABELS : NAMESPACE_HEADER;
    const columns = Math.max(3, Math.ceil(Math.sqrt(members.length * 1.5)));
    let width = members.length === 0 ? EMPTY_NAMESPACE_WIDTH : 0;
    let height = top;
    let rowHeight = members.length === 0 ? EMPTY_NAMESPACE_BODY : 0;
    members.forEach((m, i) => {
      const column = i % columns;
      if (column === 0 && i > 0) {
        height += rowHeight + gap;
        rowHeight = 0;
      }
      const cx = NAMESPACE_PADDING + column * ((m.width ?? 0) + gap);
      boxes.set(m.id, { x: cx, y: height, width: m.width ?? 0, height: m.height ?? 0 });
      width = Math.max(width, cx + (m.width ?? 0) + NAMESPACE_PADDING);
      rowHeight = Math.max(rowHeight, m.height ?? 0);
    });
    height += rowHeight + NAMESPACE_PADDING;
    blocks.push({ id: node.id, width, height });
  }
  const area = blocks.reduce((sum, b) => sum + (b.width + gap) * (b.height + gap), 0);
  const rowWidth = Math.max(...blocks.map((b) => b.width), Math.sqrt(area * aspect));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const block of blocks) {
    if (x > 0 && x + block.width > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    boxes.set(block.id, { x, y, width: block.width, height: block.height });
    x += block.width + gap;
    rowHeight = Math.max(rowHeight, block.height);
  }
  // External address sets in rows of the same width below (one long row would make the drawing
  // so wide that fitting it shrinks everything else).
  let ex = 0;
  let ey = y + rowHeight + gap * 2;
  let externalRow = 0;
  for (const ext of nodes.filter((n) => n.type === 'external')) {
    const width = ext.width ?? 0;
    if (ex > 0 && ex + width > rowWidth) {
      ex = 0;
      ey += externalRow + gap;
      externalRow = 0;
    }
    boxes.set(ext.id, { x: ex, y: ey, width, height: ext.height ?? 0 });
    ex += width + gap;
    externalRow = Math.max(externalRow, ext.height ?? 0);
  }
  return boxes;
}

/** At most this many new nodes are fitted into the existing drawing; more means a new layout. */
export const MAX_EXTENSION = 3;

/**
 * The previous layout, with the few nodes that appeared since placed where they disturb nothing:
 * a new workload under the others of its namespace (the group grows around it), a new namespace
 * or external set to the right of the drawing. Nodes that went away simply go. Typing a name in
 * the YAML thus never reshuffles the whole canvas. Undefined when too much changed.
 */
export function extendLayout(previous: Layout, nodes: readonly CanvasNode[]): Layout | undefined {
  const added = nodes.filter((n) => !previous.has(n.id));
  if (added.length > MAX_EXTENSION) return undefined;
  const boxes = new Map<string, NodeBox>();
  for (const node of nodes) {
    const box = previous.get(node.id);
    if (box) boxes.set(node.id, box);
  }
  if (added.length === 0) return boxes;
  const gap = 36;
  const roots = [...boxes].filter(([id]) => !nodes.find((n) => n.id === id)?.parentId).map(([, box]) => box);
  let right = roots.reduce((max, b) => Math.max(max, b.x + b.width), 0) + gap * 2;
  let nextRootY = roots.reduce((min, b) => Math.min(min, b.y), Infinity);
  if (!Number.isFinite(nextRootY)) nextRootY = 0;
  const bottomOf = (parentId: string): number => {
    let bottom = -Infinity;
    for (const node of nodes) {
      const box = node.parentId === parentId ? boxes.get(node.id) : undefined;
      if (box) bottom = Math.max(bottom, box.y + box.height);
    }
    return bottom;
  };
  for (const node of added) {
    const width = node.width ?? 0;
    const height = node.height ?? 0;
    if (node.type === 'namespace') {
      const top = node.data.labels.length > 0 ? NAMESPACE_HEADER_WITH_LABELS : NAMESPACE_HEADER;
      const empty = !nodes.some((n) => n.parentId === node.id);
      const box = empty
        ? { x: right, y: nextRootY, width: EMPTY_NAMESPACE_WIDTH, height: top + EMPTY_NAMESPACE_BODY }
        : { x: right, y: nextRootY, width: 0, height: top + NAMESPACE_PADDING };
      boxes.set(node.id, box);
      if (empty) right += EMPTY_NAMESPACE_WIDTH + gap;
      continue;
    }
    if (node.parentId) {
      const parent = boxes.get(node.parentId);
      if (!parent) return undefined;
      const bottom = bottomOf(node.parentId);
      const top = Number.isFinite(bottom) ? bottom + gap : parent.height - NAMESPACE_PADDING;
      boxes.set(node.id, { x: NAMESPACE_PADDING, y: top, width, height });
      continue;
    }
    boxes.set(node.id, { x: right, y: nextRootY, width, height });
    right += width + gap;
  }
  return boxes;
}
