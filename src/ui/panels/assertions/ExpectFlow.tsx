/**
 * "Expect this flow": turns a flow the user is looking at (the selected canvas flow, a probe
 * answer) into a line of the workspace's flows file, expecting what the policies do now unless
 * the user says otherwise.
 */
import { useState } from 'react';
import { formatFlowAssertion, isFlowQueryError, parseFlowQuery, type FlowExpectation, type Protocol } from '../../../core/index.ts';
import { expectFlow } from './expect-flow-action.ts';
import './assertions.css';

export interface ExpectFlowProps {
  readonly from: string;
  readonly to: string;
  readonly protocol: Protocol;
  readonly port?: number;
  /** What the evaluator says now: the default expectation. */
  readonly current: FlowExpectation;
}

export function ExpectFlow({ from, to, protocol, port, current }: ExpectFlowProps) {
  const [expect, setExpect] = useState<FlowExpectation>(current);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | undefined>(undefined);
  const query = parseFlowQuery(`${from} -> ${to} ${protocol}${port === undefined ? '' : ` ${port}`}`);
  const line = isFlowQueryError(query) ? undefined : formatFlowAssertion({ ...query, expect });
  return (
    <div className="expect-flow" data-testid="expect.flow">
      <div className="expect-flow-row">
        <select
            aria-label="Expectation"
            value={expect}
            onChange={(e) => {
              setExpect(e.target.value as FlowExpectation);
              setStatus(undefined);
            }}
            data-testid="expect.verdict"
          >
            <option value="allowed">allowed</option>
            <option value="denied">denied</option>
          </select>
        <button type="button" disabled={line === undefined} onClick={() => setStatus(expectFlow({ from, to, protocol, ...(port === undefined ? {} : { port }), expect }))} data-testid="expect.add">
          Expect this flow
        </button>
      </div>
      {line ? <code className="expect-flow-line" data-testid="expect.line">{line}</code> : null}
      {status ? (
        <p className={status.ok ? 'expect-flow-status muted' : 'expect-flow-status probe-error'} role="status" data-testid="expect.status">
          {status.message}
        </p>
      ) : null}
    </div>
  );
}
