/**
 * What the painted layer is given to paint, and when it must paint again: paintedFlows keeps the
 * previous array (and each unchanged flow object) so that the layer does not repaint thousands of
 * flows, and rerouteMoved re-routes only a dragged node's flows in a large drawing.
 */
import { describe, expect, it } from 'vitest';
import { ROUTE_LABELS_LIMIT, absoluteRects, rerouteMoved, routeFlows, type RoutedFlow } from '../../../src/ui/canvas/edges/route.ts';
import { curveBox, paintedFlows, staysSvg, type PaintedFlow } from '../../../src/ui/canvas/layer/painted-flows.ts';
import type { CanvasNode, ExternalNode, FlowEdge, FlowEdgeData } from '../../../src/ui/canvas/types.ts';

function flowEdge(source: string, target: string, data: Partial<FlowEdgeData> = {}, extra: Partial<FlowEdge> = {}): FlowEdge {
  return {
    id: `${source}->${target}`,
    source,
    target,
    type: 'flow',
    data: { verdict: 'allowed', halfOpen: false, label: 'TCP 80', compactLabel: '80', title: '', open: false, twoWay: false, emphasis: undefined, ...data },
    ...extra,
  };
}

/** A node of the drawing (an external address set: the simplest node to build), 100 × 40. */
function boxNode(id: string, x: number, y: number, extra: Partial<ExternalNode> = {}): ExternalNode {
  return {
    id,
    type: 'external',
    position: { x, y },
    width: 100,
    height: 40,
    data: { label: id, sampleIp: '10.0.0.1', familyText: 'IPv4', emphasis: undefined },
    ...extra,
  };
}

/** `count` nodes on a grid. */
function grid(count: number): ExternalNode[] {
  return Array.from({ length: count }, (_, i) => boxNode(`n${i}`, (i % 6) * 220, Math.floor(i / 6) * 160));
}

/** Flows between the nodes, every ordered pair, up to `count`. */
function pairs(nodes: readonly CanvasNode[], count: number): FlowEdge[] {
  const edges: FlowEdge[] = [];
  for (const a of nodes) for (const b of nodes) if (a !== b && edges.length < count) edges.push(flowEdge(a.id, b.id));
  return edges;
}

function movedNode(nodes: readonly ExternalNode[], id: string, dx: number, dy: number): ExternalNode[] {
  return nodes.map((n) => (n.id === id ? { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } } : n));
}

