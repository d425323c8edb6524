/**
 * What-if: save the workspace as a baseline, change labels or policies, and see the flows that
 * appeared or went away since (the core's reachability diff). Each change selects its flow on
 * the canvas, where added flows glow and removed ones are drawn as ghosts.
 */
import type { FlowChange } from '../../../core/index.ts';
import { workloadMatrix } from '../../canvas/workload-matrix.ts';
import { flowOfChange } from '../../compare/flow-changes.ts';
import { appStore, selectAnalysis, selectBaseline, useAppStore, type AppState } from '../../store/index.ts';
import './compare.css';

const selectComparing = (s: AppState) => s.comparing;
const selectBaselineDiff = (s: AppState) => s.baselineDiff;

function timeOf(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

function ChangeList({ kind, changes }: { readonly kind: 'added' | 'removed'; readonly changes: readonly FlowChange[] }) {
  const analysis = useAppStore(selectAnalysis);
  if (changes.length === 0) return null;
  const matrix = analysis ? workloadMatrix(analysis) : undefined;
  return (
    <section className="compare-section">
      <h3>
        {kind === 'added' ? 'Now allowed' : 'No longer allowed'} ({changes.length})
      </h3>
      <ul className={`compare-list compare-${kind}`} data-testid={`compare.${kind}`}>
        {changes.map((change, i) => {
          const flow = matrix ? flowOfChange(change, matrix) : undefined;
          const text = `${change.from} → ${change.to}`;
          return (
            <li key={`${change.from}|${change.to}|${change.protocol}`} data-testid={`compare.${kind}.${i}`} data-from={change.from} data-to={change.to}>
              <span className="compare-sign" aria-hidden="true">
                {kind === 'added' ? '+' : '−'}
              </span>
              {flow ? (
                <button type="button" className="link" onClick={() => appStore.getState().select({ kind: 'flow', ...flow })} title="Select this flow on the canvas">
                  {text}
                </button>
              ) : (
                <span>{text}</span>
              )}{' '}
              <span className="compare-ports">{change.ports}</span>
              {change.kept ? <span className="muted"> (still allowed: {change.kept})</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ComparePanel() {
  const baseline = useAppStore(selectBaseline);
  const comparing = useAppStore(selectComparing);
  const diff = useAppStore(selectBaselineDiff);
  const { saveBaseline, clearBaseline, setComparing } = appStore.getState();
  return (
    <div className="compare-panel" data-testid="compare">
      <h2>Compare with a baseline</h2>
      <p className="muted">
        Save the manifests as they are as a baseline, then change labels (in the inspector) or policies (in the YAML): the flows that
        appear or go away are listed here and marked on the canvas. The baseline is kept with the workspace in this browser; undo does
        not touch it.
      </p>
      {baseline ? (
        <p className="compare-baseline" data-testid="compare.baseline">
          Baseline: <strong>{baseline.title || 'untitled'}</strong>, saved at {timeOf(baseline.savedAt)} ({baseline.files.length}{' '}
          {baseline.files.length === 1 ? 'file' : 'files'}).
        </p>
      ) : null}
      <div className="compare-actions">
        {baseline ? (
          <button type="button" className={comparing ? undefined : 'primary'} onClick={() => setComparing(!comparing)} aria-pressed={comparing} data-testid="compare.toggle">
            {comparing ? 'Stop comparing' : 'Compare with baseline'}
          </button>
        ) : null}
        <button type="button" className={baseline ? undefined : 'primary'} onClick={() => saveBaseline()} data-testid="compare.save">
          {baseline ? 'Save baseline again' : 'Save baseline'}
        </button>
        {baseline ? (
          <button type="button" onClick={() => clearBaseline()} data-testid="compare.clear">
            Clear baseline
          </button>
        ) : null}
      </div>
      {comparing && diff ? (
        <>
          <p className="compare-summary" role="status" data-testid="compare.summary">
            {diff.added.length === 0 && diff.removed.length === 0
              ? 'No flow changed since the baseline.'
              : `${diff.added.length} ${diff.added.length === 1 ? 'change' : 'changes'} allowing more, ${diff.removed.length} allowing less since the baseline.`}
          </p>
          <ChangeList kind="removed" changes={diff.removed} />
          <ChangeList kind="added" changes={diff.added} />
        </>
      ) : null}
    </div>
  );
}
