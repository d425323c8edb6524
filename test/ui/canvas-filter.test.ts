import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEvaluator, importManifests } from '../../src/core/index.ts';
import { buildScaledGraph } from '../../src/ui/canvas/collapse.ts';
import { filterGraph, matchesWorkload, parseSearch, searchableWorkloads, type SearchableWorkload } from '../../src/ui/canvas/filter.ts';
import type { CanvasGraph, CanvasNode } from '../../src/ui/canvas/types.ts';

const CLUSTER = `
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web, tier: front}}
spec: {containers: [{name: web, image: web}]}
---
apiVersion: v1
kind: Pod
metadata: {name: cart, namespace: shop, labels: {app: cart}}
spec: {containers: [{name: cart, image: cart}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: pay, labels: {app: api}}
spec: {containers: [{name: api, image: api}]}
---
apiVersion: v1
kind: Pod
metadata: {name: probe, namespace: ops, labels: {role: probe}}
spec: {containers: [{name: probe, image: probe}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-web, namespace: pay}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}]}]
`;

function setup(collapsed: readonly string[] = []) {
  const { model } = importManifests([{ name: 'c.yaml', text: CLUSTER }]);
  const evaluator = createEvaluator(model);
  const matrix = evaluator.matrix({ granularity: 'workload' });
  const graph = buildScaledGraph({ model, evaluator }, matrix, { showAllDenied: false, selection: null, collapsed: new Set(collapsed) });
  return { graph, workloads: searchableWorkloads(model.workloads) };
}

const shown = (graph: CanvasGraph) => graph.nodes.filter((n) => !n.hidden).map((n) => n.id);
const dimmed = (graph: CanvasGraph) => graph.nodes.filter((n) => n.data.emphasis === 'dim').map((n) => n.id);
const node = (graph: CanvasGraph, id: string): CanvasNode => graph.nodes.find((n) => n.id === id)!;

describe('parseSearch', () => {
  it('reads label pairs, namespaces and words, case-insensitively', () => {
    expect(parseSearch('  App=Web ns:shop front namespace:pay ')).toEqual([
      { kind: 'label', key: 'app', value: 'web' },
      { kind: 'namespace', name: 'shop' },
      { kind: 'word', word: 'front' },
      { kind: 'namespace', name: 'pay' },
    ]);
    expect(parseSearch('   ')).toEqual([]);
  });
});

describe('matchesWorkload', () => {
  const web: SearchableWorkload = { id: 'shop/web', namespace: 'shop', name: 'web', labels: { app: 'web', tier: 'front' } };
  it('matches a label pair exactly, a label key, a name or namespace part, and all terms together', () => {
    expect(matchesWorkload(parseSearch('app=web'), web)).toBe(true);
    expect(matchesWorkload(parseSearch('app=we'), web)).toBe(false);
    expect(matchesWorkload(parseSearch('tier'), web)).toBe(true);
    expect(matchesWorkload(parseSearch('sho'), web)).toBe(true);
    expect(matchesWorkload(parseSearch('ns:shop app=web'), web)).toBe(true);
    expect(matchesWorkload(parseSearch('ns:pay app=web'), web)).toBe(false);
  });

  it('matches every workload on an empty search, and never more with more terms', () => {
    const label = fc.stringMatching(/^[a-z]{1,4}$/);
    const workload = fc.record({ id: label, namespace: label, name: label, labels: fc.dictionary(label, label, { maxKeys: 3 }) });
    const term = fc.oneof(label, fc.tuple(label, label).map(([k, v]) => `${k}=${v}`), label.map((n) => `ns:${n}`));
    fc.assert(
      fc.property(workload, fc.array(term, { maxLength: 3 }), term, (w, terms, extra) => {
        expect(matchesWorkload(parseSearch(''), w)).toBe(true);
        if (matchesWorkload(parseSearch([...terms, extra].join(' ')), w)) expect(matchesWorkload(parseSearch(terms.join(' ')), w)).toBe(true);
      }),
    );
  });
});

describe('filterGraph', () => {
  it('leaves the graph alone without a search or a focus', () => {
    const { graph, workloads } = setup();
    expect(filterGraph(graph, workloads, { search: { text: ' ', mode: 'only' }, focus: undefined }).graph).toBe(graph);
  });

  it('highlights matches and dims the rest, namespaces of matches included', () => {
    const { graph, workloads } = setup();
    const result = filterGraph(graph, workloads, { search: { text: 'app=web', mode: 'highlight' }, focus: undefined });
    expect(result.matches).toEqual(['shop/web']);
    expect(shown(result.graph)).toEqual(graph.nodes.map((n) => n.id));
    expect(dimmed(result.graph).sort()).toEqual(['ns:ops', 'ns:pay', 'ops/probe', 'pay/api', 'shop/cart']);
  });

  it('shows only matches (and their namespaces), hiding flows to what is hidden', () => {
    const { graph, workloads } = setup();
    const result = filterGraph(graph, workloads, { search: { text: 'app', mode: 'only' }, focus: undefined });
    expect(shown(result.graph).sort()).toEqual(['ns:pay', 'ns:shop', 'pay/api', 'shop/cart', 'shop/web']);
    const visible = new Set(shown(result.graph));
    for (const e of result.graph.edges) if (!e.hidden) expect(visible.has(e.source) && visible.has(e.target)).toBe(true);
  });

  it('counts matches inside a collapsed namespace on its summary', () => {
    const { graph, workloads } = setup(['shop']);
    const result = filterGraph(graph, workloads, { search: { text: 'ns:shop', mode: 'highlight' }, focus: undefined });
    expect(result.matches).toEqual(['ns:shop']);
    expect(result.hiddenMatches).toBe(2);
    expect(node(result.graph, 'ns:shop').data).toMatchObject({ matches: 2 });
    expect(node(result.graph, 'ns:shop').data.emphasis).toBeUndefined();
  });

  it('focuses on a workload: it, the other ends of its flows and their namespaces, nothing else', () => {
    const { graph, workloads } = setup();
    const result = filterGraph(graph, workloads, { search: { text: '', mode: 'highlight' }, focus: 'pay/api' });
    expect(result.focused).toBe(true);
    const peers = graph.edges.filter((e) => e.source === 'pay/api' || e.target === 'pay/api').flatMap((e) => [e.source, e.target]);
    expect(peers).toContain('shop/web');
    const expected = new Set(['pay/api', 'ns:pay', ...peers, ...peers.map((id) => `ns:${id.split('/')[0]}`)]);
    expect(shown(result.graph).sort()).toEqual([...expected].sort());
    for (const e of result.graph.edges) if (!e.hidden) expect([e.source, e.target]).toContain('pay/api');
  });

  it('ignores a focus on a node that is not on the canvas', () => {
    const { graph, workloads } = setup();
    const result = filterGraph(graph, workloads, { search: { text: '', mode: 'highlight' }, focus: 'gone/away' });
    expect(result.focused).toBe(false);
    expect(result.graph).toBe(graph);
  });
});
