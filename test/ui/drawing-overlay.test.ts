import { describe, expect, it } from 'vitest';
import { compareDrawnWithActual, type FlowIntent } from '../../src/core/index.ts';
import { analyzeFiles } from '../../src/ui/analysis.ts';
import { endOfNode, findIntent, nodeIdOfEnd } from '../../src/ui/canvas/drawing.ts';
import { overlayDrawing } from '../../src/ui/canvas/drawing-overlay.ts';
import { buildCanvasGraph } from '../../src/ui/canvas/graph.ts';
import { workloadMatrix } from '../../src/ui/canvas/workload-matrix.ts';

const pods = ['web', 'api', 'db']
  .map((name) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: default\n  labels: {app: ${name}}\nspec:\n  containers: [{name: c, image: x, ports: [{containerPort: 80}]}]\n`)
  .join('---\n');
const webNoEgress =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web-no-egress, namespace: default}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n';
const apiFromAll =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api-from-all, namespace: default}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {}}]\n';

function graphOf(texts: string[], intents: FlowIntent[], checking: FlowIntent[] = []) {
  const analysis = analyzeFiles(texts.map((text, i) => ({ name: `f${i}.yaml`, text })));
  const base = buildCanvasGraph(analysis, workloadMatrix(analysis), { showAllDenied: false, selection: null });
  const compare = compareDrawnWithActual(analysis.model, intents);
  return overlayDrawing(base, { intents, externals: [], compare, checking });
}

const flow = (from: string, to: string): FlowIntent => ({
  source: { kind: 'workload', id: from },
  destination: { kind: 'workload', id: to },
  ports: { kind: 'declared' },
});

describe('node ids of drawn ends', () => {
  it('reads workloads, anywhere and single blocks back from node ids', () => {
    expect(endOfNode('default/web')).toEqual({ kind: 'workload', id: 'default/web' });
    expect(endOfNode('ext:anywhere')).toEqual({ kind: 'anywhere' });
    expect(endOfNode('ext:10.0.0.0/8,except:10.1.0.0/16')).toEqual({ kind: 'ipBlock', cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] });
    expect(endOfNode('ext:10.0.0.0/8,192.168.0.0/16')).toBeUndefined();
    expect(endOfNode('ns:default')).toBeUndefined();
    expect(nodeIdOfEnd({ kind: 'ipBlock', cidr: '8.8.8.8' })).toBe('ext:8.8.8.8/32');
    expect(findIntent([flow('default/web', 'default/api')], 'default/web', 'default/api')).toBe(0);
  });
});

describe('overlayDrawing', () => {
  it('draws a drawn flow the policies deny as a drawn-denied edge with the reasons', () => {
    const graph = graphOf([pods, webNoEgress], [flow('default/web', 'default/api')]);
    const edge = graph.edges.find((e) => e.id === 'default/web->default/api');
    expect(edge?.domAttributes).toMatchObject({ 'data-drawn': 'true', 'data-drawn-denied': 'true', 'data-verdict': 'denied' });
    expect(edge?.data?.title).toMatch(/egress/);
  });

  it('draws a flow drawn since the analysis on screen as checking, neither denied nor allowed', () => {
    // The policies on screen deny web's egress; the policy generated for the new flow is not evaluated yet.
    const drawn = flow('default/web', 'default/api');
    const graph = graphOf([pods, webNoEgress], [drawn], [drawn]);
    const edge = graph.edges.find((e) => e.id === 'default/web->default/api');
    expect(edge?.domAttributes).toMatchObject({ 'data-drawn': 'true', 'data-checking': 'true', 'data-verdict': 'checking' });
    expect(edge?.domAttributes).not.toHaveProperty('data-drawn-denied');
    expect(edge?.data?.drawnDenied).toBe(false);
    expect(edge?.data?.label).toBe('drawn · checking…');
    // Once the analysis covers it, the verdict shows again.
    const checked = graphOf([pods, webNoEgress], [drawn]).edges.find((e) => e.id === 'default/web->default/api');
    expect(checked?.domAttributes).toMatchObject({ 'data-drawn-denied': 'true' });
  });

  it('marks flows a broad pasted rule allows but nobody drew', () => {
    const graph = graphOf([pods, apiFromAll], [flow('default/web', 'default/api')]);
    expect(graph.edges.find((e) => e.id === 'default/web->default/api')?.domAttributes).toMatchObject({ 'data-drawn': 'true' });
    expect(graph.edges.find((e) => e.id === 'default/db->default/api')?.domAttributes).toMatchObject({ 'data-undrawn': 'true' });
  });

  it('adds nodes for drawn external endpoints', () => {
    const intent: FlowIntent = { source: { kind: 'ipBlock', cidr: '8.8.8.8' }, destination: { kind: 'workload', id: 'default/api' }, ports: { kind: 'all' } };
    const graph = graphOf([pods], [intent]);
    expect(graph.nodes.some((n) => n.id === 'ext:8.8.8.8/32')).toBe(true);
    expect(graph.edges.some((e) => e.id === 'ext:8.8.8.8/32->default/api')).toBe(true);
  });

  it('changes nothing when nothing is drawn', () => {
    const analysis = analyzeFiles([{ name: 'a.yaml', text: pods }]);
    const base = buildCanvasGraph(analysis, workloadMatrix(analysis), { showAllDenied: false, selection: null });
    expect(overlayDrawing(base, { intents: [], externals: [], compare: undefined })).toBe(base);
  });
});

describe('emptyDrawnNamespaces', () => {
  it('lists namespaces drawn into cluster.yaml that have no workloads yet', async () => {
    const { emptyDrawnNamespaces } = await import('../../src/ui/canvas/drawing-overlay.ts');
    const analysis = analyzeFiles([
      { name: 'cluster.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {team: a}\n' },
      { name: 'other.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: elsewhere\n' },
    ]);
    expect(emptyDrawnNamespaces(analysis.model)).toEqual([{ name: 'shop', labels: ['team=a'] }]);
  });
});
