import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests } from '../../src/core/index.ts';
import { generateClusterYaml } from '../../bench/generate-cluster.ts';
import {
  buildScaledGraph,
  collapsedNamespaces,
  COLLAPSE_ABOVE_WORKLOADS,
  startsCollapsed,
  type ScaleView,
} from '../../src/ui/canvas/collapse.ts';
import { buildCanvasGraph } from '../../src/ui/canvas/graph.ts';
import type { CanvasGraph, FlowEdge, NamespaceSummaryNode } from '../../src/ui/canvas/types.ts';

/** shop: web (3 replicas) and cart; pay: api and ledger, isolated for ingress, api admits shop on 5432; ops: probe. */
const CLUSTER = `
apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {team: shop}}
---
apiVersion: v1
kind: Namespace
metadata: {name: pay, labels: {team: pay}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ops}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec: {containers: [{name: web, image: web, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: cart, namespace: shop, labels: {app: cart}}
spec: {containers: [{name: cart, image: cart}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: pay, labels: {app: api}}
spec: {containers: [{name: api, image: api, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: ledger, namespace: pay, labels: {app: ledger}}
spec: {containers: [{name: ledger, image: ledger}]}
---
apiVersion: v1
kind: Pod
metadata: {name: probe, namespace: ops, labels: {app: probe}}
spec: {containers: [{name: probe, image: probe}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-ingress, namespace: pay}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-shop, namespace: pay}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {team: shop}}}]
    ports: [{port: 5432}]
`;

function sourceOf(text: string) {
  const { model } = importManifests([{ name: 'cluster.yaml', text }], { maxBytes: 16 * 1024 * 1024 });
  const evaluator = createEvaluator(model);
  return { source: { model, evaluator }, matrix: evaluator.matrix({ granularity: 'workload' }) };
}

function graphOf(text: string, view: Partial<ScaleView> = {}): CanvasGraph {
  const { source, matrix } = sourceOf(text);
  return buildScaledGraph(source, matrix, { showAllDenied: false, selection: null, collapsed: new Set(), ...view });
}

function edge(graph: CanvasGraph, id: string): FlowEdge {
  const found = graph.edges.find((e) => e.id === id);
  if (!found) throw new Error(`no edge ${id} among ${graph.edges.map((e) => e.id).join(', ')}`);
  return found;
}

function summary(graph: CanvasGraph, id: string): NamespaceSummaryNode {
  const found = graph.nodes.find((n) => n.id === id);
  if (found?.type !== 'namespaceSummary') throw new Error(`no summary ${id}`);
  return found;
}

const BIG = generateClusterYaml({ workloads: 100, pods: 300, policies: 60, style: 'deployments' });

describe('collapsedNamespaces', () => {
  it('keeps a small cluster expanded, except what the user collapsed', () => {
    const { source } = sourceOf(CLUSTER);
    expect(startsCollapsed(5, 3)).toBe(false);
    expect([...collapsedNamespaces(source, {})]).toEqual([]);
    expect([...collapsedNamespaces(source, { pay: 'collapsed' })]).toEqual(['pay']);
  });

  it(`collapses every namespace of a cluster above ${COLLAPSE_ABOVE_WORKLOADS} workloads, except what the user expanded`, () => {
    const { source } = sourceOf(BIG);
    expect(startsCollapsed(100, 5)).toBe(true);
    expect(startsCollapsed(10, 9)).toBe(true);
    expect([...collapsedNamespaces(source, {})].sort()).toEqual(['team-0', 'team-1', 'team-2', 'team-3', 'team-4']);
    expect(collapsedNamespaces(source, { 'team-2': 'expanded' }).has('team-2')).toBe(false);
  });
});

