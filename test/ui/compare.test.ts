import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '../../src/ui/analysis.ts';
import { overlayFlowChanges } from '../../src/ui/canvas/change-overlay.ts';
import { buildCanvasGraph, type CanvasView } from '../../src/ui/canvas/graph.ts';
import { workloadMatrix } from '../../src/ui/canvas/workload-matrix.ts';
import { compareAnalyses } from '../../src/ui/compare/compare.ts';
import { checkSaved } from '../../src/ui/store/autosave.ts';
import { createAppStore } from '../../src/ui/store/index.ts';
import { loadScenario } from '../helpers/scenarios.ts';

type Files = { name: string; text: string }[];

const seed = (): Files => loadScenario('seed-all').manifests.map((f) => ({ name: f.name, text: f.text }));

function editPolicies(files: Files, edit: (text: string) => string): Files {
  return files.map((f) => (f.name.endsWith('policies.yaml') ? { ...f, text: edit(f.text) } : f));
}

/** database admits frontend (frontend -> database TCP 3306 becomes allowed). */
const admitFrontend = (text: string) =>
  text.replace('  ingress: []\n', '  ingress:\n  - from:\n    - podSelector:\n        matchLabels:\n          app: frontend\n');
/** backend no longer admits api (api -> backend goes away). */
const refuseApi = (text: string) => text.replace('          app: api\n', '          app: nobody\n');

const VIEW: CanvasView = { showAllDenied: false, selection: null };

describe('compareAnalyses', () => {
  it('maps added flows to canvas edge ids and removed ones to ghosts with their ports', () => {
    const before = analyzeFiles(seed());
    const after = analyzeFiles(editPolicies(seed(), (t) => refuseApi(admitFrontend(t))));
    const { diff, changes } = compareAnalyses(before, after);
    expect(diff.added.map((c) => `${c.from} -> ${c.to} ${c.ports}`)).toEqual(['default/frontend -> default/database TCP 3306']);
    expect(diff.removed.map((c) => `${c.from} -> ${c.to} ${c.ports}`)).toEqual(['default/api -> default/backend all ports']);
    expect(changes.added).toEqual(['default/frontend->default/database']);
    expect(changes.removed).toEqual([
      { id: 'default/api->default/backend', source: 'default/api', target: 'default/backend', ports: 'all ports' },
    ]);
  });

  it('maps changes with addresses outside to the canvas’s external nodes', () => {
    const before = analyzeFiles(seed());
    const after = analyzeFiles(editPolicies(seed(), (t) => t.replace('cidr: 8.8.8.8/32', 'cidr: 8.8.0.0/16')));
    const { changes } = compareAnalyses(before, after);
    expect(changes.added).toEqual(['default/backend->ext:8.8.0.0/16']);
    expect(changes.removed).toEqual([]);
  });
});

describe('overlayFlowChanges', () => {
  it('marks added edges, and draws flows that went away as ghosts between nodes still on the canvas', () => {
    const before = analyzeFiles(seed());
    const after = analyzeFiles(editPolicies(seed(), (t) => refuseApi(admitFrontend(t))));
    const graph = buildCanvasGraph(after, workloadMatrix(after), VIEW);
    const { changes } = compareAnalyses(before, after);
    const marked = overlayFlowChanges(graph, changes);
    const attrs = (id: string) => marked.edges.find((e) => e.id === id)?.domAttributes as Record<string, string> | undefined;
    expect(attrs('default/frontend->default/database')).toMatchObject({ 'data-verdict': 'allowed', 'data-change': 'added' });
    expect(attrs('default/api->default/backend')).toMatchObject({ 'data-verdict': 'denied', 'data-change': 'removed', 'data-ghost': 'true' });
    expect(marked.edges.find((e) => e.id === 'default/api->default/backend')?.data?.label).toBe('removed: all ports');
    expect(marked.edges.length).toBe(graph.edges.length + 1);
    expect(overlayFlowChanges(graph, undefined)).toBe(graph);
  });

  it('marks a flow that lost some ports but keeps others as changed, not as a ghost', () => {
    const graph = buildCanvasGraph(analyzeFiles(seed()), workloadMatrix(analyzeFiles(seed())), VIEW);
    const kept = graph.edges.find((e) => e.data?.verdict === 'allowed')!;
    const marked = overlayFlowChanges(graph, { added: [], removed: [{ id: kept.id, source: kept.source, target: kept.target, ports: 'TCP 8080' }] });
    expect(marked.edges.length).toBe(graph.edges.length);
    expect((marked.edges.find((e) => e.id === kept.id)?.domAttributes as Record<string, string>)['data-change']).toBe('changed');
  });
});

describe('the compare slice', () => {
  function seededStore() {
    const store = createAppStore();
    store.getState().replaceFiles(seed(), 'Seed');
    return store;
  }
  const policiesOf = (store: ReturnType<typeof seededStore>) => store.getState().files.find((f) => f.name.endsWith('policies.yaml'))!;

  it('follows every edit while comparing with the saved baseline, and stops when asked', () => {
    const store = seededStore();
    store.getState().saveBaseline();
    store.getState().setComparing(true);
    expect(store.getState().flowChanges).toEqual({ added: [], removed: [] });
    const policies = policiesOf(store);
    store.getState().setFileText(policies.name, admitFrontend(policies.text));
    store.getState().analyzeNow();
    expect(store.getState().flowChanges?.added).toEqual(['default/frontend->default/database']);
    expect(store.getState().baselineDiff?.added).toHaveLength(1);
    store.getState().setComparing(false);
    expect(store.getState().flowChanges).toBeUndefined();
  });

  it('keeps the baseline out of undo history', () => {
    const store = seededStore();
    store.history.clear();
    store.getState().saveBaseline();
    expect(store.history.canUndo()).toBe(false);
    const policies = policiesOf(store);
    store.getState().setFileText(policies.name, refuseApi(policies.text));
    store.history.undo();
    expect(store.getState().baseline?.files).toEqual(seed());
    store.getState().clearBaseline();
    expect(store.getState().baseline).toBeUndefined();
  });

  it('shows changes set by others (guided steps) and stops comparing with the baseline', () => {
    const store = seededStore();
    store.getState().saveBaseline();
    store.getState().setComparing(true);
    store.getState().setFlowChanges({ added: ['a->b'], removed: [] });
    expect(store.getState().comparing).toBe(false);
    expect(store.getState().flowChanges).toEqual({ added: ['a->b'], removed: [] });
  });

  it('is autosaved with the workspace, and a damaged saved baseline is dropped', () => {
    const baseline = { files: [{ name: 'a.yaml', text: 'x' }], title: 'A', savedAt: 5 };
    expect(checkSaved({ files: [], baseline })).toEqual({ files: [], baseline });
    expect(checkSaved({ files: [], baseline: { files: 'nope', title: 'A', savedAt: 5 } })).toEqual({ files: [] });
  });
});
