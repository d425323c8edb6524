/**
 * Moving through a guide, shared by the guide bar's buttons and the arrow keys. "Next" first asks
 * for predictions when the next step wants them (and they were not made yet in this guide);
 * while predicting, "Next" reveals; "Back" leaves the predictions or goes one step back.
 */
import { findScenario } from '../scenarios.ts';
import type { AppState } from '../store/types.ts';
import { stepAt, stepCount } from './steps.ts';

export type GuideState = Pick<AppState, 'guide' | 'prediction' | 'predictionResults'>;

export type NextAction = 'predict' | 'step' | 'reveal' | 'finish' | undefined;

/** What "Next" does now. */
export function nextAction(state: GuideState): NextAction {
  const { guide, prediction } = state;
  const scenario = guide ? findScenario(guide.scenarioId) : undefined;
  if (!guide || !scenario) return undefined;
  if (prediction) return 'reveal';
  if (guide.step >= stepCount(scenario)) return 'finish';
  const next = guide.step + 1;
  const asks = (stepAt(scenario, next)?.predict ?? []).length > 0;
  return asks && state.predictionResults[next] === undefined ? 'predict' : 'step';
}

type Actions = Pick<AppState, 'askPredictions' | 'goToStep' | 'revealPredictions' | 'exitGuide'>;

export function goNext(state: GuideState & Actions): void {
  const step = state.guide?.step ?? 0;
  switch (nextAction(state)) {
    case 'predict':
      return state.askPredictions(step + 1);
    case 'step':
      return state.goToStep(step + 1);
    case 'reveal':
      return state.revealPredictions();
    case 'finish':
      return state.exitGuide();
    case undefined:
      return;
  }
}

/** True when "Back" can do something. */
export function canGoBack(state: GuideState): boolean {
  return state.prediction !== undefined || (state.guide?.step ?? 0) > 0;
}

export function goBack(state: GuideState & Pick<AppState, 'goToStep' | 'cancelPredictions'>): void {
  if (state.prediction) state.cancelPredictions();
  else if (state.guide && state.guide.step > 0) state.goToStep(state.guide.step - 1);
}
