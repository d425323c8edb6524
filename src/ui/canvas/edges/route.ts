/**
 * Routes every drawn flow at once, so that labels can avoid each other and the nodes: each label
 * tries a few points along its curve and takes the first where it covers no node and no label
 * placed before it (or the least covered one). Pure, computed from node positions and sizes.
 * Nodes and labels are kept in a grid index, so a label's search costs what lies near it.
 * Above ROUTE_LABELS_LIMIT flows (a very large drawing) labels simply sit in the middle of their
 * curve: placing thousands of them buys nothing a reader could use.
 */
import type { CanvasNode, FlowEdge } from '../types.ts';
import { flowGeometry, type FlowGeometry, type Rect } from './geometry.ts';

/** Offset of each direction of a two-way pair. */
const TWO_WAY_OFFSET = 8;
/** Points along the curve a label may sit at, best first. */
const LABEL_SPOTS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88];
const TWO_WAY_SPOTS = [0.38, 0.3, 0.46, 0.22, 0.54, 0.14, 0.62];
const CHAR_WIDTH = 6.6;
/** Half-open labels are bold. */
const BOLD_CHAR_WIDTH = 7.3;
const LABEL_PADDING = 14;
const LABEL_HEIGHT = 18;
const MARGIN = 2;
/** Above this many visible flows, labels are not moved out of each other's way. */
export const ROUTE_LABELS_LIMIT = 400;

export interface RoutedFlow extends FlowGeometry {
  /** The label as drawn: the full one, or the compact one where the full one found no room. */
  readonly label: string;
  /** True when no free spot was found and the label overlaps something. */
  readonly crowded: boolean;
  /** The label is left out: a default-allow flow's label with no free spot (the line says enough). */
  readonly hideLabel: boolean;
}

/** Absolute rectangles of the visible nodes (children are placed relative to their parent). */
export function absoluteRects(nodes: readonly CanvasNode[]): Map<string, Rect> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rects = new Map<string, Rect>();
  for (const node of nodes) {
    if (node.hidden) continue;
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    const x = node.position.x + (parent?.position.x ?? 0);
    const y = node.position.y + (parent?.position.y ?? 0);
    // The size the node was given (sizes.ts, the layout) before React Flow's measure of it, as useRoutes keys on.
    const width = node.width ?? node.measured?.width ?? 0;
    const height = node.height ?? node.measured?.height ?? 0;
    rects.set(node.id, { x, y, width, height });
  }
  return rects;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function labelWidth(text: string, bold = false): number {
  return [...text].length * (bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH) + LABEL_PADDING;
}

/**
 * `scale`: how much larger than their CSS size labels are drawn (FlowCanvas enlarges them when
 * zoomed out so that they stay legible).
 */
export function routeFlows(nodes: readonly CanvasNode[], edges: readonly FlowEdge[], scale = 1): Map<string, RoutedFlow> {
  const rects = absoluteRects(nodes);
  const bounds = boundsOf([...rects.values()]);
  const taken = new RectIndex();
  for (const node of nodes) {
    const rect = rects.get(node.id);
    if (rect && node.type !== 'namespace') taken.add(rect);
  }
  const routes = new Map<string, RoutedFlow>();
  const visible = edges.filter((e) => !e.hidden && rects.has(e.source) && rects.has(e.target));
  if (visible.length > ROUTE_LABELS_LIMIT) return routeQuickly(visible, rects, routes);
  // Half-open and selected flows choose their label spot first: they matter most.
  const order = visible.sort((a, b) => rank(a) - rank(b));
  for (const edge of order) {
    const from = rects.get(edge.source);
    const to = rects.get(edge.target);
    if (!from || !to) continue;
    const twoWay = edge.data?.twoWay ?? false;
    const findSpot = (text: string) => {
      const width = labelWidth(text, edge.data?.halfOpen) * scale;
      const height = LABEL_HEIGHT * scale;
      let best: { geometry: FlowGeometry; box: Rect; cost: number } | undefined;
      // On the line first; failing that, just beside it (still read as its label).
      const spots = twoWay ? TWO_WAY_SPOTS : LABEL_SPOTS;
      for (const dx of [0, width / 2 + 6, -(width / 2 + 6)]) {
        for (const at of spots) {
          const onLine = flowGeometry(from, to, twoWay ? TWO_WAY_OFFSET : 0, at);
          const geometry = keepInside({ ...onLine, labelX: onLine.labelX + dx }, width, bounds);
          const box = {
            x: geometry.labelX - width / 2 - MARGIN,
            y: geometry.labelY - height / 2 - MARGIN,
            width: width + 2 * MARGIN,
            height: height + 2 * MARGIN,
          };
          // A label beside its line costs a little, so that one on the line wins a tie.
          const cost = taken.overlap(box) + (dx === 0 ? 0 : 1);
          if (!best || cost < best.cost) best = { geometry, box, cost };
          if (cost <= 1) return best;
        }
      }
      return best;
    };
    const full = edge.data?.label ?? '';
    const compact = edge.data?.compactLabel ?? full;
    let label = full;
    let best = findSpot(full);
    // No room for the words: the mark alone (the tooltip and the inspector say the rest).
    if (best && best.cost > 1 && compact !== full && !edge.selected) {
      label = compact;
      best = findSpot(compact);
    }
    if (!best) continue;
    const crowded = best.cost > 1;
    const hideLabel = crowded && Boolean(edge.data?.open) && !edge.selected;
    if (!hideLabel) taken.add(best.box);
    routes.set(edge.id, { ...best.geometry, label, crowded, hideLabel });
  }
  return routes;
}

