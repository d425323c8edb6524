/**
 * Flows painted on one <canvas> instead of one SVG element each (FlowLayer.tsx): what a painted
 * flow is, which flows of a drawing are painted, and the geometry the layer needs without the
 * DOM: bounding boxes for culling, arrow heads, and the flow under the pointer (hit testing).
 *
 * Above PAINT_FLOWS_ABOVE flows, thousands of SVG paths make every pan and zoom slow; painted,
 * they cost one canvas redraw per frame. Flows the user is looking at (selected, highlighted,
 * changed, drawn marks, or under the pointer) stay SVG edges: focusable, with their label and
 * tooltip, drawn over the painted ones.
 */
import type { Curve } from '../edges/geometry.ts';
import type { RoutedFlow } from '../edges/route.ts';
import type { FlowEdge } from '../types.ts';

/** Above this many flows in the drawing, the ordinary ones are painted on a canvas. */
export const PAINT_FLOWS_ABOVE = 400;

/** How a painted flow is stroked: the SVG edges' looks (FlowEdge.tsx), plus default-allow flows. */
export type PaintLook = 'allowed' | 'open' | 'denied' | 'half-open' | 'partial';

export interface PaintedFlow {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly curve: Curve;
  readonly look: PaintLook;
  /** Another element is selected and this flow is not part of it. */
  readonly dim: boolean;
  /** The label as routed (route.ts), or undefined when left out. */
  readonly label: string | undefined;
  readonly labelX: number;
  readonly labelY: number;
  /** Bounding box of the curve (its control polygon's): left, top, right, bottom. */
  readonly box: readonly [number, number, number, number];
}

/** A flow the user is looking at: drawn as an SVG edge even when the others are painted. */
export function staysSvg(edge: FlowEdge): boolean {
  const data = edge.data;
  const dom = edge.domAttributes as Readonly<Record<string, string>> | undefined;
  return Boolean(
    edge.selected ||
      data?.emphasis === 'highlight' ||
      data?.change ||
      data?.ghost ||
      data?.drawnDenied ||
      data?.undrawn ||
      // The user's own drawing (drawing-overlay.ts), checked or still being checked.
      dom?.['data-drawn'] === 'true',
  );
}

export function paintLook(edge: FlowEdge): PaintLook {
  const data = edge.data;
  if (data?.halfOpen) return 'half-open';
  if (data?.aggregate?.coverage === 'partial') return 'partial';
  if (data?.verdict === 'denied') return 'denied';
  return data?.open ? 'open' : 'allowed';
}

