import { describe, expect, it } from 'vitest';
import { generateClusterYaml } from '../../bench/generate-cluster.ts';
import { isEmptyPorts } from '../../src/core/index.ts';
import { analyzeFiles } from '../../src/ui/analysis.ts';
import { buildScaledGraph, collapsedNamespaces, type ScaleView } from '../../src/ui/canvas/collapse.ts';
import { gather } from '../../src/ui/canvas/gather.ts';
import { namespaceNodeId } from '../../src/ui/canvas/graph.ts';

const BIG = generateClusterYaml({ workloads: 100, pods: 300, policies: 60, style: 'deployments' });

function setUp() {
  const analysis = analyzeFiles([{ name: 'cluster.yaml', text: BIG }]);
  const matrix = analysis.workloadMatrix!;
  // team-1 expanded by the user, the others collapsed: edges namespace↔namespace and namespace↔workload.
  const view: ScaleView = { showAllDenied: true, selection: null, collapsed: collapsedNamespaces(analysis, { 'team-1': 'expanded' }) };
  return { analysis, matrix, view };
}

describe('gathered flows of collapsed namespaces', () => {
  it('counts, for every edge, the workload pairs and those that may connect, as asking each pair does', () => {
    const { analysis, matrix, view } = setUp();
    const endOf = (unit: number) => {
      const u = matrix.units[unit]!;
      return view.collapsed.has(u.namespace) ? namespaceNodeId(u.namespace) : u.id;
    };
    // Every gathered pair of ends, denied ones too (the view picks what it draws).
    const gatheredEdges = gather(analysis, matrix, view.collapsed).gathered.filter((e) => !e.source.startsWith('ext:') && !e.target.startsWith('ext:'));
    expect(gatheredEdges.some((e) => e.source.startsWith('ns:') && e.target.startsWith('ns:'))).toBe(true);
    expect(gatheredEdges.some((e) => e.source.startsWith('team-1/') && e.target.startsWith('ns:'))).toBe(true);
    expect(gatheredEdges.some((e) => e.source.startsWith('ns:') && e.target.startsWith('team-1/'))).toBe(true);
    for (const e of gatheredEdges) {
      let pairs = 0;
      let allowed = 0;
      matrix.units.forEach((_, s) => {
        if (endOf(s) !== e.source) return;
        matrix.units.forEach((__, d) => {
          if (endOf(d) !== e.target) return;
          pairs++;
          if (!isEmptyPorts(matrix.connections(s, d))) allowed++;
        });
      });
      expect({ id: e.id, pairs: e.data!.aggregate!.pairs, allowed: e.data!.aggregate!.allowedPairs }).toEqual({ id: e.id, pairs, allowed });
    }
  });

  it('draws the same graph from the analysis’s gathered namespaces as from the evaluator alone', () => {
    const { analysis, matrix, view } = setUp();
    expect(analysis.namespacePairs.namespaceOf).toHaveLength(matrix.units.length);
    // Its own matrix: gatherings are cached per matrix.
    const own = analysis.evaluator.matrix({ granularity: 'workload' });
    const fromEvaluator = buildScaledGraph({ model: analysis.model, evaluator: analysis.evaluator, lint: analysis.lint }, own, view);
    expect(buildScaledGraph(analysis, matrix, view)).toEqual(fromEvaluator);
  });
});
