import { describe, expect, it } from 'vitest';
import { CLUSTER_FILE, POLICIES_FILE } from '../../src/ui/store/drawing-slice.ts';
import { createAppStore } from '../../src/ui/store/index.ts';

const pod = (name: string, port: number) => ({
  kind: 'Pod' as const,
  namespace: 'default',
  name,
  labels: { app: name },
  ports: [{ name: 'http', containerPort: port, protocol: 'TCP' as const }],
});

function emptyStore() {
  const store = createAppStore();
  store.getState().replaceFiles([], 'Empty');
  return store;
}

const textOf = (store: ReturnType<typeof createAppStore>, name: string) => store.getState().files.find((f) => f.name === name)?.text;

describe('drawing slice', () => {
  it('writes drawn workloads (and their namespace) to cluster.yaml', () => {
    const store = emptyStore();
    expect(store.getState().addWorkload(pod('web', 8080))).toBeUndefined();
    const text = textOf(store, CLUSTER_FILE)!;
    expect(text).toMatch(/kind: Namespace/);
    expect(text).toMatch(/kind: Pod/);
    expect(store.getState().analysis?.model.workloads.map((w) => w.id)).toEqual(['default/web']);
    expect(store.getState().addWorkload(pod('web', 8080))).toMatch(/exists/);
  });

  it('generates an ingress policy into policies.yaml when a flow is drawn, and the verdicts follow', () => {
    const store = emptyStore();
    store.getState().addWorkload(pod('web', 8080));
    store.getState().addWorkload(pod('api', 9000));
    store.getState().addWorkload(pod('other', 1));
    expect(store.getState().addFlow('default/web', 'default/api', { kind: 'declared' })).toBeUndefined();
    expect(textOf(store, POLICIES_FILE)).toMatch(/allow-api-ingress/);
    const evaluator = store.getState().analysis!.evaluator;
    expect(evaluator.verdict('default/web', 'default/api', 'TCP', 9000).allowed).toBe(true);
    expect(evaluator.verdict('default/other', 'default/api', 'TCP', 9000).allowed).toBe(false);
  });

  it('deleting a drawn flow removes its generated policy', () => {
    const store = emptyStore();
    store.getState().addWorkload(pod('web', 8080));
    store.getState().addWorkload(pod('api', 9000));
    store.getState().addFlow('default/web', 'default/api', { kind: 'declared' });
    expect(store.getState().deleteFlow('default/web', 'default/api')).toBeUndefined();
    expect(store.getState().intents).toEqual([]);
    expect(textOf(store, POLICIES_FILE) ?? '').not.toMatch(/allow-api-ingress/);
    expect(store.getState().pendingRemoval?.removal.openSides).toEqual(['egress', 'ingress']);
  });

  it('keeps a hand-written policy byte for byte while flows are drawn, and offers choices when it allows a deleted flow', () => {
    const store = emptyStore();
    store.getState().addWorkload(pod('web', 8080));
    store.getState().addWorkload(pod('api', 9000));
    store.getState().addWorkload(pod('db', 5432));
    const hand = [
      '# pasted by hand',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: api-from-web',
      '  namespace: default',
      'spec:',
      '  podSelector: {matchLabels: {app: api}}',
      '  ingress:',
      '  - from:',
      '    - podSelector: {matchLabels: {app: web}}  # web only',
      '',
    ].join('\n');
    store.getState().addFiles([{ name: 'hand.yaml', text: hand }]);
    store.getState().addFlow('default/api', 'default/db', { kind: 'declared' });
    expect(textOf(store, 'hand.yaml')).toBe(hand);
    store.getState().deleteFlow('default/web', 'default/api');
    const pending = store.getState().pendingRemoval!;
    const index = pending.removal.allowances.findIndex((a) => a.policy === 'default/api-from-web');
    expect(pending.removal.allowances[index]?.choices).toContain('remove-peer');
    expect(textOf(store, 'hand.yaml')).toBe(hand);
    expect(store.getState().applyRemoval(index, 'remove-peer')).toBeUndefined();
    expect(store.getState().analysis!.evaluator.verdict('default/web', 'default/api', 'TCP', 9000).allowed).toBe(false);
    expect(textOf(store, 'hand.yaml')!.startsWith('# pasted by hand')).toBe(true);
  });

  it('adds egress to kube-dns when "Allow DNS" is turned on in zero-trust style', () => {
    const store = emptyStore();
    store.getState().addWorkload(pod('web', 8080));
    store.getState().addWorkload(pod('api', 9000));
    store.getState().setGeneratorSettings({ style: 'zero-trust' });
    store.getState().addFlow('default/web', 'default/api', { kind: 'declared' });
    expect(store.getState().generatorProblems.some((p) => p.code === 'dns-blocked')).toBe(true);
    store.getState().setGeneratorSettings({ allowDns: true });
    expect(store.getState().generatorProblems.some((p) => p.code === 'dns-blocked')).toBe(false);
    expect(textOf(store, POLICIES_FILE)).toMatch(/kube-dns/);
  });

  it('flows to a drawn external become ipBlock rules', () => {
    const store = emptyStore();
    store.getState().addWorkload(pod('web', 8080));
    const added = store.getState().addExternal({ kind: 'ipBlock', cidr: '8.8.8.8' });
    expect(added).toEqual({ id: 'ext:8.8.8.8/32' });
    store.getState().addFlow('ext:8.8.8.8/32', 'default/web', { kind: 'custom', entries: [{ protocol: 'TCP', port: 'http' }] });
    expect(textOf(store, POLICIES_FILE)).toMatch(/cidr: 8\.8\.8\.8\/32/);
    const evaluator = store.getState().analysis!.evaluator;
    expect(evaluator.verdict('8.8.8.8', 'default/web', 'TCP', 8080).allowed).toBe(true);
    expect(evaluator.verdict('1.1.1.1', 'default/web', 'TCP', 8080).allowed).toBe(false);
  });

  it('edits and deletes drawn workloads only', () => {
    const store = emptyStore();
    store.getState().addFiles([{ name: 'mine.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {app: x}\nspec:\n  containers: [{name: x, image: x}]\n' }]);
    store.getState().addWorkload(pod('web', 8080));
    expect(store.getState().updateWorkload('default/web', { labels: { app: 'web', tier: 'front' } })).toBeUndefined();
    expect(store.getState().analysis!.model.workloads.find((w) => w.id === 'default/web')?.labels.tier).toBe('front');
    expect(store.getState().updateWorkload('default/x', { labels: {} })).toMatch(/edit it in its YAML/);
    expect(store.getState().deleteWorkload('default/web')).toBeUndefined();
    expect(store.getState().analysis!.model.workloads.map((w) => w.id)).toEqual(['default/x']);
  });
});

