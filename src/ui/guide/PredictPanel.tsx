/**
 * Predict mode: before a step is revealed, each of its flows (highlighted on the canvas with its
 * number) gets an Allowed / Denied choice. Real radio buttons: Tab moves between flows, the arrow
 * keys between the two answers.
 */
import type { Guess } from './predictions.ts';
import type { GuideQuestion } from './questions.ts';

export interface PredictPanelProps {
  readonly stepTitle: string;
  readonly questions: readonly GuideQuestion[];
  readonly guesses: readonly (Guess | undefined)[];
  readonly onGuess: (index: number, guess: Guess) => void;
}

const CHOICES: readonly { value: Guess; label: string; icon: string }[] = [
  { value: 'allowed', label: 'Allowed', icon: '✓' },
  { value: 'denied', label: 'Denied', icon: '✗' },
];

export function PredictPanel({ stepTitle, questions, guesses, onGuess }: PredictPanelProps) {
  const answered = guesses.filter((g) => g !== undefined).length;
  return (
    <div className="guide-predict" data-testid="guide.predict">
      <p className="guide-predict-intro">
        Next: <strong>{stepTitle}</strong>. Before you see it, predict: after this step, will each flow be allowed or
        denied?
      </p>
      <ol className="guide-questions">
        {questions.map((q, i) => (
          <li key={q.number} className="guide-question" data-testid={`guide.predict.${i}`} data-answered={guesses[i] ? 'true' : 'false'}>
            <span className="guide-question-number" aria-hidden="true">
              #{q.number}
            </span>
            <code className="guide-question-flow" id={`guide-question-${i}`}>
              {q.text}
            </code>
            <span className="guide-choices" role="radiogroup" aria-labelledby={`guide-question-${i}`}>
              {CHOICES.map((c) => (
                <label key={c.value} className={`guide-choice guide-choice-${c.value}${guesses[i] === c.value ? ' is-chosen' : ''}`}>
                  <input
                    type="radio"
                    name={`guide-guess-${i}`}
                    value={c.value}
                    checked={guesses[i] === c.value}
                    onChange={() => onGuess(i, c.value)}
                    data-testid={`guide.predict.${i}.${c.value}`}
                  />
                  <span aria-hidden="true">{c.icon}</span> {c.label}
                </label>
              ))}
            </span>
          </li>
        ))}
      </ol>
      <p className="guide-predict-status muted" role="status">
        {answered === questions.length ? 'All answered: Reveal to see the step.' : `${answered} of ${questions.length} answered.`}
      </p>
    </div>
  );
}
