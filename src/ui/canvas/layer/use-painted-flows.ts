/**
 * The canvas's side of painted flows (painted-flows.ts): whether the drawing has enough flows to
 * paint them, which are painted and which stay SVG edges, and the painted flow under the pointer
 * (for clicks on the pane and the hover that turns a painted flow into an SVG edge).
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { RoutedFlow } from '../edges/route.ts';
import { CARD_Z } from '../sizes.ts';
import type { CanvasNode, FlowEdge } from '../types.ts';
import { FlowHitIndex, PAINT_FLOWS_ABOVE, paintedFlows, staysSvg, type PaintedFlow } from './painted-flows.ts';

/**
 * An edge between two top-level cards (no workload end) would sit at level 0, under the layer:
 * it goes to the cards' level (an edge with a workload end is there already, React Flow lifts it).
 */
function overLayer(edge: FlowEdge): FlowEdge {
  const topLevel = (id: string) => id.startsWith('ext:') || id.startsWith('ns:');
  return topLevel(edge.source) && topLevel(edge.target) ? { ...edge, zIndex: CARD_Z } : edge;
}

/** Within this many screen pixels of a painted flow, the pointer is on it. */
const HIT_TOLERANCE = 6;

export interface PaintedFlowsView {
  readonly painting: boolean;
  readonly painted: readonly PaintedFlow[];
  /** What React Flow draws: every edge, or (painting) only those that stay SVG (over the layer, under the cards). */
  readonly svgEdges: FlowEdge[];
  readonly hovered: string | undefined;
  setHovered(id: string | undefined): void;
  /** The painted flow under a point of the screen, if any. */
  paintedAt(clientX: number, clientY: number): PaintedFlow | undefined;
}

export function usePaintedFlows(nodes: readonly CanvasNode[], edges: FlowEdge[], routes: ReadonlyMap<string, RoutedFlow>): PaintedFlowsView {
  const painting = edges.length > PAINT_FLOWS_ABOVE;
  // A dragged node's flows follow it as SVG edges (the painted ones stay as they are until the
  // drop); a selected node's flows are SVG edges too, with their labels.
  const heldKey = nodes
    .filter((n) => n.dragging || n.selected)
    .map((n) => n.id)
    .join('\n');
  const held = useMemo(() => new Set(heldKey === '' ? [] : heldKey.split('\n')), [heldKey]);
  const svgFlow = useCallback((e: FlowEdge) => staysSvg(e) || held.has(e.source) || held.has(e.target), [held]);
  const last = useRef<readonly PaintedFlow[]>([]);
  const painted = useMemo(() => {
    last.current = painting ? paintedFlows(edges, routes, svgFlow, last.current) : [];
    return last.current;
  }, [painting, edges, routes, svgFlow]);
  const hitIndex = useMemo(() => {
    let index: FlowHitIndex | undefined;
    return () => (index ??= new FlowHitIndex(painted));
  }, [painted]);
  const [hovered, setHovered] = useState<string | undefined>(undefined);
  const svgEdges = useMemo(
    () =>
      painting
        ? edges.flatMap((e) => (e.id === hovered && e.data ? [overLayer({ ...e, data: { ...e.data, hovered: true } })] : svgFlow(e) ? [overLayer(e)] : []))
        : edges,
    [painting, edges, hovered, svgFlow],
  );
  const flowStore = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const paintedAt = useCallback(
    (clientX: number, clientY: number) => {
      if (!painting) return undefined;
      const point = screenToFlowPosition({ x: clientX, y: clientY });
      return hitIndex().nearest(point.x, point.y, HIT_TOLERANCE / flowStore.getState().transform[2]);
    },
    [painting, screenToFlowPosition, hitIndex, flowStore],
  );
  return { painting, painted, svgEdges, hovered, setHovered, paintedAt };
}