describe('generated policies the drawing did not make', () => {
  it('are kept (not deleted) when an imported file holds them and a new flow is drawn', () => {
    const store = emptyStore();
    store.getState().addWorkload(pod('web', 8080));
    store.getState().addWorkload(pod('api', 9000));
    store.getState().addWorkload(pod('db', 5432));
    store.getState().addFlow('default/web', 'default/api', { kind: 'declared' });
    const exported = textOf(store, POLICIES_FILE)!;
    // A later session: the same manifests imported, nothing drawn yet.
    const files = store.getState().files.filter((f) => f.name !== POLICIES_FILE);
    store.getState().replaceFiles([...files, { name: 'exported.yaml', text: exported }], 'Imported');
    store.setState({ intents: [] });
    store.getState().addFlow('default/api', 'default/db', { kind: 'declared' });
    expect(textOf(store, 'exported.yaml')).toMatch(/allow-api-ingress/);
    const evaluator = store.getState().analysis!.evaluator;
    expect(evaluator.verdict('default/web', 'default/api', 'TCP', 9000).allowed).toBe(true);
    expect(evaluator.verdict('default/db', 'default/api', 'TCP', 9000).allowed).toBe(false);
    expect(evaluator.verdict('default/api', 'default/db', 'TCP', 5432).allowed).toBe(true);
  });

  it('deletes a drawn namespace with its drawn workloads and the flows they had', () => {
    const store = emptyStore();
    store.getState().addWorkload({ ...pod('web', 8080), namespace: 'shop' });
    store.getState().addWorkload(pod('api', 9000));
    store.getState().addFlow('shop/web', 'default/api', { kind: 'declared' });
    expect(store.getState().deleteNamespace('shop')).toBeUndefined();
    expect(store.getState().analysis?.model.workloads.map((w) => w.id)).toEqual(['default/api']);
    expect(store.getState().analysis?.model.namespaces.map((n) => n.name)).toEqual(['default']);
    expect(store.getState().intents).toEqual([]);
    expect(textOf(store, POLICIES_FILE) ?? '').not.toMatch(/allow-api-ingress/);
  });

  it('refuses to delete a namespace that holds workloads from other files', () => {
    const store = createAppStore();
    store.getState().replaceFiles([{ name: 'mine.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: x, namespace: shop}\nspec: {containers: [{name: c, image: i}]}\n' }], 'Mine');
    store.getState().addNamespace({ kind: 'Namespace', name: 'shop' });
    expect(store.getState().deleteNamespace('shop')).toMatch(/holds workloads from other files \(x\)/);
    expect(store.getState().analysis?.model.workloads.map((w) => w.id)).toEqual(['shop/x']);
  });
});
