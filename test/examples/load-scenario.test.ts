import { describe, expect, it, vi } from 'vitest';
import { findDemoScenario, findScenario } from '../../src/ui/scenarios.ts';
import { loadScenario } from '../../src/ui/shell/workspace-actions.ts';
import { createAppStore } from '../../src/ui/store/index.ts';

describe('loading a scenario into the workspace', () => {
  it('brings its manifests and expected flows, and shows the policies, not the flows', () => {
    const store = createAppStore();
    loadScenario(store, findDemoScenario());
    const state = store.getState();
    expect(state.title).toBe('All five seed policies together');
    expect(state.files.map((f) => f.name)).toEqual(['seed-all/cluster.yaml', 'seed-all/policies.yaml', 'seed-all/expected.flows']);
    expect(state.activeFile).toBe('seed-all/policies.yaml');
  });

  it('shows the last file when every file is a .flows file', () => {
    const store = createAppStore();
    store.getState().replaceFiles([{ name: 'a.flows', text: '' }, { name: 'b.flows', text: '' }], 'Flows');
    expect(store.getState().activeFile).toBe('b.flows');
  });

  it('loads a lesson at its first state', () => {
    const store = createAppStore();
    const lesson = findScenario('lesson-default-deny');
    if (!lesson) throw new Error('lesson-default-deny is missing');
    loadScenario(store, lesson);
    expect(store.getState().files).toEqual(lesson.stepFiles(0));
  });
});

describe('a broken paste in a guided scenario', () => {
  it('keeps the step before it on screen, marked stale, which is what the paste applies: nothing', async () => {
    const store = createAppStore();
    const paste = findScenario('mistake-tutorial-paste');
    if (!paste) throw new Error('mistake-tutorial-paste is missing');
    loadScenario(store, paste);
    await vi.waitFor(() => expect(store.getState().analysis?.model.pods).toHaveLength(5));
    expect(store.getState().issues.filter((i) => i.severity === 'error')).toEqual([]);
    store.getState().setFileText('mistake-tutorial-paste/policies.yaml', paste.stepFiles(1)[1]?.text ?? '');
    store.getState().analyzeNow();
    expect(store.getState().issues.filter((i) => i.code === 'yaml-syntax').map((i) => i.line)).toEqual([13, 32]);
    expect(store.getState().stale).toBe(true);
    expect(store.getState().analysis?.model.policies).toEqual([]);
  });
});
