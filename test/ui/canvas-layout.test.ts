import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests } from '../../src/core/index.ts';
import { flowGeometry } from '../../src/ui/canvas/edges/geometry.ts';
import { absoluteRects, routeFlows } from '../../src/ui/canvas/edges/route.ts';
import { buildCanvasGraph } from '../../src/ui/canvas/graph.ts';
import type { CanvasNode } from '../../src/ui/canvas/types.ts';
import { extendLayout, gridLayout, layoutCanvas, layoutKey, type NodeBox } from '../../src/ui/canvas/layout.ts';
import { mergeNodes, placeNodes } from '../../src/ui/canvas/place.ts';
import { packChips } from '../../src/ui/canvas/sizes.ts';
import type { CanvasGraph } from '../../src/ui/canvas/types.ts';
import { loadScenario } from '../helpers/scenarios.ts';

function demoGraph(): CanvasGraph {
  const { model } = importManifests(loadScenario('seed-all').manifests);
  const evaluator = createEvaluator(model);
  return buildCanvasGraph({ model, evaluator }, evaluator.matrix({ granularity: 'workload' }), {
    showAllDenied: false,
    selection: null,
  });
}

function overlaps(a: NodeBox, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutCanvas', () => {
  it('places every node, workloads inside their namespace, nothing overlapping', async () => {
    const graph = demoGraph();
    const layout = await layoutCanvas(graph.nodes, graph.edges);
    for (const node of graph.nodes) expect(layout.has(node.id), node.id).toBe(true);
    const group = layout.get('ns:default')!;
    const pods = graph.nodes.filter((n) => n.type === 'workload').map((n) => layout.get(n.id)!);
    for (const pod of pods) {
      // Relative to the group.
      expect(pod.x).toBeGreaterThanOrEqual(0);
      expect(pod.y).toBeGreaterThan(0);
      expect(pod.x + pod.width).toBeLessThanOrEqual(group.width);
      expect(pod.y + pod.height).toBeLessThanOrEqual(group.height);
    }
    pods.forEach((a, i) => pods.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    expect(overlaps(layout.get('ext:8.8.8.8/32')!, group)).toBe(false);
  });

  it('keys the layout on the set of node ids only', () => {
    const graph = demoGraph();
    expect(layoutKey([...graph.nodes].reverse())).toBe(layoutKey(graph.nodes));
    expect(layoutKey(graph.nodes.slice(1))).not.toBe(layoutKey(graph.nodes));
  });
});

describe('placeNodes', () => {
  it('uses dragged positions over the layout and grows the group around them', async () => {
    const graph = demoGraph();
    const layout = await layoutCanvas(graph.nodes, graph.edges);
    const group = layout.get('ns:default')!;
    const placed = placeNodes(graph.nodes, layout, { 'default/api': { x: group.width + 100, y: 40 } });
    const api = placed.find((n) => n.id === 'default/api')!;
    expect(api.position).toEqual({ x: group.width + 100, y: 40 });
    const ns = placed.find((n) => n.id === 'ns:default')!;
    expect(ns.width).toBeGreaterThanOrEqual(group.width + 100 + (api.width ?? 0));
    const db = placed.find((n) => n.id === 'default/db')!;
    expect(db.position).toEqual({ x: layout.get('default/db')!.x, y: layout.get('default/db')!.y });
  });

  it('hides nodes the layout has not placed yet', () => {
    const graph = demoGraph();
    expect(placeNodes(graph.nodes, undefined, {}).every((n) => n.hidden)).toBe(true);
  });

  it('keeps the same object for a node whose description did not change', async () => {
    const graph = demoGraph();
    const layout = await layoutCanvas(graph.nodes, graph.edges);
    const first = placeNodes(graph.nodes, layout, {});
    const measured = first.map((n) => ({ ...n, measured: { width: n.width ?? 1, height: n.height ?? 1 } }));
    const again = mergeNodes(measured, placeNodes(demoGraph().nodes, layout, {}));
    again.forEach((node, i) => expect(node).toBe(measured[i]));
    const moved = mergeNodes(measured, placeNodes(graph.nodes, layout, { 'default/db': { x: 1, y: 2 } }));
    const db = moved.find((n) => n.id === 'default/db')!;
    expect(db.position).toEqual({ x: 1, y: 2 });
    expect(db.measured).toBeDefined();
  });
});

