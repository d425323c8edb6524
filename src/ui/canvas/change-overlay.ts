/**
 * The change highlight (pure, unit-tested): edges whose flow gained connections since a
 * baseline (or the previous guide step) get `data-change="added"`; those that lost some but
 * still allow others `data-change="changed"`; flows that lost everything are `removed`, drawn
 * as dashed ghost edges where the canvas no longer draws them (both ends must be on the canvas).
 */
import type { FlowChanges } from '../compare/flow-changes.ts';
import type { CanvasGraph, FlowChangeMark, FlowEdge } from './types.ts';

function marked(edge: FlowEdge, change: FlowChangeMark, title: string | undefined): FlowEdge {
  const domAttributes: Record<string, string> = { ...(edge.domAttributes as Record<string, string>), 'data-change': change };
  const data = edge.data ? { ...edge.data, change, ...(title ? { title: `${edge.data.title} ${title}` } : {}) } : edge.data;
  const ariaLabel = `${edge.ariaLabel ?? `Flow ${edge.source} to ${edge.target}`}; ${change} since the comparison`;
  return { ...edge, domAttributes, ariaLabel, ...(data ? { data } : {}) } as FlowEdge;
}

function ghostEdge(ghost: FlowChanges['removed'][number], twoWay: boolean): FlowEdge {
  const title = `${ghost.source} → ${ghost.target}: no longer allowed (lost ${ghost.ports}).`;
  return {
    id: ghost.id,
    source: ghost.source,
    target: ghost.target,
    type: 'flow',
    selected: false,
    ariaLabel: `Flow ${ghost.source} to ${ghost.target}: removed; was ${ghost.ports}`,
    domAttributes: { 'data-verdict': 'denied', 'data-change': 'removed', 'data-ghost': 'true' } as FlowEdge['domAttributes'],
    data: {
      verdict: 'denied',
      halfOpen: false,
      open: false,
      label: `removed: ${ghost.ports}`,
      compactLabel: 'removed',
      title,
      twoWay,
      emphasis: undefined,
      change: 'removed',
      ghost: true,
    },
  };
}

export function overlayFlowChanges(graph: CanvasGraph, changes: FlowChanges | undefined): CanvasGraph {
  if (!changes || (changes.added.length === 0 && changes.removed.length === 0)) return graph;
  const added = new Set(changes.added);
  const removed = new Map(changes.removed.map((g) => [g.id, g]));
  const edges = graph.edges.map((edge) => {
    const lost = removed.get(edge.id);
    if (added.has(edge.id)) return marked(edge, lost ? 'changed' : 'added', lost ? `Since the comparison it also lost ${lost.ports}.` : undefined);
    if (!lost) return edge;
    const still = edge.data?.verdict === 'allowed';
    return marked(edge, still ? 'changed' : 'removed', `Since the comparison it lost ${lost.ports}.`);
  });
  const nodes = new Set(graph.nodes.map((n) => n.id));
  const drawn = new Set(edges.map((e) => e.id));
  const ghosts = changes.removed
    .filter((g) => !drawn.has(g.id) && nodes.has(g.source) && nodes.has(g.target))
    .map((g) => ghostEdge(g, drawn.has(`${g.target}->${g.source}`) || removed.has(`${g.target}->${g.source}`)));
  const ghostIds = new Set(ghosts.map((g) => g.id));
  // A flow drawn opposite a ghost is drawn apart from it, as any two-way pair.
  const paired = edges.map((edge) =>
    edge.data && !edge.data.twoWay && ghostIds.has(`${edge.target}->${edge.source}`) ? { ...edge, data: { ...edge.data, twoWay: true } } : edge,
  );
  return { ...graph, edges: [...paired, ...ghosts] };
}