describe('paintedFlows', () => {
  const nodes = grid(4);
  const edges = [flowEdge('n0', 'n1'), flowEdge('n1', 'n2', { verdict: 'denied' }), flowEdge('n2', 'n3', { open: true }), flowEdge('n3', 'n0', { emphasis: 'dim' })];
  const routes = routeFlows(nodes, edges);

  it('paints every routed flow that does not stay an SVG edge, in the order of the edges', () => {
    const flows = paintedFlows(edges, routes, staysSvg);
    expect(flows.map((f) => f.id)).toEqual(edges.map((e) => e.id));
    const denied = flows[1]!;
    expect(denied).toMatchObject({ source: 'n1', target: 'n2', look: 'denied', dim: false });
    expect(denied.curve).toBe(routes.get('n1->n2')!.curve);
    expect(denied.box).toEqual(curveBox(denied.curve));
    expect([denied.labelX, denied.labelY]).toEqual([routes.get('n1->n2')!.labelX, routes.get('n1->n2')!.labelY]);
    expect(flows[2]!.look).toBe('open');
    expect(flows[3]!.dim).toBe(true);
  });

  it('leaves out SVG flows, hidden flows and flows without a route', () => {
    const selected = flowEdge('n0', 'n1', {}, { selected: true });
    const highlighted = flowEdge('n1', 'n2', { emphasis: 'highlight' });
    const hidden = flowEdge('n2', 'n3', {}, { hidden: true });
    const unrouted = flowEdge('n3', 'elsewhere');
    const flows = paintedFlows([selected, highlighted, hidden, unrouted, edges[3]!], routes, staysSvg);
    expect(flows.map((f) => f.id)).toEqual(['n3->n0']);
    // The predicate decides: here, flows of a dragged node stay SVG.
    const dragging = (e: FlowEdge) => staysSvg(e) || e.source === 'n0' || e.target === 'n0';
    expect(paintedFlows(edges, routes, dragging).map((f) => f.id)).toEqual(['n1->n2', 'n2->n3']);
  });

  it('leaves out a label the routing left out (hideLabel), and keeps the routed one otherwise', () => {
    const route = routes.get('n0->n1')!;
    const hiddenLabel = new Map(routes).set('n0->n1', { ...route, hideLabel: true });
    expect(paintedFlows(edges, hiddenLabel, staysSvg)[0]!.label).toBeUndefined();
    expect(paintedFlows(edges, routes, staysSvg)[0]!.label).toBe(route.label);
  });

  it('returns the previous array when nothing it paints changed, even with new edge objects', () => {
    const first = paintedFlows(edges, routes, staysSvg);
    expect(paintedFlows(edges, routes, staysSvg, first)).toBe(first);
    const copies = edges.map((e) => ({ ...e, data: { ...e.data! } }));
    expect(paintedFlows(copies, new Map(routes), staysSvg, first)).toBe(first);
    // A change only SVG edges show (the title) does not repaint either.
    const retitled = copies.map((e) => ({ ...e, data: { ...e.data!, title: 'another tooltip' } }));
    expect(paintedFlows(retitled, routes, staysSvg, first)).toBe(first);
  });

  it('makes a new array when a route changed, keeping the other flows’ objects', () => {
    const first = paintedFlows(edges, routes, staysSvg);
    const moved = routeFlows(movedNode(nodes, 'n3', 0, 300), edges);
    const rerouted = new Map(routes).set('n2->n3', moved.get('n2->n3')!);
    const next = paintedFlows(edges, rerouted, staysSvg, first);
    expect(next).not.toBe(first);
    expect(next.map((f) => f.id)).toEqual(first.map((f) => f.id));
    expect(next[2]).not.toBe(first[2]);
    expect(next[2]!.curve).toBe(moved.get('n2->n3')!.curve);
    expect(next[2]!.box).toEqual(curveBox(moved.get('n2->n3')!.curve));
    for (const i of [0, 1, 3]) expect(next[i]).toBe(first[i]);
    // The curve alone moved (the label stayed): still painted again.
    const route = routes.get('n0->n1')!;
    const bent = new Map(routes).set('n0->n1', { ...route, curve: [...route.curve] as unknown as typeof route.curve });
    expect(paintedFlows(edges, bent, staysSvg, first)[0]).not.toBe(first[0]);
  });

  it('makes a new flow when its look, dimming or label changed', () => {
    const first = paintedFlows(edges, routes, staysSvg);
    const changes: [number, Partial<FlowEdgeData>][] = [
      [0, { verdict: 'denied' }],
      [0, { emphasis: 'dim' }],
      [3, { emphasis: undefined }],
      [1, { halfOpen: true }],
    ];
    for (const [i, data] of changes) {
      const changed = edges.map((e, j) => (j === i ? { ...e, data: { ...e.data!, ...data } } : e));
      const next = paintedFlows(changed, routes, staysSvg, first);
      expect(next).not.toBe(first);
      expect(next[i]).not.toBe(first[i]);
      expect(next.filter((f, j) => f === first[j])).toHaveLength(edges.length - 1);
    }
    const relabelled = new Map(routes).set('n0->n1', { ...routes.get('n0->n1')!, label: '80' });
    expect(paintedFlows(edges, relabelled, staysSvg, first)[0]).not.toBe(first[0]);
    const route = routes.get('n0->n1')!;
    for (const moved of [{ labelX: route.labelX + 5 }, { labelY: route.labelY - 5 }]) {
      expect(paintedFlows(edges, new Map(routes).set('n0->n1', { ...route, ...moved }), staysSvg, first)[0]).not.toBe(first[0]);
    }
  });

  it('makes a new array when a flow leaves the painted ones (selected), or comes back', () => {
    const first = paintedFlows(edges, routes, staysSvg);
    const selected = edges.map((e, i) => (i === 1 ? { ...e, selected: true } : e));
    const without = paintedFlows(selected, routes, staysSvg, first);
    expect(without.map((f) => f.id)).toEqual(['n0->n1', 'n2->n3', 'n3->n0']);
    expect(without).toEqual([first[0], first[2], first[3]]);
    expect(without[0]).toBe(first[0]);
    const back = paintedFlows(edges, routes, staysSvg, without);
    expect(back).not.toBe(without);
    expect(back.map((f) => f.id)).toEqual(edges.map((e) => e.id));
    expect(paintedFlows([], routes, staysSvg, first)).toEqual([]);
  });
});

