import { describe, expect, it } from 'vitest';
import { canGoBack, goBack, goNext, nextAction } from '../../../src/ui/guide/guide-nav.ts';
import { findScenario } from '../../../src/ui/scenarios.ts';
import { createAppStore } from '../../../src/ui/store/index.ts';

const LESSON = 'lesson-default-deny';
const lesson = findScenario(LESSON)!;

function started() {
  const store = createAppStore();
  store.getState().replaceFiles([{ name: 'mine.yaml', text: 'kind: Namespace\nmetadata:\n  name: mine\n' }], 'Mine');
  store.history.clear();
  expect(store.getState().startGuide(LESSON)).toBe(true);
  return store;
}

const verdict = (store: ReturnType<typeof createAppStore>, from: string, to: string, port: number) =>
  store.getState().analysis!.evaluator.verdict(from, to, 'TCP', port).allowed;

describe('guided lessons (guide slice)', () => {
  it('starts a lesson on its base files, at step 0, as one undo step', () => {
    const store = started();
    const state = store.getState();
    expect(state.guide).toEqual({ scenarioId: LESSON, step: 0 });
    expect(state.files).toEqual(lesson.manifests);
    expect(state.title).toBe(lesson.title);
    store.history.undo();
    expect(store.getState().files.map((f) => f.name)).toEqual(['mine.yaml']);
  });

  it('does not start an unknown scenario', () => {
    const store = createAppStore();
    expect(store.getState().startGuide('no-such-lesson')).toBe(false);
    expect(store.getState().guide).toBeUndefined();
  });

  it('moves between steps: the step’s files, the flows that changed marked, Back restores the verdicts', () => {
    const store = started();
    expect(verdict(store, 'shop/frontend', 'shop/backend', 8080)).toBe(true);
    store.getState().goToStep(1);
    expect(store.getState().guide?.step).toBe(1);
    expect(store.getState().files).toEqual(lesson.stepFiles(1));
    expect(verdict(store, 'shop/frontend', 'shop/backend', 8080)).toBe(false);
    const changes = store.getState().flowChanges;
    expect(changes?.removed.map((g) => g.id)).toContain('shop/frontend->shop/backend');

    store.getState().goToStep(0);
    expect(verdict(store, 'shop/frontend', 'shop/backend', 8080)).toBe(true);
    expect(store.getState().flowChanges?.added).toContain('shop/frontend->shop/backend');
    // Clamped to the lesson's steps.
    store.getState().goToStep(99);
    expect(store.getState().guide?.step).toBe(lesson.steps!.length);
  });

  it('each step is one undo step, so edits made during a step are never lost', () => {
    const store = started();
    store.getState().goToStep(1);
    const name = store.getState().files[1]!.name;
    store.getState().setFileText(name, '# my experiment\n');
    store.history.breakGroup();
    store.getState().goToStep(2);
    store.history.undo();
    expect(store.getState().files.find((f) => f.name === name)?.text).toBe('# my experiment\n');
  });

  it('asks for predictions before a step that wants them, then reveals and scores them', () => {
    const store = started();
    expect(nextAction(store.getState())).toBe('predict');
    goNext(store.getState());
    const round = store.getState().prediction;
    expect(round).toEqual({ step: 1, guesses: [undefined, undefined, undefined] });
    // The workspace has not changed yet.
    expect(store.getState().guide?.step).toBe(0);
    expect(nextAction(store.getState())).toBe('reveal');

    // gateway -> frontend is denied after step 1, backend -> db denied, frontend -> coredns allowed.
    store.getState().setGuess(0, 'denied');
    store.getState().setGuess(1, 'allowed');
    store.getState().setGuess(2, 'allowed');
    goNext(store.getState());
    const state = store.getState();
    expect(state.prediction).toBeUndefined();
    expect(state.guide?.step).toBe(1);
    const result = state.predictionResults[1]!;
    expect([result.right, result.total]).toEqual([2, 3]);
    expect(result.items.map((i) => i.correct)).toEqual([true, false, true]);
    expect(result.items[1]!.explanation.join(' ')).toMatch(/isolated/);

    // Back and forth again: the scored step is shown without asking twice.
    goBack(store.getState());
    expect(store.getState().guide?.step).toBe(0);
    expect(nextAction(store.getState())).toBe('step');
    goNext(store.getState());
    expect(store.getState().guide?.step).toBe(1);
  });

  it('Back during predictions leaves them without changing the workspace', () => {
    const store = started();
    goNext(store.getState());
    expect(canGoBack(store.getState())).toBe(true);
    goBack(store.getState());
    expect(store.getState().prediction).toBeUndefined();
    expect(store.getState().guide?.step).toBe(0);
    expect(canGoBack(store.getState())).toBe(false);
  });

  it('exits keeping the files of the step reached; Finish at the last step exits too', () => {
    const store = started();
    store.getState().goToStep(lesson.steps!.length);
    expect(nextAction(store.getState())).toBe('finish');
    goNext(store.getState());
    const state = store.getState();
    expect(state.guide).toBeUndefined();
    expect(state.flowChanges).toBeUndefined();
    expect(state.files).toEqual(lesson.stepFiles(lesson.steps!.length));
  });
});
