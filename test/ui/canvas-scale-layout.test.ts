import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests } from '../../src/core/index.ts';
import { generateClusterYaml } from '../../bench/generate-cluster.ts';
import { buildScaledGraph, collapsedNamespaces } from '../../src/ui/canvas/collapse.ts';
import { routeFlows, ROUTE_LABELS_LIMIT } from '../../src/ui/canvas/edges/route.ts';
import { GRID_LAYOUT_ABOVE, gridLayout, layoutCanvas, toElkGraph, type NodeBox } from '../../src/ui/canvas/layout.ts';
import { placeNodes } from '../../src/ui/canvas/place.ts';
import type { CanvasGraph } from '../../src/ui/canvas/types.ts';

function bigGraph(workloads: number, expanded: readonly string[] = []): CanvasGraph {
  const text = generateClusterYaml({ workloads, pods: workloads * 2, policies: Math.round(workloads / 2), style: 'deployments' });
  const { model } = importManifests([{ name: 'c.yaml', text }], { maxBytes: 64 * 1024 * 1024 });
  const evaluator = createEvaluator(model);
  const source = { model, evaluator };
  const toggles = Object.fromEntries(expanded.map((ns) => [ns, 'expanded' as const]));
  return buildScaledGraph(source, evaluator.matrix({ granularity: 'workload' }), {
    showAllDenied: false,
    selection: null,
    collapsed: collapsedNamespaces(source, toggles),
  });
}

function overlaps(a: NodeBox, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('laying out a large canvas', () => {
  it('places collapsed namespaces as plain nodes for ELK, and switches to Brandes-Köpf on many flows', () => {
    const graph = bigGraph(100);
    const elk = toElkGraph(graph.nodes, graph.edges);
    const summaries = elk.children?.filter((c) => c.id.startsWith('ns:')) ?? [];
    expect(summaries).toHaveLength(5);
    for (const s of summaries) expect(s.children).toBeUndefined();
    expect(elk.layoutOptions?.['elk.layered.nodePlacement.strategy']).toBe(elk.edges!.length > 60 ? 'BRANDES_KOEPF' : 'NETWORK_SIMPLEX');
  });

  it(`lays out more than ${GRID_LAYOUT_ABOVE} nodes as a grid: every node placed, workloads inside their namespace, no overlaps`, async () => {
    const graph = bigGraph(450, ['team-0', 'team-1', 'team-2', 'team-3', 'team-4', 'team-5', 'team-6', 'team-7', 'team-8', 'team-9', 'team-10']);
    expect(graph.nodes.length).toBeGreaterThan(GRID_LAYOUT_ABOVE);
    const layout = await layoutCanvas(graph.nodes, graph.edges);
    expect(layout).toEqual(gridLayout(graph.nodes, 0.7));
    const roots = graph.nodes.filter((n) => !n.parentId).map((n) => layout.get(n.id)!);
    roots.forEach((a, i) => roots.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    for (const node of graph.nodes) {
      const box = layout.get(node.id)!;
      expect(box, node.id).toBeDefined();
      if (!node.parentId) continue;
      const parent = layout.get(node.parentId)!;
      expect(box.x + box.width).toBeLessThanOrEqual(parent.width);
      expect(box.y + box.height).toBeLessThanOrEqual(parent.height);
    }
  });

  it(`routes more than ${ROUTE_LABELS_LIMIT} flows with every label at the middle of its curve`, () => {
    const graph = bigGraph(450, ['team-0', 'team-1', 'team-2', 'team-3', 'team-4', 'team-5']);
    const placed = placeNodes(graph.nodes, gridLayout(graph.nodes), {});
    expect(graph.edges.length).toBeGreaterThan(ROUTE_LABELS_LIMIT);
    const routes = routeFlows(placed, graph.edges);
    expect(routes.size).toBe(graph.edges.length);
    for (const edge of graph.edges) {
      const route = routes.get(edge.id)!;
      expect(route.crowded).toBe(false);
      expect(route.hideLabel).toBe(Boolean(edge.data?.open));
    }
  });
});
