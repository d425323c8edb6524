/** The questions of the prediction round in progress, resolved against the model on screen. */
import { useMemo } from 'react';
import { findScenario } from '../scenarios.ts';
import { selectAnalysis, useAppStore } from '../store/index.ts';
import type { AppState } from '../store/types.ts';
import { questionsOf, type GuideQuestion } from './questions.ts';
import { stepAt } from './steps.ts';

const NONE: readonly GuideQuestion[] = [];
const selectGuide = (s: AppState) => s.guide;
const selectRoundStep = (s: AppState) => s.prediction?.step;

export function useGuideQuestions(): readonly GuideQuestion[] {
  const guide = useAppStore(selectGuide);
  const step = useAppStore(selectRoundStep);
  const analysis = useAppStore(selectAnalysis);
  return useMemo(() => {
    const scenario = guide ? findScenario(guide.scenarioId) : undefined;
    const texts = scenario && step !== undefined ? (stepAt(scenario, step)?.predict ?? []) : [];
    return texts.length > 0 && analysis ? questionsOf(texts, analysis.model) : NONE;
  }, [guide, step, analysis]);
}