describe('rerouteMoved', () => {
  // 30 nodes, 500 flows: a drawing routed quickly (over ROUTE_LABELS_LIMIT flows).
  const nodes = grid(30);
  const edges = pairs(nodes, 500);
  const before = absoluteRects(nodes);
  const routes: ReadonlyMap<string, RoutedFlow> = routeFlows(nodes, edges);

  it('routes again only the flows of the node that moved, as routing afresh would', () => {
    const after = movedNode(nodes, 'n7', 35, -20);
    const rerouted = rerouteMoved(routes, before, after, edges)!;
    const fresh = routeFlows(after, edges);
    expect([...rerouted.keys()].sort()).toEqual([...routes.keys()].sort());
    let moved = 0;
    for (const edge of edges) {
      const route = rerouted.get(edge.id);
      if (edge.source === 'n7' || edge.target === 'n7') {
        moved++;
        expect(route).not.toBe(routes.get(edge.id));
        expect(route).toEqual(fresh.get(edge.id));
        expect(route!.curve).not.toEqual(routes.get(edge.id)!.curve);
      } else {
        expect(route).toBe(routes.get(edge.id));
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it('keeps every route when nothing moved', () => {
    const copies = nodes.map((n) => ({ ...n, position: { ...n.position } }));
    const rerouted = rerouteMoved(routes, before, copies, edges)!;
    for (const edge of edges) expect(rerouted.get(edge.id)).toBe(routes.get(edge.id));
  });

  it('counts a resized node, and the children of a moved namespace, as moved', () => {
    const resized = nodes.map((n) => (n.id === 'n2' ? { ...n, width: 140 } : n));
    const afterResize = rerouteMoved(routes, before, resized, edges)!;
    const touches = (e: FlowEdge, id: string) => e.source === id || e.target === id;
    for (const edge of edges) expect(afterResize.get(edge.id) === routes.get(edge.id)).toBe(!touches(edge, 'n2'));

    // n0 and n1 placed inside a group: moving the group moves them, and only them.
    const group = boxNode('group', 0, 0, { width: 400, height: 100 });
    const nested = [group, ...nodes.map((n) => (n.id === 'n0' || n.id === 'n1' ? { ...n, parentId: 'group' } : n))];
    const nestedRoutes = routeFlows(nested, edges);
    const movedGroup = nested.map((n) => (n.id === 'group' ? { ...n, position: { x: 0, y: 500 } } : n));
    const rerouted = rerouteMoved(nestedRoutes, absoluteRects(nested), movedGroup, edges)!;
    for (const edge of edges) {
      expect(rerouted.get(edge.id) === nestedRoutes.get(edge.id)).toBe(!touches(edge, 'n0') && !touches(edge, 'n1'));
    }
  });

  it('is undefined at or below ROUTE_LABELS_LIMIT flows: small drawings are routed afresh (labels avoid each other)', () => {
    const few = pairs(nodes, ROUTE_LABELS_LIMIT);
    const after = movedNode(nodes, 'n7', 35, -20);
    expect(rerouteMoved(routeFlows(nodes, few), before, after, few)).toBeUndefined();
    const justOver = pairs(nodes, ROUTE_LABELS_LIMIT + 1);
    expect(rerouteMoved(routeFlows(nodes, justOver), before, after, justOver)).toBeDefined();
    // Hidden flows do not count.
    const hiddenOne = justOver.map((e, i) => (i === 0 ? { ...e, hidden: true } : e));
    expect(rerouteMoved(routeFlows(nodes, hiddenOne), before, after, hiddenOne)).toBeUndefined();
  });

  it('is undefined when the set of nodes changed', () => {
    const added = [...nodes, boxNode('n30', 2000, 2000)];
    expect(rerouteMoved(routes, before, added, edges)).toBeUndefined();
    const removed = nodes.slice(0, -1);
    expect(rerouteMoved(routes, before, removed, pairs(removed, 500))).toBeUndefined();
    const replaced = nodes.map((n) => (n.id === 'n29' ? { ...n, id: 'other' } : n));
    expect(rerouteMoved(routes, before, replaced, edges)).toBeUndefined();
    const hidden = nodes.map((n) => (n.id === 'n29' ? { ...n, hidden: true } : n));
    expect(rerouteMoved(routes, before, hidden, edges)).toBeUndefined();
  });
});
