import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEvaluator, importManifests } from '../../src/core/index.ts';
import { buildCanvasGraph, OPEN_FLOW_LIMIT, type CanvasView } from '../../src/ui/canvas/graph.ts';
import { externalNodeId } from '../../src/ui/canvas/external.ts';
import type { CanvasGraph, FlowEdge, WorkloadNode } from '../../src/ui/canvas/types.ts';
import { loadScenario } from '../helpers/scenarios.ts';

const DEFAULT_VIEW: CanvasView = { showAllDenied: false, selection: null };

function graphOf(files: readonly { name: string; text: string }[], view: Partial<CanvasView> = {}): CanvasGraph {
  const { model } = importManifests(files);
  const evaluator = createEvaluator(model);
  const matrix = evaluator.matrix({ granularity: 'workload' });
  return buildCanvasGraph({ model, evaluator }, matrix, { ...DEFAULT_VIEW, ...view });
}

function demo(view: Partial<CanvasView> = {}): CanvasGraph {
  return graphOf(loadScenario('seed-all').manifests, view);
}

function edge(graph: CanvasGraph, id: string): FlowEdge {
  const found = graph.edges.find((e) => e.id === id);
  if (!found) throw new Error(`no edge ${id} among ${graph.edges.map((e) => e.id).join(', ')}`);
  return found;
}

function workload(graph: CanvasGraph, id: string): WorkloadNode {
  const found = graph.nodes.find((n) => n.id === id);
  if (found?.type !== 'workload') throw new Error(`no workload node ${id}`);
  return found;
}

const PODS = ['default/api', 'default/backend', 'default/database', 'default/db', 'default/frontend'];

