/**
 * Guided lessons, the gallery and presentation mode (contract D: `guide`, `presentation`,
 * startGuide, goToStep, exitGuide, setPresentation; share links read and write them).
 *
 * A guide walks a scenario's steps: step 0 is the scenario's own files, step k the files after
 * its k-th step. Moving to a step puts that step's files in the workspace as ONE undo step (the
 * learner's own edits are never lost: Undo brings them back), keeps the canvas layout, and marks
 * the flows that became allowed or denied. Before a step that asks for predictions is shown, the
 * learner guesses (a `prediction` round); revealing it applies the step and scores the guesses.
 * None of this is in the document history; the autosave keeps only `guide` (the lesson and step), so a
 * reload mid-lesson comes back to the same step.
 */
import type { ManifestFile } from '../../core/index.ts';
import type { Analysis } from '../analysis.ts';
import { currentAnalysis, stepChanges, stepCount } from '../guide/steps.ts';
import { scorePredictions, type Guess, type PredictionResult } from '../guide/predictions.ts';
import { findScenario } from '../scenarios.ts';
import type { SliceCreator } from './types.ts';

export type { Guess, PredictionResult } from '../guide/predictions.ts';

export interface GuideProgress {
  readonly scenarioId: string;
  /** 0: the scenario's base files (the introduction); k: after step k (1-based), up to the step count. */
  readonly step: number;
}

/** Guesses asked before step `step` is revealed (the workspace still holds the step before it). */
export interface PredictionRound {
  readonly step: number;
  /** One per query of the step's `predict`, in order; undefined until the learner chooses. */
  readonly guesses: readonly (Guess | undefined)[];
}

export type GalleryMode = 'opening' | 'menu';

export interface GuideSlice {
  readonly guide: GuideProgress | undefined;
  /** Canvas and guide only, in large type, for a projector. */
  readonly presentation: boolean;
  /** The scenario gallery: shown at a first visit over the demo (`opening`), or asked for from the menu. */
  readonly gallery: GalleryMode | undefined;
  readonly prediction: PredictionRound | undefined;
  /** Scored predictions of the steps revealed in this guide, by step. */
  readonly predictionResults: Readonly<Record<number, PredictionResult>>;
  /** Loads the scenario's base files (one undo step) and starts its guide at step 0; false for an unknown id. */
  startGuide(id: string): boolean;
  /** Puts step n's files in the workspace (clamped to the guide's steps) and marks what changed. */
  goToStep(n: number): void;
  /** Back to ordinary editing; the workspace keeps the files of the step reached. */
  exitGuide(): void;
  setPresentation(on: boolean): void;
  openGallery(mode?: GalleryMode): void;
  closeGallery(): void;
  /** Starts the guesses for `step` (which must ask for predictions). */
  askPredictions(step: number): void;
  setGuess(index: number, guess: Guess): void;
  /** Leaves the guesses without revealing (the workspace never changed). */
  cancelPredictions(): void;
  /** Applies the step the guesses were about and scores them against the evaluator's verdicts. */
  revealPredictions(): void;
}

function sameNames(a: readonly ManifestFile[], b: readonly ManifestFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.name === b[i]?.name);
}

export const createGuideSlice: SliceCreator<GuideSlice> = (set, get) => {
  /**
   * Replaces the workspace's files with a step's, keeping node positions (the canvas animates in
   * place); `then` gets the step's analysis once it is on screen (at once: scenarios are small).
   */
  const applyFiles = (files: readonly ManifestFile[], then?: (after: Analysis) => void): void => {
    const state = get();
    const before = currentAnalysis(state);
    const renamed = !sameNames(state.files, files);
    set({
      files: [...files],
      activeFile: files.some((f) => f.name === state.activeFile) ? state.activeFile : (files[files.length - 1]?.name ?? ''),
      ...(renamed ? { generation: state.generation + 1, selection: null } : {}),
      intents: [],
      drawnExternals: [],
      generatorProblems: [],
      pendingRemoval: undefined,
    });
    get().analyzeNow(() => {
      const after = currentAnalysis(get());
      get().setFlowChanges(stepChanges(before, after));
      then?.(after);
    });
  };
  const moveTo = (step: number, then?: (after: Analysis) => void): void => {
    const guide = get().guide;
    const scenario = guide ? findScenario(guide.scenarioId) : undefined;
    if (!guide || !scenario) return;
    const clamped = Math.max(0, Math.min(stepCount(scenario), Math.trunc(step)));
    set({ guide: { scenarioId: guide.scenarioId, step: clamped }, prediction: undefined });
    applyFiles(scenario.stepFiles(clamped), then);
  };

  return {
    guide: undefined,
    presentation: false,
    gallery: undefined,
    prediction: undefined,
    predictionResults: {},
    startGuide(id) {
      const scenario = findScenario(id);
      if (!scenario) return false;
      get().replaceFiles(scenario.manifests, scenario.title);
      get().setFlowChanges(undefined);
      set({ guide: { scenarioId: id, step: 0 }, prediction: undefined, predictionResults: {}, gallery: undefined });
      return true;
    },
    goToStep(n) {
      moveTo(n);
    },
    exitGuide() {
      set({ guide: undefined, prediction: undefined, predictionResults: {} });
      get().setFlowChanges(undefined);
    },
    setPresentation(on) {
      set({ presentation: on });
    },
    openGallery(mode = 'menu') {
      set({ gallery: mode });
    },
    closeGallery() {
      set({ gallery: undefined });
    },
    askPredictions(step) {
      const guide = get().guide;
      const scenario = guide ? findScenario(guide.scenarioId) : undefined;
      const queries = scenario?.steps?.[step - 1]?.predict ?? [];
      if (!guide || queries.length === 0) return;
      // The last step's change marks would compete with the flows asked about.
      get().setFlowChanges(undefined);
      set({ prediction: { step, guesses: queries.map(() => undefined) } });
    },
    setGuess(index, guess) {
      const round = get().prediction;
      if (!round || index < 0 || index >= round.guesses.length) return;
      set({ prediction: { step: round.step, guesses: round.guesses.map((g, i) => (i === index ? guess : g)) } });
    },
    cancelPredictions() {
      set({ prediction: undefined });
    },
    revealPredictions() {
      const round = get().prediction;
      const guide = get().guide;
      const scenario = guide ? findScenario(guide.scenarioId) : undefined;
      if (!round || !guide || !scenario) return;
      const queries = scenario.steps?.[round.step - 1]?.predict ?? [];
      moveTo(round.step, (after) => {
        const result = scorePredictions(after, queries, round.guesses);
        set({ predictionResults: { ...get().predictionResults, [round.step]: result } });
      });
    },
  };
};