/** Every label in the middle of its curve (see ROUTE_LABELS_LIMIT); default-allow flows' labels left out. */
function routeQuickly(edges: readonly FlowEdge[], rects: ReadonlyMap<string, Rect>, routes: Map<string, RoutedFlow>): Map<string, RoutedFlow> {
  for (const edge of edges) routes.set(edge.id, routeOneQuickly(edge, rects.get(edge.source)!, rects.get(edge.target)!));
  return routes;
}

function routeOneQuickly(edge: FlowEdge, from: Rect, to: Rect): RoutedFlow {
  const twoWay = edge.data?.twoWay ?? false;
  const geometry = flowGeometry(from, to, twoWay ? TWO_WAY_OFFSET : 0, twoWay ? TWO_WAY_SPOTS[0] : 0.5);
  const label = edge.selected ? (edge.data?.label ?? '') : (edge.data?.compactLabel ?? edge.data?.label ?? '');
  return { ...geometry, label, crowded: false, hideLabel: Boolean(edge.data?.open) && !edge.selected };
}

/**
 * The routes after a few nodes moved (a drag), for a drawing routed quickly (over
 * ROUTE_LABELS_LIMIT flows): only the flows of nodes whose rectangle changed are routed again,
 * every other route is kept (same object). Undefined when the drawing must be routed afresh.
 */
export function rerouteMoved(
  previous: ReadonlyMap<string, RoutedFlow>,
  before: ReadonlyMap<string, Rect>,
  nodes: readonly CanvasNode[],
  edges: readonly FlowEdge[],
): Map<string, RoutedFlow> | undefined {
  const rects = absoluteRects(nodes);
  const visible = edges.filter((e) => !e.hidden && rects.has(e.source) && rects.has(e.target));
  if (visible.length <= ROUTE_LABELS_LIMIT || rects.size !== before.size) return undefined;
  const moved = new Set<string>();
  for (const [id, rect] of rects) {
    const old = before.get(id);
    if (!old) return undefined;
    if (old.x !== rect.x || old.y !== rect.y || old.width !== rect.width || old.height !== rect.height) moved.add(id);
  }
  const routes = new Map<string, RoutedFlow>();
  for (const edge of visible) {
    const kept = moved.has(edge.source) || moved.has(edge.target) ? undefined : previous.get(edge.id);
    routes.set(edge.id, kept ?? routeOneQuickly(edge, rects.get(edge.source)!, rects.get(edge.target)!));
  }
  return routes;
}

/** Rectangles bucketed on a coarse grid, to ask quickly how much of a box they cover. */
class RectIndex {
  private readonly cells = new Map<string, Rect[]>();
  private static readonly CELL = 160;

  private keys(rect: Rect): string[] {
    const size = RectIndex.CELL;
    const keys: string[] = [];
    for (let x = Math.floor(rect.x / size); x <= Math.floor((rect.x + rect.width) / size); x++) {
      for (let y = Math.floor(rect.y / size); y <= Math.floor((rect.y + rect.height) / size); y++) keys.push(`${x},${y}`);
    }
    return keys;
  }

  add(rect: Rect): void {
    for (const key of this.keys(rect)) {
      const list = this.cells.get(key);
      if (list) list.push(rect);
      else this.cells.set(key, [rect]);
    }
  }

  overlap(box: Rect): number {
    const seen = new Set<Rect>();
    let sum = 0;
    for (const key of this.keys(box)) {
      for (const rect of this.cells.get(key) ?? []) {
        if (seen.has(rect)) continue;
        seen.add(rect);
        sum += overlapArea(box, rect);
      }
    }
    return sum;
  }
}

function boundsOf(rects: readonly Rect[]): { left: number; right: number } {
  if (rects.length === 0) return { left: -Infinity, right: Infinity };
  return { left: Math.min(...rects.map((r) => r.x)), right: Math.max(...rects.map((r) => r.x + r.width)) };
}

/** Moves a label sideways so that it does not stick out of the drawing (fit view would cut it). */
function keepInside(geometry: FlowGeometry, width: number, bounds: { left: number; right: number }): FlowGeometry {
  if (width >= bounds.right - bounds.left) return geometry;
  const labelX = Math.min(Math.max(geometry.labelX, bounds.left + width / 2), bounds.right - width / 2);
  return labelX === geometry.labelX ? geometry : { ...geometry, labelX };
}

function rank(edge: FlowEdge): number {
  if (edge.selected) return 0;
  if (edge.data?.halfOpen) return 1;
  if (edge.data?.verdict === 'allowed') return 2;
  return 3;
}
