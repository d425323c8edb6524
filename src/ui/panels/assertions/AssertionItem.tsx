/**
 * One expected flow: PASS / FAIL / ERROR as icon, word and colour (never colour alone), the line
 * as written, where it is, and for a failure the message and the evaluator's reasons. Clicking
 * it shows the line in the editor and selects the flow on the canvas.
 */
import { memo } from 'react';
import { formatFlowAssertion, type FlowAssertionResult } from '../../../core/index.ts';

const STATUS: Readonly<Record<FlowAssertionResult['status'], { icon: string; word: string }>> = {
  pass: { icon: '✓', word: 'PASS' },
  fail: { icon: '✗', word: 'FAIL' },
  error: { icon: '⚠', word: 'ERROR' },
};

interface AssertionItemProps {
  readonly result: FlowAssertionResult;
  readonly selected: boolean;
  readonly onShow: (result: FlowAssertionResult) => void;
}

export const AssertionItem = memo(function AssertionItem({ result, selected, onShow }: AssertionItemProps) {
  const { icon, word } = STATUS[result.status];
  const a = result.assertion;
  const reasons = result.status === 'fail' ? result.explanation.slice(1) : [];
  return (
    <li
      className={`assertion assertion-${result.status}${selected ? ' selected' : ''}`}
      data-testid="assertion"
      data-status={result.status}
      data-file={a.file}
      data-line={a.line}
      data-selected={selected ? 'true' : undefined}
    >
      <button type="button" className="assertion-main" onClick={() => onShow(result)} title="Show this line in the editor and the flow on the canvas">
        <span className={`assertion-status assertion-status-${result.status}`} data-testid="assertion.status">
          <span aria-hidden="true">{icon}</span> {word}
        </span>
        <code className="assertion-line">{formatFlowAssertion(a)}</code>
        <span className="assertion-where muted">
          {a.file}:{a.line}
        </span>
      </button>
      {result.status === 'pass' ? null : (
        <div className="assertion-detail">
          <p className="assertion-message" data-testid="assertion.message">
            {result.message}
          </p>
          {reasons.length > 0 ? (
            <ul className="assertion-reasons" data-testid="assertion.reasons">
              {reasons.map((line, i) => (
                <li key={i} className={line.startsWith('- ') ? 'assertion-sub' : undefined}>
                  {line.startsWith('- ') ? line.slice(2) : line}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </li>
  );
});
