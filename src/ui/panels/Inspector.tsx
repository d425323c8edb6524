/**
 * The inspector: explains the selection (a flow, a node, a policy) from the last good analysis,
 * or, with nothing selected, says how to use it and lists the policies.
 */
import { FlowRemoval } from './FlowRemoval.tsx';
import { FlowChangeNote } from './inspector/FlowChangeNote.tsx';
import { FlowInspector } from './inspector/FlowInspector.tsx';
import { NodeInspector } from './inspector/NodeInspector.tsx';
import { Overview } from './inspector/Overview.tsx';
import { PolicyInspector } from './inspector/PolicyInspector.tsx';
import { selectAnalysis, selectSelection, selectStale, useAppStore } from '../store/index.ts';
import './inspector/inspector.css';
import { WorkloadEditor } from './WorkloadEditor.tsx';

export function Inspector() {
  const analysis = useAppStore(selectAnalysis);
  const selection = useAppStore(selectSelection);
  const stale = useAppStore(selectStale);
  const select = useAppStore((s) => s.select);
  return (
    <div className="inspector" data-testid="inspector" data-selection={selection?.kind ?? 'none'}>
      {stale ? (
        <p className="insp-stale" role="status">
          The YAML has errors: this explains the last version that parsed.
        </p>
      ) : null}
      {selection ? (
        <p className="insp-back">
          <button type="button" className="link" onClick={() => select(null)} data-testid="inspector.clear">
            ← Overview
          </button>
        </p>
      ) : null}
      {!analysis ? (
        <p className="muted">Nothing loaded yet.</p>
      ) : selection === null ? (
        <Overview analysis={analysis} />
      ) : selection.kind === 'flow' ? (
        <>
          <FlowRemoval source={selection.source} target={selection.target} />
          <FlowChangeNote source={selection.source} target={selection.target} />
          <FlowInspector analysis={analysis} source={selection.source} target={selection.target} />
        </>
      ) : selection.kind === 'node' ? (
        <>
          <WorkloadEditor id={selection.id} />
          <NodeInspector analysis={analysis} id={selection.id} />
        </>
      ) : (
        <PolicyInspector analysis={analysis} id={selection.id} />
      )}
    </div>
  );
}
