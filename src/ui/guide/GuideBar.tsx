/**
 * The guide bar, under the canvas and the panels while a lesson runs: which lesson, step N of M,
 * the step's title and narrative, Back / Next (also ← / →), predictions before a step that asks
 * for them and their score after, and Exit. When the workspace no longer holds the step's files
 * (the learner edited them, or pressed Undo) it says so and offers to restore them.
 */
import { useMemo } from 'react';
import { findScenario, type Scenario } from '../scenarios.ts';
import { appStore, selectFiles, selectGuide, selectPresentation, useAppStore } from '../store/index.ts';
import type { AppState } from '../store/types.ts';
import { canGoBack, goBack, goNext, nextAction, type NextAction } from './guide-nav.ts';
import { Narrative } from './Narrative.tsx';
import { PredictionResults, PredictionScore } from './PredictionResults.tsx';
import { PredictPanel } from './PredictPanel.tsx';
import { sameFiles, stepAt, stepCount } from './steps.ts';
import { useGuideQuestions } from './use-questions.ts';
import './guide.css';

const selectPrediction = (s: AppState) => s.prediction;
const selectResults = (s: AppState) => s.predictionResults;

const NEXT_LABEL: Readonly<Record<Exclude<NextAction, undefined>, string>> = {
  predict: 'Next: predict ▸',
  step: 'Next ▸',
  reveal: 'Reveal ▸',
  finish: 'Finish',
};

export function GuideBar() {
  const guide = useAppStore(selectGuide);
  const scenario = guide ? findScenario(guide.scenarioId) : undefined;
  return guide && scenario ? <GuideView step={guide.step} scenario={scenario} /> : null;
}

function GuideView({ step, scenario }: { readonly step: number; readonly scenario: Scenario }) {
  const prediction = useAppStore(selectPrediction);
  const results = useAppStore(selectResults);
  const presenting = useAppStore(selectPresentation);
  const files = useAppStore(selectFiles);
  const questions = useGuideQuestions();
  const setGuess = useAppStore((s) => s.setGuess);
  const exitGuide = useAppStore((s) => s.exitGuide);
  const goToStep = useAppStore((s) => s.goToStep);
  const total = stepCount(scenario);
  const current = stepAt(scenario, step);
  const position = { guide: { scenarioId: scenario.id, step }, prediction, predictionResults: results };
  const next = nextAction(position);
  const drifted = useMemo(() => !prediction && !sameFiles(files, scenario.stepFiles(step)), [prediction, files, scenario, step]);
  const predictedStep = prediction ? stepAt(scenario, prediction.step) : undefined;
  const result = prediction ? undefined : results[step];

  return (
    <section className="guide-bar" aria-label="Guided lesson" data-testid="guide" data-step={step} data-mode={prediction ? 'predict' : 'read'}>
      <header className="guide-head">
        <span className="guide-lesson" data-testid="guide.lesson">
          {scenario.title}
        </span>
        <span className="guide-progress" data-testid="guide.progress">
          {prediction ? `Predict step ${prediction.step} of ${total}` : step === 0 ? `Introduction · ${total} steps` : `Step ${step} of ${total}`}
        </span>
        <h2 className="guide-title" aria-live="polite" data-testid="guide.title">
          {prediction ? (predictedStep?.title ?? '') : step === 0 ? 'Before we start' : (current?.title ?? '')}
        </h2>
        <span className="guide-spacer" />
        <div className="guide-nav" role="group" aria-label="Lesson steps">
          <button type="button" onClick={() => goBack(appStore.getState())} disabled={!canGoBack(position)} title="Back (←)" data-testid="guide.back">
            ◂ Back
          </button>
          {next ? (
            <button type="button" className="primary" onClick={() => goNext(appStore.getState())} title={next === 'finish' ? 'End the lesson and keep editing' : 'Next (→)'} data-testid="guide.next" data-action={next}>
              {NEXT_LABEL[next]}
            </button>
          ) : null}
          <button type="button" onClick={exitGuide} title="Leave the lesson; the workspace keeps this step's files" data-testid="guide.exit">
            Exit guide
          </button>
        </div>
      </header>
      <div className="guide-body">
        {prediction ? (
          <PredictPanel stepTitle={predictedStep?.title ?? ''} questions={questions} guesses={prediction.guesses} onGuess={setGuess} />
        ) : (
          <>
            {result ? <PredictionScore result={result} /> : null}
            <Narrative text={step === 0 ? `${scenario.summary}\n\nPress Next (or →) to begin.` : (current?.narrative ?? '')} testId="guide.narrative" />
            {result ? <PredictionResults result={result} presenting={presenting} /> : null}
          </>
        )}
        {drifted ? (
          <p className="guide-drift" role="status" data-testid="guide.drift">
            The workspace no longer holds this step&apos;s files (your edits, or Undo).{' '}
            <button type="button" className="link" onClick={() => goToStep(step)} data-testid="guide.restore">
              {step === 0 ? 'Restore the starting files' : `Restore the files of step ${step}`}
            </button>{' '}
            (Undo brings your edits back.)
          </p>
        ) : null}
      </div>
    </section>
  );
}