describe('buildCanvasGraph on the demo (seed-all)', () => {
  it('draws one namespace group, its five pods inside it, and 8.8.8.8/32 outside', () => {
    const graph = demo();
    expect(graph.nodes.map((n) => n.id)).toEqual(['ns:default', ...PODS, 'ext:8.8.8.8/32']);
    for (const id of PODS) {
      const node = workload(graph, id);
      expect(node.parentId).toBe('ns:default');
      expect(node.extent).toBe('parent');
    }
    // Parents come before their children, as React Flow requires.
    expect(graph.nodes[0]?.type).toBe('namespace');
  });

  it('describes each workload: kind, labels, ports and isolation per direction', () => {
    const graph = demo();
    const backend = workload(graph, 'default/backend').data;
    expect(backend.name).toBe('backend');
    expect(backend.kindText).toBe('Pod');
    expect(backend.labels).toEqual(['app=backend']);
    expect(backend.ports).toEqual(['http 8080/TCP']);
    expect(backend.ingress.text).toBe('ingress: default deny (1 policy)');
    expect(backend.egress.text).toBe('egress: default deny (2 policies)');
    expect(backend.egress.policies).toEqual(['default/allow-egress-external', 'default/allow-ingress-egress']);
    const api = workload(graph, 'default/api').data;
    expect(api.ingress).toMatchObject({ isolated: false, text: 'ingress: default allow' });
    expect(api.egress.text).toBe('egress: default allow');
    expect(api.inferred).toBe(false);
  });

  it('draws every allowed flow with its ports and the verdict attribute', () => {
    const graph = demo();
    const apiToBackend = edge(graph, 'default/api->default/backend');
    expect(apiToBackend.type).toBe('flow');
    expect(apiToBackend.domAttributes).toEqual({ 'data-verdict': 'allowed' });
    expect(apiToBackend.data?.label).toBe('all ports');
    expect(edge(graph, 'default/backend->default/db').data?.label).toBe('TCP 5432');
    const allowed = graph.edges.filter((e) => e.data?.verdict === 'allowed').map((e) => e.id);
    expect(allowed.sort()).toEqual(
      [
        'default/api->default/backend',
        'default/api->default/db',
        'default/backend->default/db',
        'default/database->default/api',
        'default/database->default/db',
        'default/db->default/api',
        'default/backend->ext:8.8.8.8/32',
      ].sort(),
    );
  });

  it('draws the two half-open flows as denied, marked half-open, naming the side that denies', () => {
    const graph = demo();
    const backendToFrontend = edge(graph, 'default/backend->default/frontend');
    expect(backendToFrontend.domAttributes).toEqual({ 'data-verdict': 'denied', 'data-half-open': 'true' });
    expect(backendToFrontend.data?.label).toBe('⚠ half-open: backend egress denies');
    expect(backendToFrontend.data?.refusing).toEqual(['egress']);
    const frontendToDatabase = edge(graph, 'default/frontend->default/database');
    expect(frontendToDatabase.domAttributes).toEqual({ 'data-verdict': 'denied', 'data-half-open': 'true' });
    expect(frontendToDatabase.data?.label).toBe('⚠ half-open: database ingress denies');
    expect(frontendToDatabase.data?.title).toContain('TCP 3306');
    const halfOpen = graph.edges.filter((e) => e.data?.halfOpen).map((e) => e.id);
    expect(halfOpen.sort()).toEqual(['default/backend->default/frontend', 'default/frontend->default/database']);
  });

  it('never draws a plain denied flow or a self pair by default', () => {
    const graph = demo();
    expect(graph.edges.filter((e) => e.data?.verdict === 'denied' && !e.data.halfOpen)).toEqual([]);
    expect(graph.edges.filter((e) => e.source === e.target)).toEqual([]);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it('draws every denied pair when asked to show all denied flows', () => {
    const graph = demo({ showAllDenied: true });
    // 20 ordered pairs of pods, each drawn once, plus the external flows of isolated sides.
    const podEdges = graph.edges.filter((e) => !e.source.startsWith('ext:') && !e.target.startsWith('ext:'));
    expect(podEdges).toHaveLength(20);
    const denied = edge(graph, 'default/frontend->default/backend');
    expect(denied.domAttributes).toEqual({ 'data-verdict': 'denied' });
    expect(denied.data?.label).toBe('✗');
    expect(edge(graph, 'default/frontend->ext:8.8.8.8/32').data?.verdict).toBe('denied');
  });

  it("draws a selected node's denied flows, in and out, and only those", () => {
    const graph = demo({ selection: { kind: 'node', id: 'default/database' } });
    const denied = graph.edges.filter((e) => e.data?.verdict === 'denied' && !e.data.halfOpen).map((e) => e.id);
    expect(denied.length).toBeGreaterThan(0);
    for (const id of denied) expect(id).toContain('default/database');
    expect(denied).toContain('default/api->default/database');
    expect(graph.nodes.find((n) => n.id === 'default/database')?.selected).toBe(true);
  });

  it('marks the selected flow, even a denied one', () => {
    const graph = demo({ selection: { kind: 'flow', source: 'default/db', target: 'default/backend' } });
    const selected = edge(graph, 'default/db->default/backend');
    expect(selected.selected).toBe(true);
    expect(selected.domAttributes).toMatchObject({ 'data-verdict': 'denied', 'data-selected': 'true' });
  });

  it('highlights what a selected policy selects and the flows it allows, and dims the rest', () => {
    const graph = demo({ selection: { kind: 'policy', id: 'default/allow-ingress-egress' } });
    expect(workload(graph, 'default/backend').data.emphasis).toBe('highlight');
    expect(workload(graph, 'default/frontend').data.emphasis).toBe('dim');
    // It admits api into backend and lets backend out to db on TCP 5432.
    expect(edge(graph, 'default/api->default/backend').data?.emphasis).toBe('highlight');
    expect(edge(graph, 'default/backend->default/db').data?.emphasis).toBe('highlight');
    expect(workload(graph, 'default/api').data.emphasis).toBeUndefined();
    expect(edge(graph, 'default/database->default/api').data?.emphasis).toBe('dim');
    // 8.8.8.8 is allowed by allow-egress-external, not by this policy.
    expect(edge(graph, 'default/backend->ext:8.8.8.8/32').data?.emphasis).toBe('dim');
  });

  it('highlights a half-open flow that the selected policy opens on its side', () => {
    const graph = demo({ selection: { kind: 'policy', id: 'default/allow-egress-database' } });
    expect(edge(graph, 'default/frontend->default/database').data?.emphasis).toBe('highlight');
    expect(workload(graph, 'default/frontend').data.emphasis).toBe('highlight');
  });

  it('sets no emphasis when nothing (or an unknown policy) is selected', () => {
    for (const graph of [demo(), demo({ selection: { kind: 'policy', id: 'default/nope' } })]) {
      expect(graph.nodes.every((n) => n.data.emphasis === undefined)).toBe(true);
      expect(graph.edges.every((e) => e.data?.emphasis === undefined)).toBe(true);
    }
  });

  it('tells two-way pairs apart so they can be drawn side by side', () => {
    const graph = demo();
    expect(edge(graph, 'default/api->default/db').data?.twoWay).toBe(true);
    expect(edge(graph, 'default/db->default/api').data?.twoWay).toBe(true);
    expect(edge(graph, 'default/api->default/backend').data?.twoWay).toBe(false);
  });
});

describe('external nodes', () => {
  it('names address sets by their label: 8.8.8.8/32 and 0.0.0.0/0 except 8.8.8.8/32', () => {
    expect(externalNodeId('8.8.8.8/32')).toBe('ext:8.8.8.8/32');
    expect(externalNodeId('0.0.0.0/0 except 8.8.8.8/32')).toBe('ext:0.0.0.0/0,except:8.8.8.8/32');
    expect(externalNodeId('0.0.0.0/0 except 10.0.0.0/8, 172.16.0.0/12')).toBe('ext:0.0.0.0/0,except:10.0.0.0/8,172.16.0.0/12');
  });

  it('draws seed-4 (egress to 8.8.8.8/32) as one external node the isolated pod reaches', () => {
    const graph = graphOf(loadScenario('seed-4-allow-egress-external').manifests);
    const external = graph.nodes.filter((n) => n.type === 'external');
    expect(external.map((n) => n.id)).toEqual(['ext:8.8.8.8/32']);
    const flows = graph.edges.filter((e) => e.target === 'ext:8.8.8.8/32');
    expect(flows.map((e) => e.source)).toEqual(['default/backend']);
    expect(flows[0]?.data?.label).toBe('all ports');
  });

  it('draws the rest of the address space only where an isolated side explicitly allows it', () => {
    const graph = graphOf([
      {
        name: 'x.yaml',
        text: `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: open, namespace: default, labels: {app: open}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: out, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress:
  - to:
    - ipBlock: {cidr: 0.0.0.0/0, except: [8.8.8.8/32]}
`,
      },
    ]);
    const ids = graph.nodes.filter((n) => n.type === 'external').map((n) => n.id);
    expect(ids).toEqual(['ext:0.0.0.0/0,except:8.8.8.8/32']);
    expect(graph.edges.map((e) => e.id)).toContain('default/web->ext:0.0.0.0/0,except:8.8.8.8/32');
    // The open pod may reach any address, which its "default allow" badge says: no edge.
    expect(graph.edges.some((e) => e.source === 'default/open' && e.target.startsWith('ext:'))).toBe(false);
  });

  it('shows a single "anywhere" node when no ipBlock tells addresses apart', () => {
    const graph = graphOf([
      {
        name: 'x.yaml',
        text: `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default, labels: {app: web}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: in, namespace: default}
spec:
  podSelector: {}
  ingress:
  - ports: [{port: 443}]
`,
      },
    ]);
    expect(graph.nodes.filter((n) => n.type === 'external').map((n) => n.id)).toEqual(['ext:anywhere']);
    expect(edge(graph, 'ext:anywhere->default/web').data?.label).toBe('TCP 443');
  });

  it('shows no external node when nothing explicitly allows outside traffic', () => {
    const graph = demo();
    expect(graph.nodes.some((n) => n.id === 'ext:anywhere')).toBe(false);
    const seed2 = graphOf(loadScenario('seed-2-deny-all-ingress').manifests);
    expect(seed2.nodes.some((n) => n.type === 'external')).toBe(false);
  });
});

describe('three namespaces', () => {
  const fixture = (name: string) => readFileSync(new URL(`../../e2e/fixtures/${name}`, import.meta.url), 'utf8');
  const files = [
    { name: 'cluster.yaml', text: fixture('three-namespaces-cluster.yaml') },
    { name: 'policies.yaml', text: fixture('three-namespaces-policies.yaml') },
  ];

  it('groups workloads by namespace and titles groups with their labels, without the automatic one', () => {
    const graph = graphOf(files);
    const groups = graph.nodes.filter((n) => n.type === 'namespace');
    // In the model's order (by name).
    expect(groups.map((n) => n.id)).toEqual(['ns:ops', 'ns:pay', 'ns:shop']);
    expect(groups.map((n) => n.data.labels)).toEqual([[], ['team=pay'], ['team=shop']]);
    expect(workload(graph, 'shop/web').parentId).toBe('ns:shop');
    expect(workload(graph, 'pay/api').parentId).toBe('ns:pay');
    expect(workload(graph, 'ops/probe').parentId).toBe('ns:ops');
  });

  it('shows kind and replicas, and named ports', () => {
    const web = workload(graphOf(files), 'shop/web').data;
    expect(web.kindText).toBe('Deployment ×3');
    expect(web.ports).toEqual(['http 8080/TCP']);
    expect(web.labels).toEqual(['app=web', 'tier=front']);
  });

  it('draws the cross-namespace flow the policy allows and leaves the denied one out', () => {
    const graph = graphOf(files);
    expect(edge(graph, 'shop/web->pay/api').data).toMatchObject({ verdict: 'allowed', label: 'TCP 5432', open: false });
    expect(graph.edges.some((e) => e.id === 'ops/probe->pay/api')).toBe(false);
    expect(edge(graphOf(files, { showAllDenied: true }), 'ops/probe->pay/api').domAttributes).toEqual({ 'data-verdict': 'denied' });
    // Flows between default-allow sides are drawn, lighter (few of them here): web and probe
    // both ways, and api out to each (only api's ingress is isolated).
    expect(edge(graph, 'shop/web->ops/probe').data?.open).toBe(true);
    expect(graph.openFlows).toEqual({ count: 4, hidden: false });
  });
});

describe('inferred pods and crowded clusters', () => {
  it('marks pods inferred from policy selectors', () => {
    const graph = graphOf([
      {
        name: 'p.yaml',
        text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: default}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {app: web}}}]
`,
      },
    ]);
    const nodes = graph.nodes.filter((n): n is WorkloadNode => n.type === 'workload');
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.data.inferred).toBe(true);
  });

  it('leaves out flows between default-allow workloads when there are too many of them', () => {
    const pods = Array.from(
      { length: 8 },
      (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: default, labels: {app: p${i}}}\n`,
    ).join('---\n');
    const crowded = graphOf([{ name: 'pods.yaml', text: pods }]);
    expect(crowded.openFlows).toEqual({ count: 56, hidden: 56 > OPEN_FLOW_LIMIT });
    expect(crowded.edges).toEqual([]);
    const shown = graphOf([{ name: 'pods.yaml', text: pods }], { showOpenFlows: true });
    expect(shown.edges).toHaveLength(56);
    const selected = graphOf([{ name: 'pods.yaml', text: pods }], { selection: { kind: 'node', id: 'default/p0' } });
    expect(selected.edges).toHaveLength(14);
  });
});
