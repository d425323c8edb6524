import { describe, expect, it } from 'vitest';
import { applyLabelEdits, writeInferredPods } from '../../src/ui/panels/inspector/label-actions.ts';
import { createAppStore } from '../../src/ui/store/index.ts';
import { loadScenario } from '../helpers/scenarios.ts';

function seededStore() {
  const store = createAppStore();
  store.getState().replaceFiles(loadScenario('seed-all').workspace.map((f) => ({ name: f.name, text: f.text })), 'Seed');
  store.history.clear();
  return store;
}

const allowed = (store: ReturnType<typeof seededStore>) => store.getState().analysis!.evaluator.verdict('default/api', 'default/backend', 'TCP', 8080).allowed;

describe('applyLabelEdits', () => {
  it('patches the manifest, re-analyses at once, and is one undo step', () => {
    const store = seededStore();
    const before = store.getState().files;
    expect(allowed(store)).toBe(true);
    const result = applyLabelEdits(store, { kind: 'workload', id: 'default/api' }, [{ key: 'app', value: 'gateway' }]);
    expect(result).toMatchObject({ notes: [], place: { file: 'seed-all/cluster.yaml' } });
    expect(allowed(store)).toBe(false);
    const cluster = store.getState().files.find((f) => f.name === 'seed-all/cluster.yaml')!;
    const original = before.find((f) => f.name === 'seed-all/cluster.yaml')!;
    expect(cluster.text).toBe(original.text.replace('  name: api\n  namespace: default\n  labels:\n    app: api\n', '  name: api\n  namespace: default\n  labels:\n    app: gateway\n'));
    const line = (result as { place: { line: number } }).place.line;
    expect(cluster.text.split('\n')[line - 1]).toBe('    app: gateway');
    store.history.undo();
    expect(store.getState().files).toEqual(before);
    expect(allowed(store)).toBe(true);
  });

  it('reports why an edit cannot be made, changing nothing', () => {
    const store = seededStore();
    const before = store.getState().files;
    const result = applyLabelEdits(store, { kind: 'namespace', name: 'default' }, [{ key: 'kubernetes.io/metadata.name', value: 'x' }]);
    expect(result).toHaveProperty('problem');
    expect(store.getState().files).toBe(before);
    expect(store.history.canUndo()).toBe(false);
  });

  it('writes pods inferred from policies as manifests, keeping their verdicts, in one undo step', () => {
    const store = createAppStore();
    const policy = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]\n';
    store.getState().replaceFiles([{ name: 'policy.yaml', text: policy }], 'Pasted');
    store.history.clear();
    const verdict = () => store.getState().analysis!.evaluator.verdict('shop/web', 'shop/db', 'TCP', 80).allowed;
    expect(store.getState().analysis!.model.inferredPods).toBe(true);
    expect(verdict()).toBe(true);
    expect(writeInferredPods(store)).toEqual({ file: 'cluster.yaml' });
    expect(store.getState().analysis!.model.inferredPods).toBe(false);
    expect(store.getState().files.map((f) => f.name)).toEqual(['policy.yaml', 'cluster.yaml']);
    expect(verdict()).toBe(true);
    expect(writeInferredPods(store)).toHaveProperty('problem');
    store.history.undo();
    expect(store.getState().files.map((f) => f.name)).toEqual(['policy.yaml']);
  });
});
