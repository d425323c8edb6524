import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/ui/store/index.ts';
import { changeKind, createStepGrouper, TYPING_PAUSE_MS } from '../../src/ui/store/history.ts';
import { checkSaved, pickSaved } from '../../src/ui/store/autosave.ts';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\n';

function setup() {
  let clock = 1_000;
  let taskEnds: (() => void)[] = [];
  const store = createAppStore({ clock: { now: () => clock, afterTask: (run) => taskEnds.push(run) } });
  /** One user action: what `run` does, then the end of its task. */
  const act = (run: () => void) => {
    run();
    const ends = taskEnds;
    taskEnds = [];
    for (const end of ends) end();
  };
  act(() => store.getState().replaceFiles([{ name: 'a.yaml', text: POD }], 'Start'));
  store.history.clear();
  const advance = (ms: number) => {
    clock += ms;
  };
  /** Types `text` at the end of a.yaml, one keystroke (one task) every `gap` ms. */
  const type = (text: string, gap = 100) => {
    for (const ch of text) {
      advance(gap);
      const current = store.getState().files[0]?.text ?? '';
      act(() => store.getState().setFileText('a.yaml', current + ch));
    }
  };
  const text = () => store.getState().files[0]?.text;
  return { store, act, advance, type, text };
}

describe('changeKind', () => {
  const files = [
    { name: 'a', text: 'x' },
    { name: 'b', text: 'y' },
  ];
  it('names the file whose text alone changed', () => {
    expect(changeKind({ files }, { files: [files[0]!, { name: 'b', text: 'yy' }] })).toBe('text:b');
  });
  it('does not merge a change of two files, a rename or a new file', () => {
    expect(changeKind({ files }, { files: [{ name: 'a', text: '1' }, { name: 'b', text: '2' }] })).toBeUndefined();
    expect(changeKind({ files }, { files: [files[0]!, { name: 'c', text: 'y' }] })).toBeUndefined();
    expect(changeKind({ files }, { files: [...files, { name: 'c', text: '' }] })).toBeUndefined();
  });
  it('calls a change of positions alone a drag', () => {
    expect(changeKind({ files, positions: {} }, { files, positions: { n: { x: 1, y: 2 } } })).toBe('positions');
  });
});

describe('undo history', () => {
  it('makes one step of a burst of typing, and another after a pause', () => {
    const { store, advance, type, text } = setup();
    type('# one');
    advance(TYPING_PAUSE_MS + 1);
    type(' two');
    expect(text()).toBe(`${POD}# one two`);
    store.history.undo();
    expect(text()).toBe(`${POD}# one`);
    store.history.undo();
    expect(text()).toBe(POD);
    expect(store.history.canUndo()).toBe(false);
    store.history.redo();
    store.history.redo();
    expect(text()).toBe(`${POD}# one two`);
  });

  it('starts a new step after an undo even without a pause', () => {
    const { store, type, text } = setup();
    type('abc');
    store.history.undo();
    type('xy');
    store.history.undo();
    expect(text()).toBe(POD);
    expect(store.history.canUndo()).toBe(false);
    store.history.redo();
    expect(text()).toBe(`${POD}xy`);
  });

  it('keeps analysis, selection and view toggles out of the history', () => {
    const { store } = setup();
    store.getState().select({ kind: 'node', id: 'default/web' });
    store.getState().setShowAllDenied(true);
    store.getState().setSidePanel('matrix');
    store.getState().analyzeNow();
    expect(store.history.canUndo()).toBe(false);
  });

  it('makes one step of a drag of several nodes (one drag stop)', () => {
    const { store, act } = setup();
    act(() => {
      store.getState().setPosition('n1', { x: 1, y: 1 });
      store.getState().setPosition('n2', { x: 2, y: 2 });
    });
    act(() => store.getState().setPosition('n1', { x: 5, y: 5 }));
    store.history.undo();
    expect(store.getState().positions).toEqual({ n1: { x: 1, y: 1 }, n2: { x: 2, y: 2 } });
    store.history.undo();
    expect(store.getState().positions).toEqual({});
  });

  it('undoes a load as one step, showing a file that exists and re-analysing', () => {
    const { store, act } = setup();
    const before = store.getState().generation;
    act(() => store.getState().setPosition('n1', { x: 1, y: 1 }));
    store.history.batch(() => {
      store.getState().replaceFiles([{ name: 'b.yaml', text: '' }], 'Other');
      store.setState({ positions: {} });
    });
    expect(store.getState().activeFile).toBe('b.yaml');
    store.history.undo();
    const state = store.getState();
    expect(state.files.map((f) => f.name)).toEqual(['a.yaml']);
    expect(state.title).toBe('Start');
    expect(state.activeFile).toBe('a.yaml');
    expect(state.generation).toBeGreaterThan(before);
    expect(state.analysis?.files).toBe(state.files);
    expect(state.positions).toEqual({ n1: { x: 1, y: 1 } });
  });

  it('makes one step of one action that changes several document fields', () => {
    const { store, act, text } = setup();
    act(() => {
      store.getState().setFileText('a.yaml', `${POD}# drawn\n`);
      store.getState().setPosition('n1', { x: 1, y: 1 });
      store.setState({ title: 'Drawn' });
    });
    store.history.undo();
    expect(text()).toBe(POD);
    expect(store.getState().positions).toEqual({});
    expect(store.getState().title).toBe('Start');
  });

  it('does not merge typing with the action before it', () => {
    const { store, act, type, text } = setup();
    act(() => store.getState().setPosition('n1', { x: 1, y: 1 }));
    type('ab');
    store.history.undo();
    expect(text()).toBe(POD);
    expect(store.getState().positions).toEqual({ n1: { x: 1, y: 1 } });
  });

  it('re-analyses the restored text after undo', () => {
    const { store, act } = setup();
    act(() => store.getState().setFileText('a.yaml', POD.replace('app: web', 'app: api')));
    store.history.undo();
    expect(store.getState().analysis?.model.pods[0]?.labels['app']).toBe('web');
  });
});