describe('buildScaledGraph', () => {
  it('draws a small cluster with nothing collapsed exactly as buildCanvasGraph does', () => {
    const { source, matrix } = sourceOf(CLUSTER);
    const view = { showAllDenied: false, selection: null };
    expect(buildScaledGraph(source, matrix, { ...view, collapsed: new Set() })).toEqual(buildCanvasGraph(source, matrix, view));
  });

  it('summarises a collapsed namespace: workloads, pods (replicas), isolation per direction', () => {
    const graph = graphOf(CLUSTER, { collapsed: new Set(['shop', 'pay']) });
    expect(graph.nodes.map((n) => `${n.id}:${n.type}`)).toEqual([
      'ns:ops:namespace',
      'ops/probe:workload',
      'ns:pay:namespaceSummary',
      'ns:shop:namespaceSummary',
    ]);
    expect(summary(graph, 'ns:shop').data).toMatchObject({ workloads: 2, pods: 4, ingressIsolated: 0, egressIsolated: 0, labels: ['team=shop'] });
    expect(summary(graph, 'ns:pay').data).toMatchObject({ workloads: 2, pods: 2, ingressIsolated: 2, egressIsolated: 0 });
  });

  it('gathers flows between namespaces: pairs, ports and allowed / partial coverage', () => {
    const graph = graphOf(CLUSTER, { collapsed: new Set(['shop', 'pay']) });
    // shop → pay: of the 4 ordered pairs only web→api and cart→api, on 5432.
    const shopToPay = edge(graph, 'ns:shop->ns:pay');
    expect(shopToPay.domAttributes).toEqual({ 'data-verdict': 'partial' });
    expect(shopToPay.data?.label).toBe('2/4 pairs · TCP 5432');
    expect(shopToPay.data?.aggregate).toEqual({ pairs: 4, allowedPairs: 2, coverage: 'partial' });
    expect(shopToPay.data?.title).toContain('2 of 4 pairs of workloads may connect, on TCP 5432');
    // pay → shop: nothing isolates either side.
    const payToShop = edge(graph, 'ns:pay->ns:shop');
    expect(payToShop.domAttributes).toEqual({ 'data-verdict': 'allowed' });
    expect(payToShop.data).toMatchObject({ label: '4 pairs · all ports', open: true });
    // An expanded workload's flows to a collapsed namespace are gathered at the summary.
    expect(edge(graph, 'ops/probe->ns:shop').data?.label).toBe('2 pairs · all ports');
    // Nothing is drawn inside a collapsed namespace.
    expect(graph.edges.some((e) => e.source === e.target)).toBe(false);
  });

  it('draws gathered pairs where nothing may connect only when denied flows are asked for', () => {
    expect(graphOf(CLUSTER, { collapsed: new Set(['pay']) }).edges.map((e) => e.id)).not.toContain('ops/probe->ns:pay');
    const all = graphOf(CLUSTER, { collapsed: new Set(['pay']), showAllDenied: true });
    expect(edge(all, 'ops/probe->ns:pay').domAttributes).toEqual({ 'data-verdict': 'denied' });
    expect(edge(all, 'ops/probe->ns:pay').data?.label).toBe('✗ 2 pairs');
    const selected = graphOf(CLUSTER, { collapsed: new Set(['pay']), selection: { kind: 'node', id: 'ns:pay' } });
    expect(edge(selected, 'ops/probe->ns:pay').data?.verdict).toBe('denied');
  });

  it('draws a large cluster expanded by the user with the same nodes and flows as buildCanvasGraph', () => {
    const { source, matrix } = sourceOf(BIG);
    for (const selection of [null, { kind: 'node', id: 'team-2/app-7' } as const]) {
      const view = { showAllDenied: false, selection };
      const scaled = buildScaledGraph(source, matrix, { ...view, collapsed: new Set() });
      const plain = buildCanvasGraph(source, matrix, view);
      expect(scaled.nodes).toEqual(plain.nodes);
      const described = (g: CanvasGraph) => g.edges.map((e) => `${e.id} ${JSON.stringify(e.domAttributes)} ${e.data?.label}`).sort();
      expect(described(scaled)).toEqual(described(plain));
      expect(scaled.openFlows).toEqual(plain.openFlows);
    }
  });
});
