import { describe, expect, it } from 'vitest';
import { applySharedWorkspace } from '../../../src/ui/share/open-link.ts';
import { shareStatus } from '../../../src/ui/share/share-status.ts';
import type { SharedWorkspace } from '../../../src/ui/share/shared-workspace.ts';
import { findScenario, scenarios } from '../../../src/ui/scenarios.ts';
import { createAppStore } from '../../../src/ui/store/index.ts';

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\n`;

function storeWithWork() {
  const store = createAppStore({ clock: { afterTask: (run) => run() } });
  store.history.batch(() => store.getState().replaceFiles([{ name: 'mine.yaml', text: POD('mine') }], 'My work'));
  store.getState().setPosition('default/mine', { x: 5, y: 6 });
  store.history.clear();
  return store;
}

const shared: SharedWorkspace = {
  title: 'Shared lesson',
  files: [
    { name: 'a.yaml', text: POD('a') },
    { name: 'b.yaml', text: POD('b') },
  ],
  activeFile: 'a.yaml',
  positions: { 'default/a': { x: 100, y: 200 } },
  guide: undefined,
  presentation: false,
};

describe('applySharedWorkspace', () => {
  it('makes the shared files, title, open file and layout the workspace, as one undo step', () => {
    const store = storeWithWork();
    applySharedWorkspace(store, shared);
    const state = store.getState();
    expect(state.files).toEqual(shared.files);
    expect(state.title).toBe('Shared lesson');
    expect(state.activeFile).toBe('a.yaml');
    expect(state.positions).toEqual({ 'default/a': { x: 100, y: 200 } });
    expect(shareStatus.getState().opened).toBe('Shared lesson');

    store.history.undo();
    expect(store.getState().files).toEqual([{ name: 'mine.yaml', text: POD('mine') }]);
    expect(store.getState().title).toBe('My work');
    expect(store.getState().positions).toEqual({ 'default/mine': { x: 5, y: 6 } });
    expect(store.history.canUndo()).toBe(false);
  });

  it('restores the guided step of a known scenario over the link’s own files', () => {
    const guided = scenarios.find((s) => (s.steps?.length ?? 0) > 0);
    expect(guided).toBeDefined();
    if (!guided) return;
    const store = storeWithWork();
    applySharedWorkspace(store, { ...shared, guide: { scenarioId: guided.id, step: 1 }, presentation: true });
    expect(store.getState().guide).toEqual({ scenarioId: guided.id, step: 1 });
    expect(store.getState().presentation).toBe(true);
    expect(store.getState().files).toEqual(shared.files);
  });

  it('clamps a step past the scenario’s last, and ignores a scenario this version does not have', () => {
    const guided = scenarios.find((s) => (s.steps?.length ?? 0) > 0);
    if (!guided) return;
    const store = storeWithWork();
    applySharedWorkspace(store, { ...shared, guide: { scenarioId: guided.id, step: 999 } });
    expect(store.getState().guide?.step).toBe(findScenario(guided.id)?.steps?.length);
    applySharedWorkspace(store, { ...shared, guide: { scenarioId: 'no-such-scenario', step: 1 } });
    expect(store.getState().guide).toBeUndefined();
  });
});