describe('undo history of drawing', () => {
  const pod = (name: string, port: number) => ({
    kind: 'Pod' as const,
    namespace: 'default',
    name,
    labels: { app: name },
    ports: [{ name: 'http', containerPort: port, protocol: 'TCP' as const }],
  });

  it('undoes one drawing action (several files and the intents) as one step', () => {
    const { store, act } = setup();
    act(() => store.getState().addWorkload(pod('web', 8080)));
    act(() => store.getState().addWorkload(pod('api', 9000)));
    const before = store.getState().files;
    act(() => store.getState().addFlow('default/web', 'default/api', { kind: 'declared' }));
    expect(store.getState().intents).toHaveLength(1);
    store.history.undo();
    expect(store.getState().files).toEqual(before);
    expect(store.getState().intents).toEqual([]);
    expect(store.getState().analysis?.files).toBe(store.getState().files);
    store.history.redo();
    expect(store.getState().intents).toHaveLength(1);
    expect(store.getState().analysis?.evaluator.verdict('default/web', 'default/api', 'TCP', 9000).allowed).toBe(true);
  });
});

describe('createStepGrouper', () => {
  it('records the first change of a batch only', () => {
    const grouper = createStepGrouper({ now: () => 0, afterTask: () => {} });
    const a = { files: [] };
    const b = { files: [{ name: 'x', text: '' }] };
    const starts: boolean[] = [];
    grouper.batch(() => {
      starts.push(grouper.startsStep(a, b));
      starts.push(grouper.startsStep(b, a));
    });
    starts.push(grouper.startsStep(a, b));
    expect(starts).toEqual([true, false, true]);
  });
});

describe('autosave shape', () => {
  it('saves the document, the file shown, the what-if baseline and the place in a lesson, nothing else', () => {
    const { store } = setup();
    expect(Object.keys(pickSaved(store.getState())).sort()).toEqual([
      'activeFile',
      'baseline',
      'drawnExternals',
      'files',
      'generatorSettings',
      'guide',
      'intents',
      'positions',
      'title',
    ]);
  });
  it('keeps a lesson step only when it is a whole number', () => {
    const files = [{ name: 'a', text: '' }];
    expect(checkSaved({ files, guide: { scenarioId: 'lesson-default-deny', step: 3 } })?.guide).toEqual({ scenarioId: 'lesson-default-deny', step: 3 });
    expect(checkSaved({ files, guide: { scenarioId: 'lesson-default-deny', step: 1.5 } })?.guide).toBeUndefined();
    expect(checkSaved({ files, guide: { scenarioId: 7, step: 1 } })?.guide).toBeUndefined();
  });
  it('ignores a damaged save', () => {
    expect(checkSaved(null)).toBeUndefined();
    expect(checkSaved({ files: 'nope' })).toBeUndefined();
    expect(checkSaved({ files: [{ name: 'a' }] })).toBeUndefined();
    expect(checkSaved({ files: [{ name: 'a', text: '' }], positions: { n: { x: 'bad' } }, title: 3 })).toEqual({
      files: [{ name: 'a', text: '' }],
    });
  });
});