export function curveBox(curve: Curve): [number, number, number, number] {
  const xs = [curve[0], curve[2], curve[4], curve[6]];
  const ys = [curve[1], curve[3], curve[5], curve[7]];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * The painted flows of a drawing: every routed edge that does not stay an SVG edge (`svg`).
 * Flows unchanged since `previous` keep their object, and when none changed `previous` itself is
 * returned, so that the layer does not paint again (a drag re-routes only the dragged node's flows).
 */
export function paintedFlows(
  edges: readonly FlowEdge[],
  routes: ReadonlyMap<string, RoutedFlow>,
  svg: (edge: FlowEdge) => boolean,
  previous: readonly PaintedFlow[] = [],
): readonly PaintedFlow[] {
  const before = new Map(previous.map((f) => [f.id, f]));
  const flows: PaintedFlow[] = [];
  let reused = 0;
  for (const edge of edges) {
    const route = routes.get(edge.id);
    if (!route || edge.hidden || svg(edge)) continue;
    const look = paintLook(edge);
    const dim = edge.data?.emphasis === 'dim';
    const label = route.hideLabel ? undefined : route.label;
    const old = before.get(edge.id);
    if (old && old.curve === route.curve && old.look === look && old.dim === dim && old.label === label && old.labelX === route.labelX && old.labelY === route.labelY) {
      flows.push(old);
      reused++;
      continue;
    }
    const { curve, labelX, labelY } = route;
    flows.push({ id: edge.id, source: edge.source, target: edge.target, curve, look, dim, label, labelX, labelY, box: curveBox(curve) });
  }
  return reused === flows.length && flows.length === previous.length && flows.every((f, i) => f === previous[i]) ? previous : flows;
}

/** Whether a box (left, top, right, bottom) meets the view rectangle grown by `margin`. */
export function boxInView(box: readonly [number, number, number, number], view: ViewRect, margin = 0): boolean {
  return box[2] >= view.x - margin && box[0] <= view.x + view.width + margin && box[3] >= view.y - margin && box[1] <= view.y + view.height + margin;
}

export interface ViewRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The part of the drawing (in flow coordinates) a view of `width` × `height` pixels shows at React Flow's transform. */
export function viewRect(transform: readonly [number, number, number], width: number, height: number): ViewRect {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

function cubic(c: Curve, t: number): [number, number] {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return [a * c[0] + b * c[2] + d * c[4] + e * c[6], a * c[1] + b * c[3] + d * c[5] + e * c[7]];
}

/** The triangle of an arrow head of `size` at the curve's end, pointing along its last tangent. */
export function arrowHead(curve: Curve, size: number): [number, number, number, number, number, number] {
  const [ex, ey] = [curve[6], curve[7]];
  // The tangent at the end runs from the second control point (or, should they coincide, the first).
  let dx = ex - curve[4];
  let dy = ey - curve[5];
  if (Math.hypot(dx, dy) < 1e-6) [dx, dy] = [ex - curve[2], ey - curve[3]];
  if (Math.hypot(dx, dy) < 1e-6) [dx, dy] = [ex - curve[0], ey - curve[1]];
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const [bx, by] = [ex - ux * size, ey - uy * size];
  const half = size * 0.5;
  return [ex, ey, bx - uy * half, by + ux * half, bx + uy * half, by - ux * half];
}

const SAMPLES = 16;

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Distance from a point to the curve (sampled as a polyline of SAMPLES segments). */
export function distanceToCurve(curve: Curve, x: number, y: number): number {
  let best = Infinity;
  let [ax, ay] = [curve[0], curve[1]];
  for (let i = 1; i <= SAMPLES; i++) {
    const [bx, by] = cubic(curve, i / SAMPLES);
    best = Math.min(best, segmentDistance(x, y, ax, ay, bx, by));
    [ax, ay] = [bx, by];
  }
  return best;
}

/**
 * Painted flows bucketed on a grid by bounding box, to find the one under the pointer without
 * measuring every curve.
 */
export class FlowHitIndex {
  private readonly cells = new Map<number, PaintedFlow[]>();
  private static readonly CELL = 256;

  constructor(flows: readonly PaintedFlow[]) {
    const size = FlowHitIndex.CELL;
    for (const flow of flows) {
      // The cells the curve passes through (segment by segment), not its whole box: a long
      // diagonal flow's box covers hundreds of cells it never touches.
      const keys = new Set<number>();
      let [ax, ay] = [flow.curve[0], flow.curve[1]];
      for (let i = 1; i <= SAMPLES; i++) {
        const [bx, by] = cubic(flow.curve, i / SAMPLES);
        for (let cx = Math.floor(Math.min(ax, bx) / size); cx <= Math.floor(Math.max(ax, bx) / size); cx++) {
          for (let cy = Math.floor(Math.min(ay, by) / size); cy <= Math.floor(Math.max(ay, by) / size); cy++) keys.add(FlowHitIndex.key(cx, cy));
        }
        [ax, ay] = [bx, by];
      }
      for (const key of keys) {
        const list = this.cells.get(key);
        if (list) list.push(flow);
        else this.cells.set(key, [flow]);
      }
    }
  }

  private static key(cx: number, cy: number): number {
    // Cells of a drawing fit in ±2^20 each way.
    return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
  }

  /** The flow nearest to (x, y) within `tolerance` (flow units); undimmed flows win ties with dimmed ones. */
  nearest(x: number, y: number, tolerance: number): PaintedFlow | undefined {
    const size = FlowHitIndex.CELL;
    let best: { flow: PaintedFlow; score: number } | undefined;
    const seen = new Set<PaintedFlow>();
    for (let cx = Math.floor((x - tolerance) / size); cx <= Math.floor((x + tolerance) / size); cx++) {
      for (let cy = Math.floor((y - tolerance) / size); cy <= Math.floor((y + tolerance) / size); cy++) {
        for (const flow of this.cells.get(FlowHitIndex.key(cx, cy)) ?? []) {
          if (seen.has(flow)) continue;
          seen.add(flow);
          const [left, top, right, bottom] = flow.box;
          if (x < left - tolerance || x > right + tolerance || y < top - tolerance || y > bottom + tolerance) continue;
          const distance = distanceToCurve(flow.curve, x, y);
          if (distance > tolerance) continue;
          const score = distance + (flow.dim ? tolerance : 0);
          if (!best || score < best.score) best = { flow, score };
        }
      }
    }
    return best?.flow;
  }
}
