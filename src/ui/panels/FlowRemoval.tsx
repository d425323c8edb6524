/**
 * A flow in the drawing: whether it was drawn (and what the policies make of it), a button to
 * delete it, and, after a delete, the rules that still allow it with the precise choices:
 * remove this peer from the rule, narrow the peer to exclude this end, or leave it.
 * Hand-written rules are only edited when the user picks a choice here.
 */
import { useMemo, useState } from 'react';
import { compareDrawnWithActual, describeFlowEnd, formatPortSetShort, type RemovalChoice } from '../../core/index.ts';
import { findIntent } from '../canvas/drawing.ts';
import { appStore, selectAnalysis, useAppStore, type AppState } from '../store/index.ts';
import './drawing-panels.css';

const selectIntents = (s: AppState) => s.intents;
const selectPending = (s: AppState) => s.pendingRemoval;

const CHOICE_TEXT: Record<RemovalChoice, string> = {
  'remove-peer': 'Remove this peer',
  narrow: 'Narrow it to exclude this end',
  leave: 'Leave it',
};

function PendingRemoval({ source, target }: { readonly source: string; readonly target: string }) {
  const pending = useAppStore(selectPending);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | undefined>(undefined);
  if (!pending || pending.source !== source || pending.target !== target) return null;
  const { removal } = pending;
  const shown = removal.allowances.map((a, index) => ({ a, index })).filter(({ a, index }) => !left.has(`${index}:${a.policy}`));
  return (
    <section className="flow-removal" data-testid="flow.removal" aria-label="Still allowed after deleting">
      <h4>Still allowed on {formatPortSetShort(removal.stillAllowed)}</h4>
      {removal.openSides.length > 0 ? (
        <p className="muted" data-testid="flow.removal.open">
          Open by default (no policy isolates it):{' '}
          {removal.openSides.map((side) => (side === 'egress' ? `${source}'s egress` : `${target}'s ingress`)).join(' and ')}.
          {removal.openSides.length === 1 ? ' Only policies on the other side decide this flow.' : ' Nothing decides this flow: it stays allowed.'}
        </p>
      ) : null}
      {shown.length > 0 ? <p>These rules allow it; nothing is rewritten unless you choose:</p> : null}
      <ul>
        {shown.map(({ a, index }) => (
          <li key={`${index}:${a.policy}`} data-testid={`removal.${index}`}>
            <div>
              <strong>{a.policy}</strong> {a.direction} rule #{a.ruleIndex + 1}
              {a.peerIndex !== undefined ? `, peer #${a.peerIndex + 1}` : ''}
              {a.generated ? ' (generated)' : ' (hand-written)'}
            </div>
            {a.note ? <div className="muted">{a.note}</div> : null}
            <div className="removal-choices">
              {a.choices.map((choice) => (
                <button
                  key={choice}
                  type="button"
                  data-testid={`removal.${index}.${choice}`}
                  onClick={() => {
                    if (choice === 'leave') setLeft(new Set([...left, `${index}:${a.policy}`]));
                    else setProblem(appStore.getState().applyRemoval(index, choice));
                  }}
                >
                  {CHOICE_TEXT[choice]}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {problem ? (
        <p className="draw-error" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="button" className="link" onClick={() => appStore.getState().dismissRemoval()}>
        Done
      </button>
    </section>
  );
}

export function FlowRemoval({ source, target }: { readonly source: string; readonly target: string }) {
  const intents = useAppStore(selectIntents);
  const analysis = useAppStore(selectAnalysis);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const intent = intents[findIntent(intents, source, target)];
  const denied = useMemo(
    () => (intent && analysis ? compareDrawnWithActual(analysis.model, [intent]).drawnButDenied : []),
    [intent, analysis],
  );
  const ports = intent
    ? intent.ports.kind === 'declared'
      ? 'its declared ports'
      : intent.ports.kind === 'all'
        ? 'all ports'
        : intent.ports.entries.map((e) => `${e.protocol ?? 'TCP'} ${e.port ?? 'any'}${e.endPort ? `-${e.endPort}` : ''}`).join(', ')
    : undefined;
  return (
    <div className="flow-drawing" data-testid="flow.drawing">
      {intent ? (
        <p>
          <span className="drawn-tag">drawn</span> {describeFlowEnd(intent.source)} → {describeFlowEnd(intent.destination)} on {ports}
        </p>
      ) : null}
      {denied.length > 0 ? (
        <div className="drawn-denied" role="status" data-testid="flow.drawn-denied">
          <strong>Drawn, but the policies deny it{denied[0]?.addresses ? ` for ${denied[0].addresses}` : ''}.</strong>
          <ul>
            {denied.flatMap((d) => d.reasons).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <button type="button" className="flow-delete" onClick={() => setProblem(appStore.getState().deleteFlow(source, target))} data-testid="flow.delete">
        Delete this flow
      </button>
      {problem ? (
        <p className="draw-error" role="alert">
          {problem}
        </p>
      ) : null}
      <PendingRemoval source={source} target={target} />
    </div>
  );
}