describe('flow geometry', () => {
  const a = { x: 0, y: 0, width: 100, height: 50 };
  const b = { x: 0, y: 200, width: 100, height: 50 };

  it('runs from the border of the source to the border of the target', () => {
    const { path, labelX, labelY } = flowGeometry(a, b);
    expect(path.startsWith('M 50,50 C')).toBe(true);
    expect(path.endsWith('50,200')).toBe(true);
    expect(labelX).toBeCloseTo(50);
    expect(labelY).toBeCloseTo(125);
  });

  it('draws the two directions of a pair apart', () => {
    const down = flowGeometry(a, b, 8);
    const up = flowGeometry(b, a, 8);
    expect(down.path).not.toBe(up.path);
    expect(down.labelX).not.toBeCloseTo(up.labelX);
  });

  it('routes the demo with labels clear of each other where there is room', async () => {
    const graph = demoGraph();
    const layout = await layoutCanvas(graph.nodes, graph.edges);
    const nodes = placeNodes(graph.nodes, layout, {});
    const routes = routeFlows(nodes, graph.edges);
    expect([...routes.keys()].sort()).toEqual(graph.edges.map((e) => e.id).sort());
    const rects = absoluteRects(nodes);
    expect(rects.get('default/api')!.x).toBe(layout.get('ns:default')!.x + layout.get('default/api')!.x);
  });
});

describe('packChips', () => {
  it('keeps short chip lists whole and counts the rest into a +N chip', () => {
    expect(packChips(['app=web'], 2)).toEqual([['app=web']]);
    const many = Array.from({ length: 20 }, (_, i) => `label-${i}=value-${i}`);
    const rows = packChips(many, 2);
    expect(rows).toHaveLength(2);
    const shown = rows.flat();
    const more = shown[shown.length - 1]!;
    expect(more).toMatch(/^\+\d+$/);
    expect(shown.length - 1 + Number(more.slice(1))).toBe(20);
  });
});

describe('gridLayout (the fallback)', () => {
  it('places every node without overlaps', () => {
    const graph = demoGraph();
    const layout = gridLayout(graph.nodes);
    for (const node of graph.nodes) expect(layout.has(node.id), node.id).toBe(true);
    const pods = graph.nodes.filter((n) => n.type === 'workload').map((n) => layout.get(n.id)!);
    pods.forEach((a, i) => pods.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    expect(overlaps(layout.get('ext:8.8.8.8/32')!, layout.get('ns:default')!)).toBe(false);
  });

  it('wraps many external address sets into rows no wider than the namespaces, below them', () => {
    const namespace = { id: 'ns:a', type: 'namespace', position: { x: 0, y: 0 }, data: { name: 'a', labels: [], declared: true, emphasis: undefined } };
    const workloads = Array.from({ length: 9 }, (_, i) => ({ id: `a/w${i}`, type: 'workload', parentId: 'ns:a', position: { x: 0, y: 0 }, width: 240, height: 80, data: {} }));
    const externals = Array.from({ length: 40 }, (_, i) => ({ id: `ext:10.0.${i}.0/24`, type: 'external', position: { x: 0, y: 0 }, width: 176, height: 44, data: {} }));
    const layout = gridLayout([namespace, ...workloads, ...externals] as unknown as CanvasNode[], 1.6);
    const group = layout.get('ns:a')!;
    const boxes = externals.map((e) => layout.get(e.id)!);
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    expect(right).toBeLessThanOrEqual(Math.max(group.width, Math.sqrt((group.width + 36) * (group.height + 36) * 1.6)) + 176);
    expect(new Set(boxes.map((b) => b.y)).size).toBeGreaterThan(1);
    for (const box of boxes) expect(box.y).toBeGreaterThan(group.y + group.height);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });
});

describe('extendLayout', () => {
  it('fits a new pod under the others of its namespace and moves nothing else', async () => {
    const graph = demoGraph();
    const layout = await layoutCanvas(graph.nodes, graph.edges);
    const extra = {
      name: 'extra.yaml',
      text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: cache, namespace: default, labels: {app: cache}}\n',
    };
    const { model } = importManifests([...loadScenario('seed-all').manifests, extra]);
    const evaluator = createEvaluator(model);
    const bigger = buildCanvasGraph({ model, evaluator }, evaluator.matrix({ granularity: 'workload' }), {
      showAllDenied: false,
      selection: null,
    });
    const extended = extendLayout(layout, bigger.nodes)!;
    expect(extended).toBeDefined();
    for (const [id, box] of layout) expect(extended.get(id)).toEqual(box);
    const cache = extended.get('default/cache')!;
    const pods = graph.nodes.filter((n) => n.type === 'workload').map((n) => extended.get(n.id)!);
    for (const pod of pods) expect(overlaps(cache, pod)).toBe(false);
    // The group grows around it when placed.
    const placed = placeNodes(bigger.nodes, extended, {});
    const group = placed.find((n) => n.id === 'ns:default')!;
    expect(group.height).toBeGreaterThanOrEqual(cache.y + cache.height);
  });

  it('drops nodes that went away, and gives up when too much is new', async () => {
    const graph = demoGraph();
    const layout = await layoutCanvas(graph.nodes, graph.edges);
    const fewer = graph.nodes.filter((n) => n.id !== 'default/db');
    expect([...extendLayout(layout, fewer)!.keys()].sort()).toEqual(fewer.map((n) => n.id).sort());
    expect(extendLayout(new Map([['ns:default', layout.get('ns:default')!]]), graph.nodes)).toBeUndefined();
  });
});
