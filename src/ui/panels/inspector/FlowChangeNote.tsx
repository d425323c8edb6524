/** While comparing with a baseline: what the selected flow gained or lost since. */
import { workloadMatrix } from '../../canvas/workload-matrix.ts';
import { changeEnds } from '../../compare/flow-changes.ts';
import { selectAnalysis, useAppStore, type AppState } from '../../store/index.ts';

const selectBaselineDiff = (s: AppState) => s.baselineDiff;

export function FlowChangeNote({ source, target }: { readonly source: string; readonly target: string }) {
  const diff = useAppStore(selectBaselineDiff);
  const analysis = useAppStore(selectAnalysis);
  if (!diff || !analysis) return null;
  const matrix = workloadMatrix(analysis);
  const matches = (c: (typeof diff.added)[number]) => {
    const ends = changeEnds(c, matrix);
    return ends.sources.includes(source) && ends.targets.includes(target);
  };
  const added = diff.added.filter(matches).map((c) => c.ports);
  const removed = diff.removed.filter(matches).map((c) => c.ports);
  if (added.length === 0 && removed.length === 0) return null;
  return (
    <p className="insp-note" data-testid="inspector.flow-change">
      Since the baseline:{added.length > 0 ? <> now allows <strong>{added.join('; ')}</strong>.</> : null}
      {removed.length > 0 ? <> no longer allows <strong>{removed.join('; ')}</strong>.</> : null}
    </p>
  );
}
