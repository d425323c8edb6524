import { describe, expect, it } from 'vitest';
import { generateClusterYaml } from '../../bench/generate-cluster.ts';
import { halfOpenOf, isEmptyPorts } from '../../src/core/index.ts';
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

describe('half-open pairs behind a gathered flow', () => {
  // a/client may send to b on TCP 80 (its egress says so), but b/server admits nobody: half-open.
  // a/other's egress is open, and b still refuses it: denied, not half-open.
  const CLUSTER = [
    ...['a/client', 'a/other', 'b/server'].map((id) => {
      const [ns, name] = id.split('/');
      return `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: {app: ${name}}}\nspec:\n  containers: [{name: c, image: x, ports: [{containerPort: 80}]}]\n`;
    }),
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: client-out, namespace: a}\nspec:\n  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}}]\n    ports: [{port: 80}]\n',
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-in, namespace: b}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
  ].join('---\n');

  it('are counted on the edge between collapsed namespaces, which is drawn as half-open without asking for denied flows', () => {
    const analysis = analyzeFiles([{ name: 'cluster.yaml', text: CLUSTER }]);
    expect(analysis.workloadFlows.halfOpen).toBe(1);
    const view: ScaleView = { showAllDenied: false, selection: null, collapsed: collapsedNamespaces(analysis, { a: 'collapsed', b: 'collapsed' }) };
    const graph = buildScaledGraph(analysis, analysis.workloadMatrix!, view);
    const edge = graph.edges.find((e) => e.id === 'ns:a->ns:b');
    expect(edge?.data).toMatchObject({ verdict: 'denied', halfOpen: true, label: '⚠ 1 pair half-open' });
    expect(edge?.data?.title).toMatch(/1 of the pairs are half-open/);
    // The same from the evaluator alone (the half-open pairs scanned on the page).
    const own = analysis.evaluator.matrix({ granularity: 'workload' });
    expect(buildScaledGraph({ model: analysis.model, evaluator: analysis.evaluator, lint: analysis.lint }, own, view).edges.find((e) => e.id === 'ns:a->ns:b')?.data).toMatchObject({ halfOpen: true });
    // Expanded, the half-open pair is a flow of its own and the gathered edges no longer count it.
    const expanded = buildScaledGraph(analysis, analysis.workloadMatrix!, { ...view, collapsed: new Set() });
    expect(expanded.edges.find((e) => e.id === 'a/client->b/server')?.data?.halfOpen).toBe(true);
  });

  it('match asking every pair of workloads, on every gathered edge, whichever namespaces are collapsed', () => {
    // c/job may send to b on TCP 80 too: a second half-open pair into b.
    const three = `${CLUSTER}---\napiVersion: v1\nkind: Pod\nmetadata: {name: job, namespace: c, labels: {app: job}}\nspec:\n  containers: [{name: c, image: x}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: job-out, namespace: c}\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: b}}}]\n    ports: [{port: 80}]\n`;
    const analysis = analyzeFiles([{ name: 'cluster.yaml', text: three }]);
    expect(analysis.workloadFlows.halfOpen).toBe(2);
    const matrix = analysis.workloadMatrix!;
    for (const mask of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const toggles = Object.fromEntries(['a', 'b', 'c'].map((ns, i) => [ns, mask & (1 << i) ? ('collapsed' as const) : ('expanded' as const)]));
      const view: ScaleView = { showAllDenied: true, selection: null, collapsed: collapsedNamespaces(analysis, toggles) };
      const endOf = (unit: number) => {
        const u = matrix.units[unit]!;
        return view.collapsed.has(u.namespace) ? namespaceNodeId(u.namespace) : u.id;
      };
      const expected = new Map<string, number>();
      matrix.units.forEach((_, s) => {
        matrix.units.forEach((__, d) => {
          if (endOf(s) === endOf(d) || (!endOf(s).startsWith('ns:') && !endOf(d).startsWith('ns:'))) return;
          const half = halfOpenOf(matrix.sides(s, d));
          if (isEmptyPorts(half.egressOnly) && isEmptyPorts(half.ingressOnly)) return;
          const id = `${endOf(s)}->${endOf(d)}`;
          expected.set(id, (expected.get(id) ?? 0) + 1);
        });
      });
      const graph = buildScaledGraph(analysis, matrix, view);
      const gatheredEdges = graph.edges.filter((e) => e.data?.aggregate);
      for (const edge of gatheredEdges) {
        const n = expected.get(edge.id) ?? 0;
        if (n === 0) expect(edge.data!.label, `${mask} ${edge.id}`).not.toMatch(/half-open/);
        else expect(edge.data!.label, `${mask} ${edge.id}`).toMatch(new RegExp(`${n} (pairs? )?half-open`));
      }
      for (const id of expected.keys()) expect(gatheredEdges.some((e) => e.id === id), `${mask} ${id}`).toBe(true);
    }
  });
});
