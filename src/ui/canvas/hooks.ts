/** The canvas's stateful pieces: asynchronous layout, dragged positions, stable edge objects, routes. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { absoluteRects, rerouteMoved, routeFlows, type RoutedFlow } from './edges/route.ts';
import type { Rect } from './edges/geometry.ts';
import { extendLayout, gridLayout, layoutCanvas, layoutKey, type Layout } from './layout.ts';
import type { Positions } from './place.ts';
import type { CanvasGraph, CanvasNode, FlowEdge } from './types.ts';

export interface LayoutState {
  /** The node set the layout was computed for. */
  readonly key: string;
  readonly layout: Layout;
}

/**
 * Lays the graph out whenever its SET of nodes changes (never merely because flows or data
 * changed). A few new nodes are fitted into the current drawing (extendLayout) rather than
 * reshuffling it; a new `epoch` (another workspace, or the user asking) lays everything out
 * afresh. While a new layout is computed the previous one stays on screen.
 */
export function useAutoLayout(
  graph: CanvasGraph,
  viewAspect: () => number,
  epoch: string,
): { readonly current: LayoutState | undefined; readonly key: string } {
  const key = useMemo(() => `${epoch}\n${layoutKey(graph.nodes)}`, [graph.nodes, epoch]);
  const [current, setCurrent] = useState<(LayoutState & { readonly epoch: string }) | undefined>(undefined);
  const latest = useRef({ graph, viewAspect, current });
  useEffect(() => {
    latest.current = { graph, viewAspect, current };
  }, [graph, viewAspect, current]);
  useEffect(() => {
    let cancelled = false;
    const { nodes, edges } = latest.current.graph;
    if (nodes.length === 0) {
      setCurrent({ key, epoch, layout: new Map() });
      return undefined;
    }
    const previous = latest.current.current;
    const extended = previous && previous.epoch === epoch && previous.layout.size > 0 ? extendLayout(previous.layout, nodes) : undefined;
    if (extended) {
      setCurrent({ key, epoch, layout: extended });
      return undefined;
    }
    layoutCanvas(nodes, edges, latest.current.viewAspect()).then(
      (layout) => {
        if (!cancelled) setCurrent({ key, epoch, layout });
      },
      (error: unknown) => {
        console.error('canvas layout failed; falling back to a grid', error);
        if (!cancelled) setCurrent({ key, epoch, layout: gridLayout(nodes) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key]);
  return { current, key };
}

/**
 * The positions the user dragged nodes to, from the store, ignoring those dragged before the
 * last new `epoch` (a fresh layout asked for starts from the automatic layout). A loaded
 * workspace starts with no positions, so only positions it brings (undo, a share link) apply.
 */
export function useDraggedPositions(positions: Positions, epoch: string): Positions {
  // Positions present at first mount (restored by autosave) apply; at a later epoch change they are from before it.
  const [atLoad, setAtLoad] = useState(() => ({ epoch, positions: {} as Positions }));
  // Derived state: React re-renders at once with the new baseline.
  if (atLoad.epoch !== epoch) setAtLoad({ epoch, positions });
  const baseline = atLoad.epoch === epoch ? atLoad.positions : positions;
  return useMemo(() => {
    const fresh: Record<string, { x: number; y: number }> = {};
    for (const [id, position] of Object.entries(positions)) if (baseline[id] !== position) fresh[id] = position;
    return fresh;
  }, [positions, baseline]);
}

/** Keeps the previous edge object for each edge whose description did not change. */
export function useStableEdges(edges: readonly FlowEdge[]): FlowEdge[] {
  const previous = useRef(new Map<string, { key: string; edge: FlowEdge }>());
  return useMemo(() => {
    const next = new Map<string, { key: string; edge: FlowEdge }>();
    const result = edges.map((edge) => {
      const key = JSON.stringify(edge);
      const old = previous.current.get(edge.id);
      const kept = old && old.key === key ? old.edge : edge;
      next.set(edge.id, { key, edge: kept });
      return kept;
    });
    previous.current = next;
    return result;
  }, [edges]);
}

/** Where the nodes are and how large: all that routing depends on (not selection or React Flow's bookkeeping). */
function geometryKey(nodes: readonly CanvasNode[]): string {
  let key = '';
  for (const n of nodes) {
    key += `${n.id}|${n.parentId ?? ''}|${n.hidden ? 1 : 0}|${n.position.x},${n.position.y}|${n.width ?? n.measured?.width},${n.height ?? n.measured?.height}\n`;
  }
  return key;
}

interface Routed {
  readonly key: string;
  readonly edges: readonly FlowEdge[];
  readonly labelScale: number;
  readonly rects: ReadonlyMap<string, Rect>;
  readonly routes: ReadonlyMap<string, RoutedFlow>;
}

/**
 * The routed flows (route.ts), routed again only when the nodes' geometry, the flows or the label
 * scale change: React Flow replaces node objects whenever it measures or selects them. While a
 * node is dragged in a large drawing, only its own flows are routed again (rerouteMoved).
 */
export function useRoutes(nodes: readonly CanvasNode[], edges: readonly FlowEdge[], labelScale: number): ReadonlyMap<string, RoutedFlow> {
  const last = useRef<Routed | undefined>(undefined);
  const key = geometryKey(nodes);
  return useMemo(() => {
    const previous = last.current;
    if (previous && previous.key === key && previous.edges === edges && previous.labelScale === labelScale) return previous.routes;
    const sameFlows = previous !== undefined && previous.edges === edges && previous.labelScale === labelScale;
    const moved = sameFlows ? rerouteMoved(previous.routes, previous.rects, nodes, edges) : undefined;
    const routes = moved ?? routeFlows(nodes, edges, labelScale);
    last.current = { key, edges, labelScale, rects: absoluteRects(nodes), routes };
    return routes;
    // Keyed on the geometry, not on the node objects (see above).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, edges, labelScale]);
}
