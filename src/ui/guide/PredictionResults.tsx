/**
 * The scored predictions of a revealed step: the score, each flow with the guess and the
 * evaluator's verdict, and for every wrong guess the evaluator's reasons (its own sentences, and
 * a link to the flow in the inspector outside presentation mode).
 */
import type { PredictionItem, PredictionResult } from './predictions.ts';
import { appStore } from '../store/index.ts';
import { scoreText } from './predictions.ts';
import { Sentences } from './Sentences.tsx';

const WORDS = { allowed: '✓ Allowed', denied: '✗ Denied', partial: '◐ Partly allowed' } as const;

function showInInspector(item: PredictionItem): void {
  if (!item.fromNode || !item.toNode) return;
  const state = appStore.getState();
  state.select({ kind: 'flow', source: item.fromNode, target: item.toNode });
  state.setSidePanel('inspector');
}

function Item({ item, index, presenting }: { readonly item: PredictionItem; readonly index: number; readonly presenting: boolean }) {
  const guess = item.guess ? WORDS[item.guess] : 'no guess';
  return (
    <li className={`guide-result ${item.correct ? 'is-right' : 'is-wrong'}`} data-testid={`guide.result.${index}`} data-correct={String(item.correct)}>
      <span className="guide-result-mark" aria-hidden="true">
        {item.correct ? '✓' : '✗'}
      </span>
      <code className="guide-question-flow">{item.query}</code>
      <span className="guide-result-words">
        {item.actual === undefined ? (
          'cannot be answered'
        ) : (
          <>
            is <strong data-testid={`guide.result.${index}.actual`}>{WORDS[item.actual]}</strong>
            {item.correct ? ' — you were right.' : ` — you said ${guess}.`}
          </>
        )}
      </span>
      {!item.correct ? (
        <div className="guide-why" data-testid={`guide.result.${index}.why`}>
          {/* The evaluator's sentences start with the verdict of the connection that settles it. */}
          {item.explanation.length > 0 ? <Sentences lines={item.explanation} /> : <p className="guide-why-message">{item.message}</p>}
          {!presenting && item.fromNode && item.toNode ? (
            <button type="button" className="link" onClick={() => showInInspector(item)} data-testid={`guide.result.${index}.inspect`}>
              Show this flow in the inspector
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

/** The score, one line: shown above the step's narrative. */
export function PredictionScore({ result }: { readonly result: PredictionResult }) {
  return (
    <p className="guide-score" role="status" data-testid="guide.score" data-right={result.right} data-total={result.total}>
      Your predictions: <strong>{scoreText(result)}</strong>
      {result.right < result.total ? <span className="muted"> — why each wrong one is otherwise, below.</span> : null}
    </p>
  );
}

/** Each flow with the guess, the evaluator's verdict and, for a wrong guess, its reasons. */
export function PredictionResults({ result, presenting }: { readonly result: PredictionResult; readonly presenting: boolean }) {
  return (
    <div className="guide-results">
      <ol className="guide-result-list">
        {result.items.map((item, i) => (
          <Item key={i} item={item} index={i} presenting={presenting} />
        ))}
      </ol>
    </div>
  );
}
