/** "Expect this flow" for the flow selected on the canvas, with its protocol and port to choose. */
import { useMemo, useState } from 'react';
import { evaluateFlowQuery, isFlowQueryError, parseFlowQuery, PROTOCOLS, type Protocol } from '../../../core/index.ts';
import type { Analysis } from '../../analysis.ts';
import { ExpectFlow } from './ExpectFlow.tsx';
import { endpointTextOfNode } from './flow-nodes.ts';

interface Props {
  readonly analysis: Analysis;
  readonly source: string;
  readonly target: string;
}

function firstPort(analysis: Analysis, id: string): string {
  return String(analysis.model.workloads.find((w) => w.id === id)?.ports[0]?.containerPort ?? '');
}

export function ExpectSelectedFlow({ analysis, source, target }: Props) {
  const from = endpointTextOfNode(analysis, source);
  const to = endpointTextOfNode(analysis, target);
  const [protocol, setProtocol] = useState<Protocol>('TCP');
  const [portText, setPortText] = useState(() => firstPort(analysis, target));
  const port = /^[0-9]+$/.test(portText.trim()) ? Number(portText.trim()) : undefined;
  const portError = portText.trim() !== '' && (port === undefined || port < 1 || port > 65535);
  const actual = useMemo(() => {
    if (from === undefined || to === undefined || portError) return undefined;
    const query = parseFlowQuery(`${from} -> ${to} ${protocol}${port === undefined ? '' : ` ${port}`}`);
    if (isFlowQueryError(query)) return undefined;
    const evaluation = evaluateFlowQuery(analysis.model, analysis.evaluator, query);
    return 'code' in evaluation ? undefined : evaluation.actual;
  }, [analysis, from, to, protocol, port, portError]);
  if (from === undefined || to === undefined) return null;
  return (
    <section className="assertions-expect" aria-label="Expect the selected flow">
      <h3>Selected flow</h3>
      <div className="expect-flow-row">
        <code>
          {from} → {to}
        </code>
        <select aria-label="Protocol" value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)} data-testid="expect.protocol">
          {PROTOCOLS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <input
          aria-label="Port (empty: every port)"
          placeholder="every port"
          inputMode="numeric"
          size={7}
          value={portText}
          onChange={(e) => setPortText(e.target.value)}
          aria-invalid={portError ? true : undefined}
          data-testid="expect.port"
        />
      </div>
      {portError ? (
        <p className="probe-error" role="alert">
          A port is a number from 1 to 65535 (leave it empty for every port).
        </p>
      ) : actual ? (
        <>
          <p className="muted" data-testid="expect.current">
            Now: {actual === 'partial' ? 'allowed on some ports, denied on others' : actual}.
          </p>
          <ExpectFlow
            key={`${from}|${to}|${protocol}|${port ?? ''}`}
            from={from}
            to={to}
            protocol={protocol}
            {...(port === undefined ? {} : { port })}
            current={actual === 'denied' ? 'denied' : 'allowed'}
          />
        </>
      ) : null}
    </section>
  );
}
